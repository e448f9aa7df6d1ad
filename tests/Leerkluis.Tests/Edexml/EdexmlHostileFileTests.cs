using System.Text;
using Leerkluis.Demo.Edexml;
using Leerkluis.Web.Features.Registry.Edexml;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Leerkluis.Tests.Edexml;

/// <summary>Files that are hostile or simply wrong: a clear Dutch message, and nothing written.</summary>
public sealed class EdexmlHostileFileTests
{
    private const string BillionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE EDEX [
          <!ENTITY lol "lol">
          <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
          <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
        ]>
        <EDEX><school><schooljaar>&lol4;</schooljaar></school></EDEX>
        """;

    private const string ExternalEntity = """
        <?xml version="1.0"?>
        <!DOCTYPE EDEX [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
        <EDEX><school><schooljaar>&xxe;</schooljaar></school></EDEX>
        """;

    public static TheoryData<string, byte[], string> Files => new()
    {
        { "billion laughs", Encoding.UTF8.GetBytes(BillionLaughs), "DTD" },
        { "external entity", Encoding.UTF8.GetBytes(ExternalEntity), "DTD" },
        { "csv instead of xml", Encoding.UTF8.GetBytes("achternaam;bsn\nJansen;123456782\n"), "geen XML-bestand" },
        { "zip / xlsx", [(byte)'P', (byte)'K', 3, 4, 20, 0, 0, 0, 8, 0], "zip- of Excel-bestand" },
        { "truncated xml", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?>\n<EDEX>\n<school>\n<schooljaar>2025-2026</schooljaar>\n"), "geen goed gevormde XML (regel" },
        { "other root", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><html><body/></html>"), "geen Edexml-bestand" },
        { "empty file", [], "geen XML-bestand" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task ImportAsync_HostileOrWrongFile_ClearMessageAndNothingWritten(string name, byte[] content, string expected)
    {
        await using var db = await EdexmlTestDatabase.CreateAsync("sqlite");

        var result = await db.UseAsync((sp, _) => sp.GetRequiredService<EdexmlImporter>().ImportAsync(new MemoryStream(content), db.SchoolId, skipInvalid: true));

        Assert.True(result.Refused, name);
        Assert.Contains(result.Problems, p => p.Message.Contains(expected, StringComparison.Ordinal));
        Assert.Equal(new EdexmlTestDatabase.Counts(0, 0, 0, 0, 0, 0, 0, 0), await db.CountsAsync());
    }

    [Fact]
    public async Task ImportAsync_FileOfAnotherSchool_RefusedEvenWithSkipInvalid()
    {
        await using var db = await EdexmlTestDatabase.CreateAsync("sqlite");

        var result = await db.ImportAsync(EdexmlFileGenerator.Generate(10, "12AB", seed: 1), skipInvalid: true);

        Assert.True(result.Refused);
        Assert.Contains(result.Problems, p => p.Message.Contains("is van school 12AB00"));
        Assert.Equal(0, (await db.CountsAsync()).Learners);
    }

    [Fact]
    public async Task ImportAsync_StreamBeyondDefaultCapWithUnknownLength_RefusedAsTooLarge()
    {
        await using var db = await EdexmlTestDatabase.CreateAsync("sqlite");
        var endless = new EndlessXmlStream(); // never ends: only the 50 MB cap stops the read

        var result = await db.UseAsync((sp, _) => sp.GetRequiredService<EdexmlImporter>().ImportAsync(endless, db.SchoolId, skipInvalid: true));

        Assert.True(result.Refused);
        Assert.Contains(result.Problems, p => p.Message.Contains("groter dan de toegestane 50 MB"));
        Assert.InRange(endless.Served, 50L * 1024 * 1024, 51L * 1024 * 1024);
    }

    [Fact]
    public async Task ImportAsync_SeekableFileOverConfiguredCap_RefusedBeforeReading()
    {
        await using var db = await EdexmlTestDatabase.CreateAsync("sqlite", s => s.Configure<EdexmlOptions>(o => o.MaxFileBytes = 64 * 1024));

        var result = await db.ImportAsync(EdexmlFileGenerator.Generate(300, "99ZZ", seed: 1), skipInvalid: true);

        Assert.True(result.Refused);
        Assert.Contains(result.Problems, p => p.Message.Contains("groter dan de toegestane 0,1 MB") || p.Message.Contains("groter dan de toegestane 0.1 MB"));
    }

    private sealed class EndlessXmlStream : Stream
    {
        private static readonly byte[] Start = Encoding.UTF8.GetBytes("<EDEX><school><commentaar>");
        public long Served { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            for (var i = 0; i < count; i++) buffer[offset + i] = Served + i < Start.Length ? Start[Served + i] : (byte)'x';
            Served += count;
            return count;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Served; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
