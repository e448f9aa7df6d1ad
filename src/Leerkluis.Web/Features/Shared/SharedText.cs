namespace Leerkluis.Web.Features.Shared;

/// <summary>
/// Marker for texts that page models produce (notices, form errors) rather than views. The Dutch text is the key;
/// SharedText.en.resx beside this file translates it, and unknown texts (such as a use case's message
/// naming a learner) stay Dutch.
/// </summary>
public sealed class SharedText;
