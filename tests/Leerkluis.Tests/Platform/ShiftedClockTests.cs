using Leerkluis.Web.Platform.Time;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace Leerkluis.Tests.Platform;

public sealed class ShiftedClockTests
{
    private static IConfiguration Config(string? start) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Clock:StartLocal"] = start }).Build();

    [Fact]
    public void FromConfiguration_StartLocal_StartsAtThatAmsterdamTime()
    {
        var clock = ShiftedClock.FromConfiguration(Config("2026-11-23T08:00"), new HostingEnvironment { EnvironmentName = Environments.Development });

        var local = Amsterdam.ToLocal(clock.GetUtcNow().UtcDateTime);
        Assert.Equal(new DateOnly(2026, 11, 23), Amsterdam.Today(clock));
        Assert.InRange(local.TimeOfDay, new TimeSpan(8, 0, 0), new TimeSpan(8, 1, 0));
    }

    [Fact]
    public void FromConfiguration_Nothing_IsTheSystemClock() =>
        Assert.Same(TimeProvider.System, ShiftedClock.FromConfiguration(Config(null), new HostingEnvironment { EnvironmentName = Environments.Development }));

    [Fact]
    public void FromConfiguration_InProduction_Refused() =>
        Assert.Throws<InvalidOperationException>(() =>
            ShiftedClock.FromConfiguration(Config("2026-11-23T08:00"), new HostingEnvironment { EnvironmentName = Environments.Production }));
}
