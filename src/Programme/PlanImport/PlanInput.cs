using System.Globalization;
using System.Text;
using Tilannekuva.Localisation;

namespace Tilannekuva.Programme.PlanImport;

/// <summary>Why a file was refused before anything was stored.</summary>
public enum PlanRefusal
{
    /// <summary>The file is empty or holds only white space.</summary>
    Empty,
    /// <summary>The file is larger than the limit.</summary>
    TooLarge,
    /// <summary>The file holds binary content (an image, a PDF, an archive) rather than text.</summary>
    Binary,
    /// <summary>The file is named .docx or is a zip archive, but Word cannot be read from it.</summary>
    UnreadableDocx,
    /// <summary>The text was read, but no work package was found in it: it is not a project plan (a final report, a memo).</summary>
    NotAPlan,
}

/// <summary>A plan file refused with a reason; <see cref="Message(CultureInfo?)"/> says it in the reader's language.</summary>
public sealed class PlanRefusedException(PlanRefusal reason, string fileName, params object?[] args)
    : Exception($"{fileName}: {reason}")
{
    public PlanRefusal Reason { get; } = reason;
    public string FileName { get; } = fileName;

    public string Text(CultureInfo? culture = null) =>
        Texts.Format($"PlanImport2.Refused.{Reason}", culture ?? CultureInfo.CurrentUICulture, [FileName, .. args]);
}

/// <summary>
/// Reads the bytes of a plan file into text, refusing what is not a plan before parsing: too large, empty, binary,
/// an unreadable DOCX. Text is UTF-8 when the whole file is valid UTF-8, else Windows-1252 (decided once for the
/// whole file, so that no character becomes a replacement mark).
/// </summary>
public static class PlanInput
{
    /// <summary>The default limit (20 MB); the CLI's --max-mb and the web's PlanImport:MaxMegabytes change it.</summary>
    public const long DefaultMaxBytes = 20L * 1024 * 1024;

    static PlanInput() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Read(Stream content, string fileName, long maxBytes = DefaultMaxBytes)
    {
        var bytes = ReadAtMost(content, maxBytes, fileName);
        if (bytes.Length == 0) throw new PlanRefusedException(PlanRefusal.Empty, fileName);
        var isZip = bytes.Length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        if (fileName.EndsWith(".docx", StringComparison.OrdinalIgnoreCase) || isZip)
        {
            string docx;
            try { docx = PlanText.FromDocx(new MemoryStream(bytes, writable: false)); }
            catch (Exception e) when (e is IOException or InvalidDataException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException
                                          or InvalidOperationException or System.Xml.XmlException or ArgumentException or FormatException)
            {
                throw new PlanRefusedException(PlanRefusal.UnreadableDocx, fileName);
            }
            if (string.IsNullOrWhiteSpace(docx)) throw new PlanRefusedException(PlanRefusal.Empty, fileName);
            return docx;
        }
        if (LooksBinary(bytes)) throw new PlanRefusedException(PlanRefusal.Binary, fileName);
        var text = Decode(bytes);
        if (string.IsNullOrWhiteSpace(text)) throw new PlanRefusedException(PlanRefusal.Empty, fileName);
        return text;
    }

    private static byte[] ReadAtMost(Stream content, long maxBytes, string fileName)
    {
        if (content.CanSeek && content.Length - content.Position > maxBytes) throw TooLarge(fileName, maxBytes);
        using var ms = new MemoryStream();
        var buffer = new byte[81920];
        int n;
        while ((n = content.Read(buffer, 0, buffer.Length)) > 0)
        {
            ms.Write(buffer, 0, n);
            if (ms.Length > maxBytes) throw TooLarge(fileName, maxBytes);
        }
        return ms.ToArray();
    }

    private static PlanRefusedException TooLarge(string fileName, long maxBytes) =>
        new(PlanRefusal.TooLarge, fileName, Math.Round(maxBytes / 1024m / 1024m, 1));

    /// <summary>NUL bytes, a known binary signature, or more than 2 % control characters in the first 64 KB.</summary>
    internal static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        ReadOnlySpan<byte> png = [0x89, (byte)'P', (byte)'N', (byte)'G'], pdf = "%PDF"u8, gif = "GIF8"u8, jpeg = [0xFF, 0xD8, 0xFF];
        if (bytes.StartsWith(png) || bytes.StartsWith(pdf) || bytes.StartsWith(gif) || bytes.StartsWith(jpeg)) return true;
        // UTF-16 text has NUL bytes but a byte order mark.
        if (bytes.Length >= 2 && (bytes[0] == 0xFF && bytes[1] == 0xFE || bytes[0] == 0xFE && bytes[1] == 0xFF)) return false;
        var head = bytes[..Math.Min(bytes.Length, 65536)];
        var control = 0;
        foreach (var b in head)
        {
            if (b == 0) return true;
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C)) control++;
        }
        return control > head.Length / 50;
    }

    /// <summary>UTF-8 (or UTF-16 with a byte order mark) when the whole file decodes strictly, else Windows-1252.</summary>
    internal static string Decode(byte[] bytes)
    {
        if (bytes.Length >= 2 && (bytes[0] == 0xFF && bytes[1] == 0xFE || bytes[0] == 0xFE && bytes[1] == 0xFF))
            using (var r = new StreamReader(new MemoryStream(bytes), Encoding.Unicode, detectEncodingFromByteOrderMarks: true)) return r.ReadToEnd();
        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1252).GetString(bytes);
        }
    }
}
