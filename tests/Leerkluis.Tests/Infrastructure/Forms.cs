using System.Net;
using System.Text.RegularExpressions;

namespace Leerkluis.Tests.Infrastructure;

/// <summary>A cookie-keeping browser without JavaScript: GET a page, fill its form, POST it with the antiforgery token.</summary>
public static partial class Forms
{
    public static async Task<string> HtmlAsync(this HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    public static Task<HttpResponseMessage> Fetch(this HttpClient client, string url) => client.GetAsync(url, Ct);

    public static Task<HttpResponseMessage> PostJson<T>(this HttpClient client, string url, T body) =>
        System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(client, url, body, Ct);

    public static Task<HttpResponseMessage> PostForm(this HttpClient client, string url, Dictionary<string, string> fields) =>
        client.PostAsync(url, new FormUrlEncodedContent(fields), Ct);

    public static async Task<(HttpResponseMessage Response, string Html)> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url, Ct);
        return (response, await response.HtmlAsync());
    }

    public static string Token(string html)
    {
        var m = TokenPattern().Match(html);
        if (!m.Success) throw new InvalidOperationException("No antiforgery token in the page.");
        return m.Groups[1].Value;
    }

    /// <summary>Loads the form page for its token, then posts the fields to the given (or the same) address.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string pageUrl, Dictionary<string, string> fields, string? postUrl = null)
    {
        var (_, html) = await client.GetPageAsync(pageUrl);
        fields["__RequestVerificationToken"] = Token(html);
        return await client.PostForm(postUrl ?? pageUrl, fields);
    }

    public static string Location(this HttpResponseMessage r) => r.Headers.Location?.OriginalString ?? "";

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")] private static partial Regex TokenPattern();
}
