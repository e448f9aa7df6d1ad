using Leerkluis.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Leerkluis.Tests.Platform;

/// <summary>
/// Every URL the application answers, with its methods and its access rule, compared with the checked-in list
/// (routes.txt beside this file). Moving a page or an endpoint to another folder must leave this list unchanged;
/// a deliberate new route is added to the list in the same commit (LEERKLUIS_WRITE_ROUTES=1 rewrites it).
/// </summary>
public sealed class RouteListTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static string ListPath([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "routes.txt");

    [Fact]
    public void Routes_AreTheCheckedInList()
    {
        var actual = RouteLines(app.Services.GetRequiredService<EndpointDataSource>());
        var path = ListPath();
        if (Environment.GetEnvironmentVariable("LEERKLUIS_WRITE_ROUTES") == "1")
            File.WriteAllLines(path, actual);
        var expected = File.ReadAllLines(path).Where(l => l.Length > 0).ToList();
        var added = actual.Except(expected).ToList();
        var gone = expected.Except(actual).ToList();
        Assert.True(added.Count == 0 && gone.Count == 0,
            "The route list changed.\nNew:\n  " + string.Join("\n  ", added) + "\nGone:\n  " + string.Join("\n  ", gone));
    }

    /// <summary>One line per route: methods, pattern, and who may call it (policy, roles or anonymous).</summary>
    public static List<string> RouteLines(EndpointDataSource source) =>
        source.Endpoints.OfType<RouteEndpoint>()
            .Select(e =>
            {
                var methods = e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } m
                    ? string.Join(",", m.OrderBy(x => x, StringComparer.Ordinal)) : "*";
                var auth = e.Metadata.GetMetadata<IAllowAnonymous>() is not null
                    ? "anonymous"
                    : string.Join(" ", e.Metadata.GetOrderedMetadata<IAuthorizeData>()
                        .Select(a => (a.Policy is { Length: > 0 } p ? "policy=" + p : "") + (a.Roles is { Length: > 0 } r ? " roles=" + r : ""))
                        .Where(s => s.Length > 0).Distinct().OrderBy(s => s, StringComparer.Ordinal));
                return $"{methods} /{(e.RoutePattern.RawText ?? "").TrimStart('/')} [{auth}]";
            })
            .Distinct()
            .OrderBy(l => l, StringComparer.Ordinal)
            .ToList();
}
