using Leerkluis.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Leerkluis.Tests.Platform;

/// <summary>Every endpoint and page names its access rule explicitly: a policy or roles, or a deliberate AllowAnonymous.</summary>
public sealed class EndpointAuthorizationTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public void AllEndpoints_HaveAnExplicitAuthorizationRule()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.True(endpoints.Count > 20, $"only {endpoints.Count} endpoints found: the enumeration itself is broken");
        var missing = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Where(e => !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Policy) || !string.IsNullOrEmpty(a.Roles)))
            .Select(e => e.RoutePattern.RawText ?? e.DisplayName)
            .ToList();
        Assert.True(missing.Count == 0, "Endpoints without an authorization rule:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void AnonymousEndpoints_AreOnlyTheKnownPublicOnes()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var anonymous = endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => e.RoutePattern.RawText ?? "").ToList();
        string[] publicPrefixes = ["/health", "/openapi", "/api-docs", "Account", "/api/v1/account/login", "Fout", "Index", "Taal", "/api/v1/intake", "{*path:nonfile}", ""];
        var unexpected = anonymous.Where(p => !publicPrefixes.Any(x => x.Length == 0 ? p.Length == 0 : p.TrimStart('/').StartsWith(x.TrimStart('/'), StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.True(unexpected.Count == 0, "Unexpected anonymous endpoints:\n" + string.Join("\n", unexpected));
    }
}
