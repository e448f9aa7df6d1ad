namespace Leerkluis.Web.Features.Careers.Introductions;

/// <summary>The status path of an introduction: proposed → accepted or declined; accepted → started or declined. Declined and started are final.</summary>
public static class IntroductionRules
{
    public static bool MayMove(IntroductionStatus from, IntroductionStatus to) => (from, to) switch
    {
        (IntroductionStatus.Proposed, IntroductionStatus.Accepted or IntroductionStatus.Declined) => true,
        (IntroductionStatus.Accepted, IntroductionStatus.Started or IntroductionStatus.Declined) => true,
        _ => false,
    };

    /// <summary>The button that moves an introduction to this status.</summary>
    public static string ActionLabel(IntroductionStatus s) => s switch
    {
        IntroductionStatus.Accepted => "accepteren", IntroductionStatus.Declined => "afwijzen", IntroductionStatus.Started => "gestart melden", _ => Label(s),
    };

    public static string Label(IntroductionStatus s) => s switch
    {
        IntroductionStatus.Proposed => "voorgesteld", IntroductionStatus.Accepted => "geaccepteerd",
        IntroductionStatus.Declined => "afgewezen", IntroductionStatus.Started => "gestart", _ => s.ToString(),
    };
}
