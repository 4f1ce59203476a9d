using System.Globalization;
using Tilannekuva.Indicators.Domain;
using Tilannekuva.Localisation;

namespace Tilannekuva.Indicators.Ingest;

/// <summary>
/// One rejected field of one record: file, line, field and why (never the value of a personal field).
/// <paramref name="ReasonKey"/> is the text key of the reason, counted per import for the data-quality report.
/// </summary>
public sealed record ImportReject(string File, int Line, string Field, string Reason, string ReasonKey);

/// <summary>
/// Turns source records into canonical column values (in <see cref="CanonicalTable.Fields"/> order)
/// through a mapping, validating every field. Identity codes are pseudonymised here, before the
/// row goes anywhere else.
/// </summary>
internal sealed class RowParser : IDisposable
{
    private readonly CanonicalTable _table;
    private readonly ColumnMapping _mapping;
    private readonly Pseudonymiser.Session? _pseudonymiser;
    private readonly IReadOnlySet<string> _knownUnits;
    private readonly string _file;
    private readonly (CanonicalField Field, int Column, string? Constant, Dictionary<string, string>? Values)[] _plan;
    private readonly CultureInfo _culture;

    public RowParser(CanonicalTable table, ColumnMapping mapping, IReadOnlyList<string> header, Pseudonymiser? pseudonymiser,
        IReadOnlySet<string> knownUnits, string file, CultureInfo culture)
    {
        _table = table;
        _mapping = mapping;
        _pseudonymiser = pseudonymiser?.StartSession();
        _dateFormats = new DateFormatList(mapping.DateFormats);
        _dateTimeFormats = new DateFormatList(mapping.DateTimeFormats);
        _trueValues = mapping.TrueValues.ToHashSet(StringComparer.OrdinalIgnoreCase);
        _falseValues = mapping.FalseValues.ToHashSet(StringComparer.OrdinalIgnoreCase);
        int IndexOf(string name) => table.Fields.ToList().FindIndex(f => f.Name == name);
        (_requested, _done, _assessed, _occurred) = (IndexOf("callback_requested_at"), IndexOf("callback_done_at"), IndexOf("assessment_date"), IndexOf("occurred_at"));
        (_removed, _added) = (IndexOf("removed_date"), IndexOf("added_date"));
        _knownUnits = knownUnits;
        _file = file;
        _culture = culture;
        var index = header.Select((h, i) => (h, i)).GroupBy(x => x.h, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().i, StringComparer.OrdinalIgnoreCase);
        _plan = table.Fields.Select(f =>
        {
            var column = mapping.Columns.Where(c => c.Value.Equals(f.Name, StringComparison.OrdinalIgnoreCase))
                .Select(c => index.TryGetValue(c.Key, out var i) ? i : -1).DefaultIfEmpty(-1).Max();
            mapping.Constants.TryGetValue(f.Name, out var constant);
            mapping.Values.TryGetValue(f.Name, out var values);
            return (f, column, constant, values);
        }).ToArray();
    }

    // Looked up once, not per row.
    private readonly DateFormatList _dateFormats;
    private readonly DateFormatList _dateTimeFormats;
    private readonly HashSet<string> _trueValues;
    private readonly HashSet<string> _falseValues;
    private readonly int _requested, _done, _assessed, _occurred, _removed, _added;

    public void Dispose() => _pseudonymiser?.Dispose();

    /// <summary>Header problems that make the whole file unreadable (a required column missing).</summary>
    public IEnumerable<string> MissingColumns() =>
        _plan.Where(p => p.Field.Required && p.Column < 0 && p.Constant is null)
             .Select(p => _mapping.Columns.FirstOrDefault(c => c.Value.Equals(p.Field.Name, StringComparison.OrdinalIgnoreCase)).Key ?? p.Field.Name);

    /// <summary>
    /// Parses one record into the first fields of <paramref name="values"/> (which may be reused
    /// between rows); returns false and adds the reasons to <paramref name="rejects"/> when it is rejected.
    /// </summary>
    public bool Parse(SourceRecord record, List<ImportReject> rejects, object?[] values)
    {
        var ok = true;
        for (var i = 0; i < _plan.Length; i++)
        {
            var (field, column, constant, map) = _plan[i];
            var raw = column >= 0 && column < record.Values.Length ? record.Values[column]?.Trim() : null;
            if (string.IsNullOrEmpty(raw)) raw = constant;
            if (raw is not null && map is not null && map.TryGetValue(raw, out var mapped)) raw = mapped;
            values[i] = null;
            if (string.IsNullOrEmpty(raw))
            {
                if (field.Type == FieldType.Bool) { values[i] = False; continue; }
                if (field.Required) { ok = Reject(record, field, "Ingest.Reject.Missing", rejects); }
                continue;
            }
            var (value, reason, args) = Convert(field, raw);
            if (reason is not null) ok = Reject(record, field, reason, rejects, args);
            else values[i] = value;
        }
        if (ok && values[0] is null && _table.Kind == SourceKind.Roster) values[0] = RosterKey(values);
        return ok && CrossCheck(record, values, rejects);
    }

    private static readonly object True = true, False = false;

