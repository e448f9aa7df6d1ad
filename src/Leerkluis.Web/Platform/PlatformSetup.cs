using System.Globalization;
using System.Threading.RateLimiting;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Crypto;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Errors;
using Leerkluis.Web.Platform.Identity;
using Leerkluis.Web.Platform.Jobs;
using Leerkluis.Web.Platform.Mail;
using Leerkluis.Web.Platform.Web;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Scalar.AspNetCore;

namespace Leerkluis.Web.Platform;

public static class PlatformSetup
{
    public static readonly CultureInfo[] Cultures = [new("nl-NL"), new("en-GB")];

    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;

        services.AddSingleton(Time.ShiftedClock.FromConfiguration(config, builder.Environment));
        services.AddHttpContextAccessor();
        services.AddLeerkluisDb(DatabaseSetup.Read(config));
        services.AddScoped<CurrentActor>();
        services.AddDossierGuard();
        services.AddCrypto(config);
        services.AddMail(config);
        services.AddDailyJobs(config);

        services.AddIdentity<AppUser, AppRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<LeerkluisDb>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<LeerkluisClaimsFactory>();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "leerkluis";
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            // The API answers with status codes, never with a redirect to the log-in page.
            o.Events.OnRedirectToLogin = c => ApiAware(c, StatusCodes.Status401Unauthorized);
            // Wrong role on the API answers 404 like a denied record: nothing about the resource leaks.
            o.Events.OnRedirectToAccessDenied = c => ApiAware(c, StatusCodes.Status404NotFound);
            o.Events.OnValidatePrincipal = ValidateStampWhenDue;
        });
        services.AddDataProtection().PersistKeysToDbContext<LeerkluisDb>().SetApplicationName("Leerkluis");

        var requireMfa = config.GetValue("Security:RequireStaffTwoFactor", true);
        services.AddAuthorization(o => Policies.Configure(o, requireMfa));

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Log-in attempts per client address: slows password guessing on top of the account lockout.
            o.AddPolicy("login", http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = config.GetValue("Security:LoginPermitsPerMinute", 20), Window = TimeSpan.FromMinutes(1) }));
        });

        // Translations sit beside what they translate (Index.en.resx next to Index.cshtml), so no ResourcesPath.
        services.AddLocalization();
        services.Configure<Microsoft.AspNetCore.Mvc.Razor.RazorViewEngineOptions>(o => o.PageViewLocationFormats.Add("/Features/Shared/{0}.cshtml"));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("nl-NL");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });

        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.AddOpenApi();
        // Pages live in their feature folders with absolute routes (ADR 0010): the root is the project, shared views and
        // the layout are in Features/Shared.
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/";
                o.Conventions.Add(new PageRoutes());
                o.Conventions.ConfigureFilter(new PageExceptionFilter());
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = config.GetValue("Import:MaxFileBytes", 50L * 1024 * 1024));
        return builder;
    }

    /// <summary>
    /// Identity's security-stamp check (a changed password or a forced log-out ends other sessions) runs once per
    /// <see cref="SecurityStampValidatorOptions.ValidationInterval"/>. Identity's own validator takes the same decision,
    /// but only after building the sign-in and user managers for every request; here the cheap test comes first.
    /// </summary>
    private static Task ValidateStampWhenDue(Microsoft.AspNetCore.Authentication.Cookies.CookieValidatePrincipalContext c)
    {
        var options = c.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityStampValidatorOptions>>().Value;
        var now = (options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        var due = c.Properties.IssuedUtc is not { } issued || now - issued > options.ValidationInterval;
        return due ? SecurityStampValidator.ValidatePrincipalAsync(c) : Task.CompletedTask;
    }

    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> c, int status)
    {
        if (c.Request.Path.StartsWithSegments("/api")) { c.Response.StatusCode = status; return Task.CompletedTask; }
        c.Response.Redirect(c.RedirectUri);
        return Task.CompletedTask;
    }

    public static WebApplication UsePlatform(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePagesWithReExecute("/Fout/{0}");
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/api-docs", o => o.WithTitle("Leerkluis API").DisableDefaultFonts()).AllowAnonymous(); // no font CDN
        app.MapRazorPages();
        // An unknown address is a 404 for everyone (not a log-in redirect): the API gets problem details, pages the 404 page.
        app.MapFallback((HttpContext http) => http.Request.Path.StartsWithSegments("/api")
            ? Results.Problem(title: "Niet gevonden.", statusCode: StatusCodes.Status404NotFound)
            : Results.StatusCode(StatusCodes.Status404NotFound))
            .AllowAnonymous()
            // Only reads: a write to a known path with the wrong content type must still answer 415.
            .WithMetadata(new Microsoft.AspNetCore.Routing.HttpMethodMetadata(["GET", "HEAD"]));
        return app;
    }
}
