using System.Text;
using Leerkluis.Demo.Edexml;
using Leerkluis.Web.Features.Registry.Edexml;
using Leerkluis.Web.Platform.Errors;
using Leerkluis.Web.Platform.Time;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Leerkluis.Tests.Edexml;

public sealed class EdexmlExportTests
{
    private static async Task<(string Xml, EdexmlExportResult Result)> ExportAsync(EdexmlTestDatabase db, SchoolYear? year)
    {
        var output = new MemoryStream();
        var result = await db.UseAsync((sp, _) => sp.GetRequiredService<EdexmlExporter>().ExportAsync(db.SchoolId, output, new EdexmlExportOptions(year)));
        return (Encoding.UTF8.GetString(output.ToArray()), result);
    }

    [Fact]
    public async Task ExportAsync_AfterImportingOfficialExample_ValidatesAgainstXsd()
    {
        await using var db = await EdexmlTestDatabase.CreateAsync("sqlite");
        await db.ImportAsync(EdexmlFixtures.ExampleText, skipInvalid: true);

        var (xml, result) = await ExportAsync(db, new SchoolYear(2014));

        Assert.Equal(1, result.Learners); // 12345 left on 2014-07-18, before the school year
        Assert.Empty(EdexmlFixtures.XsdErrors(xml));
        Assert.Contains("<groep key=\"GRP4B\" />", xml);
        Assert.Contains("<samengestelde_groep key=\"sg1\" />", xml);
    }

    [Fact]
    public async Task ExportAsync_GeneratedSchool_ValidatesAgainstXsdAndReimportsUnchanged()
    {
        await using var db = await EdexmlTestDatabase.CreateAsync("sqlite");
        var imported = await db.ImportAsync(EdexmlFileGenerator.Generate(120, "99ZZ", seed: 9), skipInvalid: false);
        Assert.True(imported.Written);

        var (xml, result) = await ExportAsync(db, new SchoolYear(2024));
        var again = await db.ImportAsync(xml, skipInvalid: false);

        Assert.Equal(120, result.Learners);
        Assert.Empty(result.Omitted);
        Assert.DoesNotContain("<bsn>", xml); // only the last four digits unless asked for
        Assert.True(again.Written, string.Join("; ", again.Problems));
        Assert.Equal(0, again.Created + again.Updated);
        if (EdexmlFixtures.Available) Assert.Empty(EdexmlFixtures.XsdErrors(xml));
    }

    /// <summary>The documented exception again: the current school year is later than the XSD's enumeration.</summary>
    [Fact]
    public async Task ExportAsync_CurrentSchoolYear_OnlyXsdComplaintIsTheSchoolYearEnumeration()
    {
        await using var db = await EdexmlTestDatabase.CreateAsync("sqlite");
        var current = SchoolYear.Containing(Amsterdam.Today(TimeProvider.System));
        await db.ImportAsync(EdexmlFileGenerator.Generate(30, "99ZZ", seed: 3, current), skipInvalid: false);

        var (xml, _) = await ExportAsync(db, null);

        Assert.Contains($"<schooljaar>{current}</schooljaar>", xml);
        Assert.All(EdexmlFixtures.XsdErrors(xml), e => Assert.Contains("schooljaar", e.Message));
    }

    [Fact]
    public async Task ExportAsync_NoLearnersInSchoolYear_RefusedWithMessage()
    {
        await using var db = await EdexmlTestDatabase.CreateAsync("sqlite");

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => ExportAsync(db, new SchoolYear(2024)));

        Assert.Contains("minstens één leerling", error.Errors["schoolYear"][0]);
    }

    [Fact]
    public async Task RunAsync_CommandLineImport_PrintsCountsAndLinesAndExitCodes()
    {
        var folder = Path.Combine(Path.GetTempPath(), "leerkluis-edexml-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var connection = $"--Database:ConnectionString=Data Source={Path.Combine(folder, "cli.db")};Pooling=False";
            var file = Path.Combine(folder, "school.xml");
            await File.WriteAllTextAsync(file, EdexmlFixtures.ExampleText, TestContext.Current.CancellationToken);
            // First run: the CLI migrates the empty database, and the school is not known yet.
            var seeded = new StringWriter();
            Assert.Equal(2, await EdexmlCli.RunAsync(["import-edexml", file, "--school", "99ZZ00", connection, "--Database:Provider=Sqlite"], seeded));
            Assert.Contains("niet bekend", seeded.ToString());

            await SeedSchoolAsync(Path.Combine(folder, "cli.db"));
            var refused = new StringWriter();
            var refusedCode = await EdexmlCli.RunAsync([file, "--school", "99ZZ00", connection], refused);
            var written = new StringWriter();
            var writtenCode = await EdexmlCli.RunAsync([file, "--school", "99ZZ", "--skip-invalid", connection], written);

            Assert.Equal(1, refusedCode);
            Assert.Contains($"regel {EdexmlFixtures.LineOf(EdexmlFixtures.ExampleText, "<bsn>")}", refused.ToString());
            Assert.Equal(0, writtenCode);
            Assert.Contains("created=13 updated=0 unchanged=1 skipped=1", written.ToString());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, true);
        }
    }

    private static async Task SeedSchoolAsync(string path)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        var board = Guid.NewGuid();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            INSERT INTO "Boards" ("Id", "Name") VALUES ($b, 'Stichting CLI');
            INSERT INTO "Schools" ("Id", "BoardId", "Brin", "LocationCode", "Name", "Sector") VALUES ($s, $b, '99ZZ', '00', 'CLI-school', 'Primary');
            """;
        cmd.Parameters.AddWithValue("$b", board.ToString().ToUpperInvariant());
        cmd.Parameters.AddWithValue("$s", Guid.NewGuid().ToString().ToUpperInvariant());
        await cmd.ExecuteNonQueryAsync();
    }
}
