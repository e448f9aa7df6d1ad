using System.Globalization;
using Leerkluis.Web.Features.Shared;
using Leerkluis.Web.Platform.Errors;
using Leerkluis.Web.Platform.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Leerkluis.Web.Features.Vault.Consent;

/// <summary>
/// The consent page for whoever manages a learner's consents: a guardian per child (/Ouder/Kind/{id}/Toestemming) or
/// the learner of 16+ (/Leerling/Toestemming). Lists active and past consents, grants, and revokes after a confirmation
/// step that works without JavaScript (?intrekken={consentId}). The use cases decide who may do what.
/// </summary>
public abstract class ConsentPageModel(ConsentQueries queries, ConsentCommands commands, TimeProvider clock, IStringLocalizer<SharedText> text) : PageModel
{
    public sealed class InputModel
    {
        /// <summary>"o:{organisationId}" or "g:{guardianId}".</summary>
        public string? Grantee { get; set; }
        public List<string> Sections { get; set; } = [];
        public string? ValidUntil { get; set; }
        public string? Purpose { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true, Name = "intrekken")] public Guid? ConfirmRevoke { get; set; }
    public Guid LearnerId { get; private set; }
    public ConsentList Consents { get; private set; } = null!;
    public IReadOnlyList<GranteeOption> Grantees { get; private set; } = [];
    public ConsentView? ToRevoke => ConfirmRevoke is { } id ? Consents.Active.FirstOrDefault(c => c.Id == id) : null;

    /// <summary>The learner whose consents this page shows (404 when the actor has none).</summary>
    protected abstract Guid Learner(Guid? routeId);
    /// <summary>Where this page lives, to return to after a post.</summary>
    public abstract string PagePath { get; }

    private static readonly Dictionary<string, string> Keys = new()
    {
        ["organisationId"] = "Input.Grantee", ["guardianId"] = "Input.Grantee", ["sections"] = "Input.Sections",
        ["validUntil"] = "Input.ValidUntil", ["purpose"] = "Input.Purpose",
    };

    public async Task OnGetAsync(Guid? id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        Input.ValidUntil = Amsterdam.Today(clock).AddMonths(6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    public async Task<IActionResult> OnPostGrantAsync(Guid? id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        var until = ModelState.ParseDate("Input.ValidUntil", Input.ValidUntil, text);
        Guid? org = null, guardian = null;
        if (Input.Grantee is { Length: > 2 } g && Guid.TryParse(g[2..], out var granteeId))
        {
            if (g.StartsWith("o:", StringComparison.Ordinal)) org = granteeId;
            else if (g.StartsWith("g:", StringComparison.Ordinal)) guardian = granteeId;
        }
        try
        {
            await commands.GrantAsync(LearnerId, new GrantConsentCommand(org, guardian, Input.Sections, until, Input.Purpose), ct);
            var name = Grantees.FirstOrDefault(x => x.Id == (org ?? guardian))?.Name ?? "";
            TempData["Melding"] = text["{0} heeft toestemming tot en met {1}.", name, Amsterdam.Date(until)].Value;
            return Redirect(PagePath);
        }
        catch (ValidationFailedException ex)
        {
            ModelState.AddDomainErrors(ex, text, Keys);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid? id, Guid consentId, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        await commands.RevokeAsync(LearnerId, consentId, ct);
        TempData["Melding"] = text["De toestemming is ingetrokken. Vanaf nu is er geen inzage meer."].Value;
        return Redirect(PagePath);
    }

    private async Task LoadAsync(Guid? id, CancellationToken ct)
    {
        LearnerId = Learner(id);
        Consents = await queries.ListAsync(LearnerId, ct);
        Grantees = Consents.CanManage ? await queries.GranteeOptionsAsync(LearnerId, ct) : [];
    }
}
