namespace Leerkluis.Web.Features.Accounts;

public static class AccountsModule
{
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration config)
    {
        return services;
    }

    public static RouteGroupBuilder MapAccountsApi(this RouteGroupBuilder api)
    {
        api.MapLoginApi();
        return api;
    }
}
