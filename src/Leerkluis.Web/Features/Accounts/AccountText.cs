namespace Leerkluis.Web.Features.Accounts;

/// <summary>
/// Anchor type for the messages the account pages put into ModelState and TempData (Dutch keys, English in
/// AccountText.en.resx beside this file); the pages' own text uses IViewLocalizer per view.
/// </summary>
public sealed class AccountText;
