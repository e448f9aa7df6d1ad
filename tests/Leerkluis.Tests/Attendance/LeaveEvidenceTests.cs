using Leerkluis.Web.Features.Attendance.Leave;

namespace Leerkluis.Tests.Attendance;

/// <summary>Evidence for a leave request is recognised by its first bytes, not its name.</summary>
public sealed class LeaveEvidenceTests
{
    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, "verklaring.pdf", "application/pdf", "verklaring.pdf")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00 }, "foto.JPEG", "image/jpeg", "foto.jpg")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, "scan", "image/png", "scan.png")]
    public void Check_KnownSignature_TypeFromContent(byte[] content, string name, string type, string safeName)
    {
        var (contentType, fileName, error) = EvidenceFile.Check(name, content);
        Assert.Null(error);
        Assert.Equal(type, contentType);
        Assert.Equal(safeName, fileName);
    }

    [Fact]
    public void Check_HtmlNamedPdf_Refused() =>
        Assert.Equal("Het bewijsstuk moet een pdf, jpg of png zijn.", EvidenceFile.Check("brief.pdf", "<html></html>"u8).Error);

    [Fact]
    public void Check_OverFiveMegabytes_Refused()
    {
        var big = new byte[EvidenceFile.MaxBytes + 1];
        "%PDF-"u8.CopyTo(big);
        Assert.Equal("Het bewijsstuk is groter dan 5 MB. Maak een kleinere scan of foto.", EvidenceFile.Check("groot.pdf", big).Error);
    }

    [Fact]
    public void Check_ExactlyFiveMegabytes_Accepted()
    {
        var max = new byte[EvidenceFile.MaxBytes];
        "%PDF-"u8.CopyTo(max);
        Assert.Null(EvidenceFile.Check("max.pdf", max).Error);
    }

    [Fact]
    public void SafeName_PathAndControlCharacters_Stripped() =>
        Assert.Equal("evil name.pdf", EvidenceFile.SafeName("..\\..\\C:/tmp/evil\u0007 name\".exe", ".pdf"));
}
