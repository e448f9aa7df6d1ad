using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Leerkluis.Web.Features.Accounts;

/// <summary>
/// Absolute links for e-mails. "App:BaseUrl" wins because behind a proxy the request's host may be an internal
/// name; without it the current request's scheme and host are used (development, tests).
/// </summary>
public sealed class AccountLinks(IConfiguration config, IHttpContextAccessor http)
{
    public string Build(string path, IReadOnlyDictionary<string, string?> query)
    {
        var baseUrl = config["App:BaseUrl"];
        if (string.IsNullOrWhiteSpace(baseUrl))
        {
            var request = http.HttpContext?.Request
                ?? throw new InvalidOperationException("App:BaseUrl is not configured and there is no request to take the host from.");
            baseUrl = $"{request.Scheme}://{request.Host}{request.PathBase}";
        }
        return QueryHelpers.AddQueryString(baseUrl.TrimEnd('/') + path, query);
    }

    /// <summary>Identity tokens contain '+', '/' and '='; base64url keeps them intact through mail clients and query strings.</summary>
    public static string EncodeToken(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    /// <summary>Null when the text is not a token this site could have produced.</summary>
    public static string? DecodeToken(string? encoded)
    {
        if (string.IsNullOrWhiteSpace(encoded)) return null;
        try { return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(encoded)); }
        catch (FormatException) { return null; }
    }
}
