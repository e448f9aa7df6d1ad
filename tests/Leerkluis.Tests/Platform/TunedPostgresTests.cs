using Leerkluis.Web.Platform.Data;
using Npgsql;

namespace Leerkluis.Tests.Platform;

public sealed class TunedPostgresTests
{
    [Fact]
    public void TunedPostgres_NothingSet_PreparesAndSkipsReset()
    {
        var b = new NpgsqlConnectionStringBuilder(DatabaseSetup.TunedPostgres("Host=db;Database=leerkluis"));

        Assert.Equal(64, b.MaxAutoPrepare);
        Assert.Equal(2, b.AutoPrepareMinUsages);
        Assert.True(b.NoResetOnClose);
    }

    [Fact]
    public void TunedPostgres_OperatorsChoice_Kept()
    {
        // Behind PgBouncer in transaction mode the operator switches preparing off, in either spelling.
        var b = new NpgsqlConnectionStringBuilder(DatabaseSetup.TunedPostgres("Host=db;MaxAutoPrepare=0;no reset on close=false"));

        Assert.Equal(0, b.MaxAutoPrepare);
        Assert.False(b.NoResetOnClose);
    }
}
