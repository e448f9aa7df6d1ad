using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Leerkluis.Web.Features.Home.Pages;

/// <summary>Friendly status pages (404, 403, 500, 429); never a stack trace.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    public void OnGet(int code) => Describe(code);
    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        Response.StatusCode = code;
        (Title, Explanation) = code switch
        {
            404 => ("Niet gevonden", "Deze pagina bestaat niet, of u heeft er geen toegang toe."),
            403 => ("Geen toegang", "U heeft geen toegang tot deze pagina."),
            429 => ("Even geduld", "Te veel pogingen in korte tijd. Probeer het over een minuut opnieuw."),
            _ => ("Er ging iets mis", "Probeer het later opnieuw. Blijft het misgaan, neem dan contact op met de school."),
        };
    }
}
