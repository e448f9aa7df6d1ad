using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Leerkluis.Tests.Infrastructure;
using Leerkluis.Web.Features.Careers;
using Leerkluis.Web.Features.Careers.Documents;

namespace Leerkluis.Tests.Careers;

public sealed class DocumentRulesTests
{
    internal static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n");
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    internal static readonly byte[] Exe = [.. "MZ"u8, 0x90, 0, 3, 0];

    internal static byte[] Zip(params string[] entries)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var e in entries) using (var w = new StreamWriter(zip.CreateEntry(e).Open())) w.Write("<x/>");
        return ms.ToArray();
    }

    [Fact]
    public void Check_PdfNamedPdf_Accepted() => Assert.Equal("application/pdf", DocumentRules.Check("CV Jan.pdf", Pdf).Type!.ContentType);

    [Fact]
    public void Check_DocxWithWordPart_Accepted() =>
        Assert.Equal(".docx", DocumentRules.Check("diploma.docx", Zip("[Content_Types].xml", "word/document.xml")).Type!.Extension);

    [Fact]
    public void Check_ZipRenamedDocx_Refused() =>
        Assert.StartsWith("Alleen pdf, docx, jpg en png", DocumentRules.Check("stiekem.docx", Zip("[Content_Types].xml", "xl/workbook.xml")).Error);

    [Fact]
    public void Check_ExecutableRenamedPdf_Refused() =>
        Assert.Equal("Alleen pdf, docx, jpg en png zijn toegestaan; de inhoud van dit bestand is geen van deze.", DocumentRules.Check("cv.pdf", Exe).Error);

    [Fact]
    public void Check_PngNamedPdf_RefusedForExtension() =>
        Assert.Equal("De extensie .pdf past niet bij de inhoud (png). Upload het bestand met de juiste extensie.", DocumentRules.Check("foto.pdf", Png).Error);

    [Fact]
    public void Check_JpegExtensionForJpg_Accepted() => Assert.Null(DocumentRules.Check("pasfoto.JPEG", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]).Error);

    [Fact]
    public void Check_OverFiveMegabytes_Refused()
    {
        var big = new byte[DocumentRules.MaxBytes + 1];
        Pdf.CopyTo(big, 0);
        Assert.StartsWith("Het bestand is groter dan 5 MB", DocumentRules.Check("groot.pdf", big).Error);
    }
}

public sealed class DocumentSqliteTests(SqliteApp app) : DocumentTests<SqliteApp>(app);
public sealed class DocumentPostgresTests(PostgresApp app) : DocumentTests<PostgresApp>(app);

public abstract partial class DocumentTests<TApp>(TApp app) : AppTests<TApp>(app) where TApp : LeerkluisApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")] private static partial Regex TokenPattern();

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid candidate, string fileName, byte[] content, string kind = "Cv")
    {
        var page = await client.GetStringAsync($"/Regio/Kandidaat/{candidate}", Ct);
        var form = new MultipartFormDataContent
        {
            { new StringContent(TokenPattern().Match(page).Groups[1].Value), "__RequestVerificationToken" },
            { new StringContent(kind), "UploadKind" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "Upload", fileName);
        return await client.PostAsync($"/Regio/Kandidaat/{candidate}?handler=Document", form, Ct);
    }

    [Fact]
    public async Task Document_UploadAndDownload_OnlyForThoseWhoSeeTheCandidate()
    {
        var cw = await CareersWorld.ForAsync(App);
        var (user, candidate) = await CareersWorld.NewCandidateAsync(App, cw.RegionA, "document-eigenaar@test.invalid");
        var a = await App.LoginAsync(cw.AdvisorA);
        var upload = await UploadAsync(a, candidate, "cv-erik.pdf", DocumentRulesTests.Pdf);
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);

        var list = await a.GetFromJsonAsync<List<DocumentView>>($"/api/v1/careers/candidates/{candidate}/documents", Ct);
        var doc = Assert.Single(list!);
        Assert.Equal(("cv-erik.pdf", DocumentKind.Cv, "application/pdf", DocumentRulesTests.Pdf.Length), (doc.FileName, doc.Kind, doc.ContentType, doc.Size));

        var download = await a.GetAsync($"/api/v1/careers/candidates/{candidate}/documents/{doc.Id}", Ct);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(DocumentRulesTests.Pdf, await download.Content.ReadAsByteArrayAsync(Ct));
        var history = (await a.GetFromJsonAsync<JsonElement>($"/api/v1/careers/candidates/{candidate}", Ct)).GetProperty("history").EnumerateArray()
            .Select(h => h.GetProperty("what").GetString()).ToList();
        Assert.Contains("Document cv-erik.pdf (cv) toegevoegd.", history);
        Assert.Contains("Document cv-erik.pdf gedownload.", history);

        var b = await App.LoginAsync(cw.AdvisorB);
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/api/v1/careers/candidates/{candidate}/documents/{doc.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/api/v1/careers/candidates/{candidate}/documents", Ct)).StatusCode);
        // The document id under another (visible) candidate is not found either.
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync($"/api/v1/careers/candidates/{cw.CandidateOfA}/documents/{doc.Id}", Ct)).StatusCode);

        var me = await App.LoginAsync(user);
        Assert.Equal("cv-erik.pdf", Assert.Single((await me.GetFromJsonAsync<List<DocumentView>>("/api/v1/careers/me/documents", Ct))!).FileName);
        Assert.Equal(DocumentRulesTests.Pdf, await me.GetByteArrayAsync($"/api/v1/careers/me/documents/{doc.Id}", Ct));
        Assert.Contains("cv-erik.pdf", await me.GetStringAsync("/Overstapper", Ct));
        var other = await App.LoginAsync(cw.CandidateUser);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/careers/me/documents/{doc.Id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Document_ExecutableRenamedPdf_ErrorShownAndNothingStored()
    {
        var cw = await CareersWorld.ForAsync(App);
        var (_, candidate) = await CareersWorld.NewCandidateAsync(App, cw.RegionA, "document-nep@test.invalid");
        var a = await App.LoginAsync(cw.AdvisorA);
        var response = await UploadAsync(a, candidate, "cv.pdf", DocumentRulesTests.Exe);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Alleen pdf, docx, jpg en png zijn toegestaan", await response.Content.ReadAsStringAsync(Ct));
        Assert.Empty((await a.GetFromJsonAsync<List<DocumentView>>($"/api/v1/careers/candidates/{candidate}/documents", Ct))!);
    }
}
