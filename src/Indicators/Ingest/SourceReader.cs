using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;

namespace Tilannekuva.Indicators.Ingest;

/// <summary>One record of a source file: its line (CSV) or ordinal (JSON), and its values in header order; or, with <see cref="Problem"/>, a line that cannot be read as a record.</summary>
public readonly record struct SourceRecord(int Line, string?[] Values, SourceProblem? Problem = null);

/// <summary>Why a line is not a record: the field it concerns (a header name, or a column number) and a text key with its arguments.</summary>
public sealed record SourceProblem(string Field, string Key, params object?[] Args);

/// <summary>A file with nothing to import: empty (no header) or a header without rows. The import writes no batch and recomputes nothing.</summary>
public sealed class NoRowsException(string message, bool headerOnly) : FormatException(message)
{
    public bool HeaderOnly => headerOnly;
}

/// <summary>Reads a CSV or JSON export as a header and records, whatever its encoding and delimiter.</summary>
public abstract class SourceReader : IDisposable
{
    public abstract IReadOnlyList<string> Header { get; }
    public abstract IEnumerable<SourceRecord> Records();
    public abstract void Dispose();

    /// <param name="encoding">The file's encoding when already decided (<see cref="FileEncoding.Decide"/>); null: decided here on the whole file.</param>
    public static SourceReader Open(string path, ColumnMapping mapping, CultureInfo? culture = null, Encoding? encoding = null) =>
        Path.GetExtension(path).Equals(".json", StringComparison.OrdinalIgnoreCase)
            ? new JsonSourceReader(path, culture)
            : new CsvSourceReader(path, mapping, encoding ?? FileEncoding.Decide(path, mapping.Encoding, culture), culture);
}

/// <summary>
/// A CSV export read strictly: a record whose field count differs from the header's, and a line with
/// broken quoting, come out as problems (the reader goes on with the next line), never as a record
/// with fields dropped or padded. A line break always ends a record (<c>AllowLineBreaksInQuotes</c>
/// off), so one stray quote cannot swallow the rest of the file.
/// </summary>
internal sealed class CsvSourceReader : SourceReader
{
    private readonly CsvReader _reader;
    private readonly string _file;
    private readonly string[] _header;
    private readonly char? _separator;
    private readonly Queue<(int Line, CsvMalformedReason Reason, string Raw)> _malformed = new();

    public CsvSourceReader(string path, ColumnMapping mapping, Encoding encoding, CultureInfo? culture)
    {
        _file = Path.GetFileName(path);
        var options = CsvReaderOptions.Default with
        {
            Encoding = encoding,
            TrackLineNumbers = true,
            TrimWhitespace = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            AllowLineBreaksInQuotes = false,
            OnMalformedRecord = m => _malformed.Enqueue(((int)m.LineNumber, m.Reason, m.RawRecord)),
            // Values may be identity codes: never let one into an exception message.
            IncludeValuesInExceptions = false,
        };
        if (mapping.Delimiter is { Length: 1 } d) options = options with { Separator = d[0] };
        _separator = options.Separator;
        _reader = CsvReader.FromFile(path, options);
        try
        {
            _header = _reader.Headers.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
        }
        catch (CsvFormatException e)
        {
            throw new InvalidDataException(Localisation.Texts.Format("Ingest.Error.Line", culture, _file, e.LineNumber, Localisation.Texts.Get("Ingest.Reject.BadHeader", culture)), e);
        }
        if (_header.Length == 0 || _header.All(string.IsNullOrWhiteSpace))
            throw new NoRowsException(Localisation.Texts.Format("Ingest.Empty", culture, _file), headerOnly: false);
    }

    public override IReadOnlyList<string> Header => _header;

    public override IEnumerable<SourceRecord> Records()
    {
        while (true)
        {
            var more = _reader.Read();
            // Lines skipped for broken quoting come before the record the reader returns now.
            while (_malformed.TryDequeue(out var m)) yield return new SourceRecord(m.Line, [], Malformed(m.Reason, m.Raw));
            if (!more) yield break;
            var line = (int)_reader.LineNumber;
            if (_reader.FieldCount != _header.Length)
            {
                var count = _reader.FieldCount;
                yield return new SourceRecord(line, [], count > _header.Length
                    ? new SourceProblem(Localisation.Texts.Format("Ingest.Field.Column", null, _header.Length + 1), "Ingest.Reject.TooManyFields", count, _header.Length)
                    : new SourceProblem(_header[count], "Ingest.Reject.TooFewFields", count, _header.Length));
                continue;
            }
            var values = new string?[_header.Length];
            for (var i = 0; i < values.Length; i++) values[i] = _reader.GetString(i);
            yield return new SourceRecord(line, values);
        }
    }

    /// <summary>A line with broken quoting; the field named is the first whose quotes do not pair (found by splitting at the separator, good enough to point at it).</summary>
    private SourceProblem Malformed(CsvMalformedReason reason, string raw)
    {
        var key = reason switch
        {
            CsvMalformedReason.StrayQuote => "Ingest.Reject.StrayQuote",
            CsvMalformedReason.TextAfterClosingQuote => "Ingest.Reject.TextAfterQuote",
            CsvMalformedReason.UnterminatedQuote or CsvMalformedReason.LineBreakInQuotes => "Ingest.Reject.UnterminatedQuote",
            CsvMalformedReason.FieldCountMismatch => "Ingest.Reject.FieldCount",
            _ => "Ingest.Reject.Malformed",
        };
        var parts = raw.Split(_separator ?? ',');
        var index = Array.FindIndex(parts, p =>
        {
            var t = p.Trim();
            return t.Contains('"') && !(t.Length >= 2 && t[0] == '"' && t[^1] == '"' && t.Count(c => c == '"') % 2 == 0);
        });
        var field = index >= 0 && index < _header.Length ? _header[index] : Localisation.Texts.Format("Ingest.Field.Column", null, index + 1);
        return new SourceProblem(index < 0 ? Localisation.Texts.Get("Ingest.Field.Line") : field, key);
    }

    public override void Dispose() => _reader.Dispose();
}

/// <summary>A JSON array of flat objects; a record's "line" is its 1-based position in the array.</summary>
internal sealed class JsonSourceReader : SourceReader
{
    private readonly JsonDocument _document;
    private readonly string[] _header;

    public JsonSourceReader(string path, CultureInfo? culture)
    {
        var file = Path.GetFileName(path);
        if (new FileInfo(path).Length == 0) throw new NoRowsException(Localisation.Texts.Format("Ingest.Empty", culture, file), headerOnly: false);
        using (var stream = File.OpenRead(path))
        {
            try { _document = JsonDocument.Parse(stream); }
            catch (JsonException e)
            {
                throw new InvalidDataException(Localisation.Texts.Format("Ingest.Error.Line", culture, file, (e.LineNumber ?? 0) + 1,
                    Localisation.Texts.Format("Ingest.Reject.BadJson", culture, e.BytePositionInLine)), e);
            }
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
