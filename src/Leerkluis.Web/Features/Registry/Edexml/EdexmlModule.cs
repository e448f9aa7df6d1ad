namespace Leerkluis.Web.Features.Registry.Edexml;

public static class EdexmlModule
{
    public static IServiceCollection AddEdexml(this IServiceCollection services)
    {
        // Bound lazily so that hosts without configuration (tests, tools) get the defaults.
        services.AddOptions<EdexmlOptions>().Configure<IServiceProvider>((o, sp) =>
            sp.GetService<IConfiguration>()?.GetSection("Import").Bind(o));
        services.AddScoped<EdexmlImporter>();
        services.AddScoped<EdexmlExporter>();
        services.AddSingleton<ImportQueue>();
        services.AddHostedService<ImportWorker>();
        return services;
    }
}
