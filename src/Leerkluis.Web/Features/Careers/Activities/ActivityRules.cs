namespace Leerkluis.Web.Features.Careers.Activities;

/// <summary>When a registration is refused, in one pure place (the API, the advisor's page and the portal all ask it).</summary>
public static class ActivityRules
{
    /// <returns>null when the candidate may register; otherwise the Dutch reason.</returns>
    public static string? RegistrationRefusal(int capacity, int registered, bool alreadyRegistered, DateTime startsUtc, DateTime nowUtc)
    {
        if (alreadyRegistered) return "De kandidaat is al aangemeld voor deze activiteit.";
        if (startsUtc <= nowUtc) return "Deze activiteit is al begonnen of voorbij; aanmelden kan niet meer.";
        if (registered >= capacity) return $"Deze activiteit is vol (alle {capacity} plaatsen zijn bezet). Kies een andere activiteit.";
        return null;
    }

    public static string StatusLabel(AttendanceStatus s) => s switch
    {
        AttendanceStatus.Registered => "aangemeld", AttendanceStatus.Attended => "aanwezig", AttendanceStatus.NoShow => "niet verschenen", _ => s.ToString(),
    };
}
