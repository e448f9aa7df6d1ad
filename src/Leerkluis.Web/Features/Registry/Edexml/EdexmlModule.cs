namespace Leerkluis.Web.Features.Registry.Edexml;

public static class EdexmlModule
{
    public static IServiceCollection AddEdexml(this IServiceCollection services)
    {
        // Bound lazily so that hosts without configuration (tests, tools) get the defaults.
        services.AddOptions<EdexmlOptions>().Configure<IServiceProvider>((o, sp) =>
            sp.GetService<IConfiguration>()?.GetSection("Import").Bind(o));
        // Registry's commands (AddRegistry) do the writing of learners; hosts that import call both.
        services.AddScoped<EdexmlPlanner>();
        services.AddScoped<EdexmlWriter>();
        services.AddScoped<EdexmlImporter>();
        services.AddScoped<EdexmlExporter>();
        services.AddSingleton<ImportQueue>();
        services.AddHostedService<ImportWorker>();
        return services;
    }
}
