using Leerkluis.Web.Platform.Access;

namespace Leerkluis.Web.Features.Careers.Catalog;

/// <summary>Regions (created by platform admins), and the partners, contact persons, vacancies and programmes advisors keep per region.</summary>
public static class CatalogApi
{
    public static void Map(CareersApi careers)
    {
        careers.Api.MapPost("/careers/regions", async (CreateRegionCommand c, CareerCatalog s, CancellationToken ct) =>
            TypedResults.Created("/api/v1/careers/regions", await s.CreateRegionAsync(c, ct)))
            .WithTags("Careers").RequireAuthorization(Policies.PlatformAdmin);

        careers.Advisor.MapGet("/regions", async (CareerCatalog s, CancellationToken ct) => TypedResults.Ok(await s.MyRegionDetailsAsync(ct)));
        careers.Advisor.MapGet("/regions/overview", async (CareerCatalog s, CancellationToken ct) => TypedResults.Ok(await s.OverviewAsync(ct)));
        careers.Advisor.MapPost("/partners", async (CreatePartnerCommand c, CareerCatalog s, CancellationToken ct) =>
            TypedResults.Created("/api/v1/careers/regions/overview", new CareersApi.CreatedId((await s.CreatePartnerAsync(c, ct)).Id)));
        careers.Advisor.MapPost("/partners/{partnerId:guid}/contacts", async (Guid partnerId, AddContactPersonCommand c, CareerCatalog s, CancellationToken ct) =>
            TypedResults.Created("/api/v1/careers/regions/overview", new CareersApi.CreatedId((await s.AddContactPersonAsync(partnerId, c, ct)).Id)));
        careers.Advisor.MapPost("/vacancies", async (CreateVacancyCommand c, CareerCatalog s, CancellationToken ct) =>
            TypedResults.Created("/api/v1/careers/vacancies", new CareersApi.CreatedId((await s.CreateVacancyAsync(c, ct)).Id)));
        careers.Advisor.MapPost("/programmes", async (CreateProgrammeCommand c, CareerCatalog s, CancellationToken ct) =>
            TypedResults.Created("/api/v1/careers/programmes", new CareersApi.CreatedId((await s.CreateProgrammeAsync(c, ct)).Id)));
    }
}
