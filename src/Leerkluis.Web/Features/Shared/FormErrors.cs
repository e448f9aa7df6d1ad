using Leerkluis.Web.Platform.Errors;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Leerkluis.Web.Features.Shared;

/// <summary>
/// Puts a use case's field errors ("firstNames", "address.postalCode") on the page's input model
/// ("Input.FirstNames", "Input.PostalCode"), so asp-validation-for shows them next to the field.
/// </summary>
public static class FormErrors
{
    public static void AddDomainErrors(this ModelStateDictionary modelState, ValidationFailedException ex, IStringLocalizer<SharedText> text,
        IReadOnlyDictionary<string, string>? keys = null, string prefix = "Input")
    {
        foreach (var (field, messages) in ex.Errors)
        {
            var key = keys is not null && keys.TryGetValue(field, out var mapped) ? mapped : ToInputKey(field, prefix);
            // The page's own message (an unreadable date) is more precise than the use case's "is verplicht".
            if (modelState.TryGetValue(key, out var existing) && existing.Errors.Count > 0) continue;
            foreach (var message in messages) modelState.AddModelError(key, text[message]);
        }
    }

    /// <summary>"address.postalCode" → "Input.PostalCode": the last segment, Pascal-cased.</summary>
    public static string ToInputKey(string field, string prefix = "Input")
    {
        var last = field[(field.LastIndexOf('.') + 1)..];
        return last.Length == 0 ? "" : $"{prefix}.{char.ToUpperInvariant(last[0])}{last[1..]}";
    }

    /// <summary>Parses a date typed as dd-mm-jjjj or sent by a date picker as yyyy-mm-dd; adds an error when unreadable.</summary>
    public static DateOnly? ParseDate(this ModelStateDictionary modelState, string key, string? value, IStringLocalizer<SharedText> text)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (Platform.Time.Amsterdam.TryParseDate(value.Trim(), out var date)) return date;
        modelState.AddModelError(key, text["Vul de datum in als dd-mm-jjjj, bijvoorbeeld 01-09-2026."]);
        return null;
    }
}
