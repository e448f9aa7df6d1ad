using System.Globalization;
using Leerkluis.Web.Features.Attendance;
using Leerkluis.Web.Features.Attendance.Notices;
using Leerkluis.Web.Features.Shared;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Leerkluis.Web.Features.Attendance.Notices.Pages;

/// <summary>The guardian reports illness or absence: reason, first and (optional) last day, optionally part of a day. Phone-first, no JavaScript.</summary>
[Authorize(Policy = Policies.Guardian)]
public sealed class MeldenModel(AbsenceNotices notices, IStringLocalizer<SharedText> text) : PageModel
{
    public sealed class InputModel
    {
        public string? Code { get; set; }
        public string? From { get; set; }
        public string? To { get; set; }
        public int? FromPeriod { get; set; }
        public int? ToPeriod { get; set; }
        public string? Reason { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public ReportOptions Options { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Options = await notices.OptionsAsync(id, ct);
        // Illness is what most parents report, so it is chosen already.
        var sick = Options.Codes.FirstOrDefault(c => c.Category == AbsenceCategory.Sick) ?? (Options.Codes is [var first, ..] ? first : null);
        Input = new InputModel { Code = sick?.Code, From = Options.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Options = await notices.OptionsAsync(id, ct);
        var from = ModelState.ParseDate("Input.From", Input.From, text);
        var to = ModelState.ParseDate("Input.To", Input.To, text);
        if (!ModelState.IsValid) return Page();
        try
        {
            await notices.ReportAsync(id, new ReportAbsenceCommand(Input.Code, from, to, Input.FromPeriod, Input.ToPeriod, Input.Reason), ct);
            TempData["Melding"] = text["De melding is verstuurd naar de school."].Value;
            return Redirect($"/Ouder/Absentie/{id}");
        }
        catch (ValidationFailedException ex)
        {
            ModelState.AddDomainErrors(ex, text);
            return Page();
        }
    }
}
