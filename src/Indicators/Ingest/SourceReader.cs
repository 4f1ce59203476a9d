using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;

namespace Tilannekuva.Indicators.Ingest;

/// <summary>One record of a source file: its line (CSV) or ordinal (JSON), and its values in header order.</summary>
public readonly record struct SourceRecord(int Line, string?[] Values);

/// <summary>Reads a CSV or JSON export as a header and records, whatever its encoding and delimiter.</summary>
public abstract class SourceReader : IDisposable
{
    public abstract IReadOnlyList<string> Header { get; }
    public abstract IEnumerable<SourceRecord> Records();
    public abstract void Dispose();

    public static SourceReader Open(string path, ColumnMapping mapping) =>
        Path.GetExtension(path).Equals(".json", StringComparison.OrdinalIgnoreCase) ? new JsonSourceReader(path) : new CsvSourceReader(path, mapping);

    /// <summary>The mapping's encoding, or UTF-8 unless the first megabyte is not valid UTF-8 (then Windows-1252).</summary>
    internal static Encoding DetectEncoding(string path, string? declared)
    {
        if (declared is not null) return ColumnMapping.ResolveEncoding(declared);
        var buffer = new byte[1 << 20];
        int read;
        using (var f = File.OpenRead(path)) read = f.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var span = buffer.AsSpan(0, read);
        // A multi-byte character may be cut at the end of the sample.
        for (var trim = 0; trim <= 3 && trim <= span.Length; trim++)
            if (System.Text.Unicode.Utf8.IsValid(span[..^trim])) return ColumnMapping.ResolveEncoding("utf-8");
        return ColumnMapping.ResolveEncoding("windows-1252");
    }
}

internal sealed class CsvSourceReader : SourceReader
{
    private readonly CsvReader _reader;
    private readonly string _file;
    private readonly string[] _header;

    public CsvSourceReader(string path, ColumnMapping mapping)
    {
        _file = Path.GetFileName(path);
        var options = CsvReaderOptions.Default with
        {
            Encoding = DetectEncoding(path, mapping.Encoding),
            TrackLineNumbers = true,
            TrimWhitespace = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            // Values may be identity codes: never let one into an exception message.
            IncludeValuesInExceptions = false,
        };
        if (mapping.Delimiter is { Length: 1 } d) options = options with { Separator = d[0] };
        _reader = CsvReader.FromFile(path, options);
        try
        {
            _header = _reader.Headers.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
        }
        catch (CsvFormatException e)
        {
            throw new InvalidDataException($"{_file}: line {e.LineNumber}: {e.Message}", e);
        }
        if (_header.Length == 0) throw new InvalidDataException($"{_file}: the file is empty (no header line)");
    }

    public override IReadOnlyList<string> Header => _header;

    public override IEnumerable<SourceRecord> Records()
    {
        while (true)
        {
            try
            {
                if (!_reader.Read()) yield break;
            }
            catch (CsvFormatException e)
            {
                throw new InvalidDataException($"{_file}: line {e.LineNumber}: {e.Message}", e);
            }
            var values = new string?[_header.Length];
            for (var i = 0; i < values.Length && i < _reader.FieldCount; i++) values[i] = _reader.GetString(i);
            yield return new SourceRecord((int)_reader.LineNumber, values);
        }
    }

    public override void Dispose() => _reader.Dispose();
}

/// <summary>A JSON array of flat objects; a record's "line" is its 1-based position in the array.</summary>
internal sealed class JsonSourceReader : SourceReader
{
    private readonly JsonDocument _document;
    private readonly string[] _header;

    public JsonSourceReader(string path)
    {
        using (var stream = File.OpenRead(path))
        {
            try { _document = JsonDocument.Parse(stream); }
            catch (JsonException e) { throw new InvalidDataException($"{Path.GetFileName(path)}: not valid JSON: {e.Message}", e); }
        }
        if (_document.RootElement.ValueKind != JsonValueKind.Array)
            throw new InvalidDataException($"{Path.GetFileName(path)}: expected a JSON array of objects");
        _header = _document.RootElement.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object)
            .SelectMany(e => e.EnumerateObject().Select(p => p.Name)).Distinct().ToArray();
    }

    public override IReadOnlyList<string> Header => _header;

    public override IEnumerable<SourceRecord> Records()
    {
        var index = _header.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i);
        var line = 0;
        foreach (var element in _document.RootElement.EnumerateArray())
        {
            line++;
            var values = new string?[_header.Length];
            if (element.ValueKind == JsonValueKind.Object)
                foreach (var p in element.EnumerateObject())
                    values[index[p.Name]] = p.Value.ValueKind switch
                    {
                        JsonValueKind.String => p.Value.GetString(),
                        JsonValueKind.Null or JsonValueKind.Undefined => null,
                        JsonValueKind.True => "true",
                        JsonValueKind.False => "false",
                        _ => p.Value.GetRawText(),
                    };
            yield return new SourceRecord(line, values);
        }
    }

    public override void Dispose() => _document.Dispose();
}