    private (object? Value, string? Reason, object?[] Args) Convert(CanonicalField field, string raw)
    {
        switch (field.Type)
        {
            case FieldType.Text:
                return raw.Length > (field.Name == "source_id" ? 64 : 500) ? (null, "Ingest.Reject.TooLong", []) : (raw, null, []);
            case FieldType.UnitRef:
                if (raw.Length > 64) return (null, "Ingest.Reject.TooLong", []);
                return _table.Kind == SourceKind.OrgUnits || _knownUnits.Contains(raw) ? (raw, null, []) : (null, "Ingest.Reject.UnknownUnit", [raw]);
            case FieldType.IdentityCode:
                // The value is never echoed: not in the reason, not in an exception.
                return IdentityCode.IsValid(raw) ? (_pseudonymiser!.Person(raw), null, []) : (null, "Ingest.Reject.InvalidIdentityCode", []);
            case FieldType.Hashed:
                return (_pseudonymiser!.Other(raw), null, []);
            case FieldType.Date:
                return _dateFormats.TryParseDate(raw, out var d)
                    ? (d, null, []) : (null, "Ingest.Reject.BadDate", [raw, string.Join(", ", _mapping.DateFormats)]);
            case FieldType.DateTime:
                if (_dateTimeFormats.TryParseDateTime(raw, out var t)) return (t, null, []);
                if (_dateFormats.TryParseDate(raw, out var day)) return (day.ToDateTime(TimeOnly.MinValue), null, []);
                return (null, "Ingest.Reject.BadDateTime", [raw, string.Join(", ", _mapping.DateTimeFormats)]);
            case FieldType.Bool:
                if (_trueValues.Contains(raw)) return (True, null, []);
                if (_falseValues.Contains(raw)) return (False, null, []);
                return (null, "Ingest.Reject.BadBool", [raw]);
            case FieldType.Number:
                var text = _mapping.DecimalSeparator switch
                {
                    "," => raw.Contains('.') ? null : raw.Replace(',', '.'),
                    "." => raw.Contains(',') ? null : raw,
                    _ => raw.Replace(',', '.'),
                };
                return text is not null && double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n)
                    ? (n, null, []) : (null, "Ingest.Reject.BadNumber", [raw]);
            case FieldType.Count:
                return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count <= 100_000
                    ? (count, null, []) : (null, "Ingest.Reject.BadCount", [raw]);
            case FieldType.Code:
                var codes = CanonicalCodes(field.CodeType!);
                return codes.TryGetValue(raw, out var code)
                    ? (code, null, [])
                    : (null, "Ingest.Reject.BadCode", [raw, string.Join(", ", codes.Keys)]);
            default:
                throw new InvalidOperationException(field.Type.ToString());
        }
    }

    private readonly Dictionary<Type, Dictionary<string, string>> _codes = [];

    /// <summary>Accepted spelling → canonical code (case-insensitive).</summary>
    private Dictionary<string, string> CanonicalCodes(Type type)
    {
        if (!_codes.TryGetValue(type, out var map))
            _codes[type] = map = Codes.All(type).Keys.ToDictionary(k => k, k => k, StringComparer.OrdinalIgnoreCase);
        return map;
    }

    /// <summary>A roster row without its own id is identified by unit|day|profession (one row per day and profession).</summary>
    private string RosterKey(object?[] values)
    {
        string Part(string name) => values[_table.Fields.ToList().FindIndex(f => f.Name == name)] switch
        {
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            var v => v?.ToString() ?? "",
        };
        return $"{Part("unit_id")}|{Part("day")}|{Part("profession")}";
    }

    /// <summary>Checks between fields: a callback cannot precede its request, a visit its assessment.</summary>
    private bool CrossCheck(SourceRecord record, object?[] values, List<ImportReject> rejects)
    {
        object? Get(int index) => index >= 0 ? values[index] : null;
        switch (_table.Kind)
        {
            case SourceKind.Contacts when Get(_requested) is DateTime requested && Get(_done) is DateTime done && done < requested:
                return Reject(record, _table.Field("callback_done_at")!, "Ingest.Reject.CallbackBeforeRequest", rejects);
            case SourceKind.Contacts when Get(_requested) is null && Get(_done) is not null:
                return Reject(record, _table.Field("callback_requested_at")!, "Ingest.Reject.Missing", rejects);
            case SourceKind.WaitingList when Get(_removed) is DateOnly removed && Get(_added) is DateOnly added && removed < added:
                return Reject(record, _table.Field("removed_date")!, "Ingest.Reject.RemovedBeforeAdded", rejects);
            case SourceKind.Visits when Get(_assessed) is DateOnly assessed && Get(_occurred) is DateTime at && DateOnly.FromDateTime(at) < assessed:
                return Reject(record, _table.Field("assessment_date")!, "Ingest.Reject.VisitBeforeAssessment", rejects);
            default:
                return true;
        }
    }

    /// <summary>Adds a reject for a field named canonically (a check on the row as a whole, see Importer's BeforeStore).</summary>
    public void RejectField(SourceRecord record, string field, string key, List<ImportReject> rejects, object?[] args) =>
        Reject(record, _table.Field(field)!, key, rejects, args);

    private bool Reject(SourceRecord record, CanonicalField field, string key, List<ImportReject> rejects, params object?[] args)
    {
        // A value echoed in a reason could be an identity code in the wrong column: mask anything shaped like one.
        var safe = args.Select(a => a is string s && IdentityCode.LooksLikeOne(s) ? IdentityCode.Mask(s) : a).ToArray();
        rejects.Add(new ImportReject(_file, record.Line, SourceColumn(field), Texts.Format(key, _culture, safe), key));
        return false;
    }

    /// <summary>Names the field as the file does (its source column), with the canonical name.</summary>
    private string SourceColumn(CanonicalField field)
    {
        var column = _mapping.Columns.FirstOrDefault(c => c.Value.Equals(field.Name, StringComparison.OrdinalIgnoreCase)).Key;
        return column is null || column.Equals(field.Name, StringComparison.OrdinalIgnoreCase) ? field.Name : $"{column} ({field.Name})";
    }
}
