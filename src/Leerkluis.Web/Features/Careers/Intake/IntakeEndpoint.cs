using System.Text;
using System.Text.Json;
using Leerkluis.Web.Platform.Errors;
using Leerkluis.Web.Platform.Time;
using Microsoft.AspNetCore.WebUtilities;

namespace Leerkluis.Web.Features.Careers.Intake;

/// <summary>
/// The public intake of the regions' websites: POST /api/v1/intake/{key} (JSON from the embeddable form, or a plain form post),
/// the CORS preflight for that endpoint only (origins per region, from the database), and the form script itself.
/// Errors are answered here, not by the global handler, because that one clears the CORS headers the browser needs to read them.
/// </summary>
public static class IntakeEndpoint
{
    public const int MaxBodyBytes = 16 * 1024;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Map(RouteGroupBuilder api)
    {
        var intake = api.MapGroup("/intake").WithTags("Intake").AllowAnonymous().RequireRateLimiting(CareersPolicies.IntakeRateLimit);
        intake.MapGet("/form.js", (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Text(IntakeSnippet.Script, "text/javascript; charset=utf-8");
        });
        intake.MapMethods("/{key}", ["OPTIONS"], async (string key, HttpContext http, IntakeSubmissions intakes, CancellationToken ct) =>
        {
            var region = await TryRegionAsync(intakes, key, ct);
            if (region is not null && Cors(http, region))
            {
                http.Response.Headers.AccessControlAllowMethods = "POST";
                http.Response.Headers.AccessControlAllowHeaders = "Content-Type";
                http.Response.Headers.AccessControlMaxAge = "600";
            }
            return Results.NoContent();
        });
        intake.MapPost("/{key}", SubmitAsync).DisableAntiforgery();
    }

    private static async Task<IResult> SubmitAsync(string key, HttpContext http, IntakeSubmissions intakes, CancellationToken ct)
    {
        var region = await TryRegionAsync(intakes, key, ct);
        if (region is null) return Results.Problem(title: "Onbekende regiosleutel.", detail: "Controleer de sleutel in het ingesloten formulier.", statusCode: 404);
        var origin = http.Request.Headers.Origin.ToString();
        if (origin.Length > 0 && !Cors(http, region))
            return Results.Problem(title: "Dit formulier mag niet vanaf deze website worden verstuurd.", statusCode: 403);

        if (http.Request.ContentLength > MaxBodyBytes) return TooLarge();
        var body = await ReadLimitedAsync(http.Request.Body, ct);
        if (body is null) return TooLarge();

        var mediaType = http.Request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        var isForm = mediaType == "application/x-www-form-urlencoded";
        IntakeRequest? request;
        if (mediaType == "application/json")
        {
            try { request = JsonSerializer.Deserialize<IntakeRequest>(body, Json); }
            catch (JsonException) { request = null; }
            if (request is null) return Results.Problem(title: "Het formulier kon niet gelezen worden.", detail: "Verstuur de velden als JSON-object.", statusCode: 400);
        }
        else if (isForm)
        {
            var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
            string? F(string name) => form.TryGetValue(name, out var v) ? v.ToString() : null;
            DateOnly? born = null;
            if (!string.IsNullOrWhiteSpace(F("birthDate")))
            {
                if (!Amsterdam.TryParseDate(F("birthDate")!.Trim(), out var d))
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["birthDate"] = ["Vul de geboortedatum in als dd-mm-jjjj."] }, title: "De invoer is niet geldig.");
                born = d;
            }
            request = new IntakeRequest(F("firstName"), F("lastName"), F("email"), F("phone"), born,
                form.TryGetValue("subjects", out var s) ? s.OfType<string>().ToList() : [], form.TryGetValue("sectors", out var sec) ? sec.OfType<string>().ToList() : [],
                F("message"), F("consent") is "on" or "true" or "ja", F("website"));
        }
        else return Results.Problem(title: "Verstuur het formulier als JSON of als formulier.", statusCode: 415);

        try
        {
            await intakes.SubmitAsync(region, request, ct);
        }
        catch (ValidationFailedException v)
        {
            return Results.ValidationProblem(v.Errors, title: v.Message);
        }
        const string thanks = "Bedankt voor je aanmelding. Je ontvangt een bevestiging per e-mail.";
        return isForm
            ? Results.Content($"<!doctype html><html lang=\"nl\"><meta charset=\"utf-8\"><title>Aanmelding ontvangen</title><main><h1>Aanmelding ontvangen</h1><p>{thanks}</p></main></html>", "text/html; charset=utf-8")
            : Results.Json(new { message = thanks }, statusCode: 202);
    }

    private static IResult TooLarge() =>
        Results.Problem(title: "Het formulier is te groot.", detail: $"Een aanmelding is hoogstens {MaxBodyBytes / 1024} kB.", statusCode: 413);

    private static async Task<Region?> TryRegionAsync(IntakeSubmissions intakes, string key, CancellationToken ct)
    {
        try { return await intakes.RegionAsync(key, ct); }
        catch (ValidationFailedException) { return null; }
    }

    /// <summary>Sets the CORS answer when the request's origin is allowed for the region; false when it is not.</summary>
    private static bool Cors(HttpContext http, Region region)
    {
        http.Response.Headers.Vary = "Origin";
        var origin = http.Request.Headers.Origin.ToString();
        if (origin.Length == 0 || !IntakeSubmissions.OriginAllowed(region, origin)) return false;
        http.Response.Headers.AccessControlAllowOrigin = origin;
        return true;
    }

    /// <summary>Reads the body, or null when it is longer than the limit (a chunked body has no Content-Length to check first).</summary>
    private static async Task<byte[]?> ReadLimitedAsync(Stream body, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBodyBytes) return null;
        }
        return buffer.ToArray();
    }
}
