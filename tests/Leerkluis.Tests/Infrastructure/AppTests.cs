namespace Leerkluis.Tests.Infrastructure;

/// <summary>Base of integration test classes that run once per database provider.</summary>
public abstract class AppTests<TApp> : IClassFixture<TApp> where TApp : LeerkluisApp
{
    protected TApp App { get; }
    protected TestWorld W => App.World;

    protected AppTests(TApp app)
    {
        if (app is PostgresApp) PostgresApp.SkipWhenAbsent();
        App = app;
    }
}
