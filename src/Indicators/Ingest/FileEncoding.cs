using System.Text;

namespace Tilannekuva.Indicators.Ingest;

/// <summary>
/// Decides a text file's encoding on the whole file, never on a sample: strict UTF-8 when every byte
/// sequence is valid UTF-8, else Windows-1252 when no byte is one the code page leaves undefined, else a
/// refusal naming the line. A NUL byte (UTF-16, a spreadsheet saved as binary) is refused too. So a
/// Windows-1252 file whose first ä comes after the first megabyte is read as Windows-1252, and no
/// character is ever replaced by U+FFFD.
/// </summary>
public static class FileEncoding
{
    /// <summary>Bytes Windows-1252 does not define: a file holding one is not Windows-1252.</summary>
    private static readonly byte[] Undefined1252 = [0x81, 0x8D, 0x8F, 0x90, 0x9D];
    private static readonly System.Buffers.SearchValues<byte> Suspect = System.Buffers.SearchValues.Create([0, .. Undefined1252]);

    /// <summary>The encoding to read the file with; throws <see cref="InvalidDataException"/> naming the file and line when it has none.</summary>
    /// <param name="declared">The mapping's encoding; the file must then be valid in it.</param>
    public static Encoding Decide(string path, string? declared, System.Globalization.CultureInfo? culture = null)
    {
        var file = Path.GetFileName(path);
        var name = declared?.ToLowerInvariant();
        var (utf8Valid, nulLine, undefinedLine) = Scan(path);
        if (nulLine is { } nul) throw Refuse(file, nul, "Ingest.Encoding.Binary", culture);
        if (name is null or "utf-8" or "utf8")
        {
            if (utf8Valid) return ColumnMapping.ResolveEncoding("utf-8");
            if (name is not null) throw Refuse(file, 0, "Ingest.Encoding.NotDeclared", culture, declared);
        }
        if (name is null or "windows-1252" or "cp1252")
        {
            if (undefinedLine is { } line) throw Refuse(file, line, "Ingest.Encoding.Unknown", culture);
            return ColumnMapping.ResolveEncoding("windows-1252");
        }
        return ColumnMapping.ResolveEncoding(declared!);
    }

    private static InvalidDataException Refuse(string file, long line, string key, System.Globalization.CultureInfo? culture, params object?[] args) =>
        new(Localisation.Texts.Format("Ingest.Error.Line", culture, file, line, Localisation.Texts.Format(key, culture, args)));

    /// <summary>One pass: whether the bytes are valid UTF-8, and the line of the first NUL and of the first byte Windows-1252 leaves undefined.</summary>
    private static (bool Utf8, long? NulLine, long? UndefinedLine) Scan(string path)
    {
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var utf8 = true;
        long? nul = null, undefined = null;
        long line = 1;
        var buffer = new byte[1 << 16];
        var chars = new char[buffer.Length + 4];
        using var f = File.OpenRead(path);
        int read;
        while ((read = f.Read(buffer, 0, buffer.Length)) > 0)
        {
            var span = buffer.AsSpan(0, read);
            if (utf8)
            {
                try { decoder.GetChars(buffer, 0, read, chars, 0, flush: false); }
                catch (DecoderFallbackException) { utf8 = false; }
            }
            if ((nul is not null && undefined is not null) || span.IndexOfAny(Suspect) < 0)
                line += span.Count((byte)'\n'); // vectorised: the usual case
            else
                for (var i = 0; i < span.Length; i++)
                {
                    var b = span[i];
                    if (b == (byte)'\n') line++;
                    else if (b == 0) nul ??= line;
                    else if (b >= 0x81 && Array.IndexOf(Undefined1252, b) >= 0) undefined ??= line;
                }
        }
        if (utf8)
        {
            // A multi-byte character cut off at the end of the file.
            try { decoder.GetChars([], 0, 0, chars, 0, flush: true); }
            catch (DecoderFallbackException) { utf8 = false; }
        }
        return (utf8, nul, utf8 ? null : undefined);
    }
}
