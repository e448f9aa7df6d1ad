using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Leerkluis.Web.Features.Registry.Edexml;

/// <summary>
/// Reads an uploaded file into an XDocument without trusting it: no DTD, no external resources, no entity
/// expansion, a size cap, and a Dutch message for every way a hostile or wrong file fails.
/// </summary>
internal static class EdexmlLoader
{
    public sealed record Loaded(XDocument? Document, EdexmlProblem? Problem);

    public static Loaded Load(Stream input, long maxBytes)
    {
        if (input.CanSeek && input.Length - input.Position > maxBytes) return Fail(TooLarge(maxBytes));
        var guarded = new CappedStream(input, maxBytes);
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
            MaxCharactersInDocument = maxBytes,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = false,
            Async = false,
        };
        try
        {
            using var reader = XmlReader.Create(guarded, settings);
            var doc = XDocument.Load(reader, LoadOptions.SetLineInfo);
            return new Loaded(doc, null);
        }
        catch (FileTooLargeException)
        {
            return Fail(TooLarge(maxBytes));
        }
        catch (XmlException ex)
        {
            return Fail(Explain(ex, guarded.Head, maxBytes));
        }
        catch (DecoderFallbackException)
        {
            return Fail(new EdexmlProblem(EdexmlProblemKind.File,
                "Het bestand bevat tekens die niet passen bij de tekenset (encoding) in de XML-declaratie. Sla het bestand op als UTF-8.", null, null));
        }
    }

    private static Loaded Fail(EdexmlProblem p) => new(null, p);

    private static EdexmlProblem TooLarge(long maxBytes) => new(EdexmlProblemKind.File,
        $"Het bestand is groter dan de toegestane {maxBytes / (1024 * 1024.0):0.#} MB. Maak per school of vestiging een apart Edexml-bestand.", null, null);

    private static EdexmlProblem Explain(XmlException ex, byte[] head, long maxBytes)
    {
        var start = Encoding.UTF8.GetString(head).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        int? line = ex.LineNumber > 0 ? ex.LineNumber : null;
        string message;
        if (start.Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase) || ex.Message.Contains("DTD", StringComparison.Ordinal))
            message = "Het bestand bevat een DTD (<!DOCTYPE …>). Edexml gebruikt geen DTD en om veiligheidsredenen (entiteiten, externe verwijzingen) wordt zo'n bestand geweigerd.";
        else if (ex.Message.Contains("maximum", StringComparison.OrdinalIgnoreCase))
            message = TooLarge(maxBytes).Message;
        else if (head.Length >= 2 && head[0] == (byte)'P' && head[1] == (byte)'K')
            message = "Dit is een zip- of Excel-bestand, geen Edexml. Exporteer uit het leerlingadministratiesysteem een Edexml-bestand (.xml).";
        else if (head.Length >= 4 && head[0] == (byte)'%' && head[1] == (byte)'P' && head[2] == (byte)'D' && head[3] == (byte)'F')
            message = "Dit is een PDF-bestand, geen Edexml. Exporteer uit het leerlingadministratiesysteem een Edexml-bestand (.xml).";
        else if (!start.StartsWith('<'))
            message = "Dit is geen XML-bestand. Een Edexml-bestand begint met <?xml of <EDEX.";
        else
            message = $"Het bestand is geen goed gevormde XML (regel {ex.LineNumber}, positie {ex.LinePosition}). Controleer of het bestand volledig is en niet met de hand is aangepast.";
        return new EdexmlProblem(EdexmlProblemKind.File, message, null, line);
    }

    private sealed class FileTooLargeException : IOException;

    /// <summary>Stops reading past the cap even when the length is unknown (a streamed upload), and keeps the first bytes for diagnosis.</summary>
    private sealed class CappedStream(Stream inner, long cap) : Stream
    {
        private readonly MemoryStream _head = new();
        private long _read;
        public byte[] Head => _head.ToArray();

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            _read += n;
            if (_read > cap) throw new FileTooLargeException();
            if (_head.Length < 4096) _head.Write(buffer, offset, (int)Math.Min(n, 4096 - _head.Length));
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
