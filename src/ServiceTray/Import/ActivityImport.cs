using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Tilannekuva.ServiceTray.Domain;
using Tilannekuva.ServiceTray.Storage;

namespace Tilannekuva.ServiceTray.Import;

/// <summary>
/// Reads an association listing through its mapping into a snapshot of the mapping's source: each row is
/// a service and, when it has an address or hours, a service location channel with the same id. Any bad
/// value refuses the whole file, listing every one (file, line, column, reason).
/// </summary>
public static class ActivityImport
{
    public static TraySnapshot Read(string file, ActivityMapping mapping)
    {
        var errors = new List<ImportError>();
        var snapshot = new TraySnapshot(mapping.Source, file);
        snapshot.Kinds.Add(EntryKind.Service);
        snapshot.Kinds.Add(EntryKind.Channel);
        var bytes = File.ReadAllBytes(file);
        try { _ = JsonLineMap.StrictUtf8.GetCharCount(bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }) ? bytes.AsSpan(3) : bytes); }
        catch (DecoderFallbackException e)
        {
            throw new TrayImportException([new ImportError(file, bytes.AsSpan(0, Math.Max(0, e.Index)).Count((byte)'\n') + 1, "", "not UTF-8 text (save the listing as UTF-8)")]);
        }
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in mapping.Format == "json" ? JsonRows(file, bytes, errors) : CsvRows(file, mapping, errors))
        {
            var r = new RowReader(file, row.Line, mapping, row.Get, errors);
            var mapped = Map(r, out var id);
            if (id is not null && !firstLine.TryAdd(id, row.Line))
            {
                r.Error("id", $"the same id already appears on line {firstLine[id]}");
                continue;
            }
            if (mapped is null) continue;
            snapshot.Services[mapped.Service.SourceId] = mapped.Service;
            if (mapped.Channel is { } c) snapshot.Channels[c.SourceId] = c;
        }
        if (errors.Count > 0) throw new TrayImportException(errors);
        return snapshot;
    }

    private sealed record Row(int Line, Func<string, string?> Get);

    private static IEnumerable<Row> CsvRows(string file, ActivityMapping mapping, List<ImportError> errors)
    {
        var malformed = new Queue<(int Line, CsvMalformedReason Reason)>();
        var options = CsvReaderOptions.Default with
        {
            Encoding = JsonLineMap.StrictUtf8,
            TrackLineNumbers = true,
            TrimWhitespace = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            AllowLineBreaksInQuotes = false,
            OnMalformedRecord = m => malformed.Enqueue(((int)m.LineNumber, m.Reason)),
            IncludeValuesInExceptions = false,
        };
        if (mapping.Delimiter is { Length: 1 } d) options = options with { Separator = d[0] };
        using var csv = CsvReader.FromFile(file, options);
        string[] header;
        try { header = csv.Headers.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray(); }
        catch (CsvFormatException e) { errors.Add(new ImportError(file, (int)e.LineNumber, "", "the header cannot be read")); yield break; }
        if (header.Length == 0 || header.All(string.IsNullOrWhiteSpace)) { errors.Add(new ImportError(file, 1, "", "empty file: no header")); yield break; }
        foreach (var (field, column) in mapping.Columns)
            if (!header.Contains(column, StringComparer.OrdinalIgnoreCase))
                errors.Add(new ImportError(file, 1, column, $"column named in the mapping ({field}) is not in the header"));
        if (errors.Count > 0) yield break;
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Length; i++) index.TryAdd(header[i], i);
        while (true)
        {
            var more = csv.Read();
            while (malformed.TryDequeue(out var m)) errors.Add(new ImportError(file, m.Line, "", $"broken quoting ({m.Reason})"));
            if (!more) yield break;
            var line = (int)csv.LineNumber;
            if (csv.FieldCount != header.Length)
            {
                errors.Add(new ImportError(file, line, csv.FieldCount > header.Length ? $"field {header.Length + 1}" : header[csv.FieldCount], $"{csv.FieldCount} fields where the header has {header.Length}"));
                continue;
            }
            var values = new string?[header.Length];
            for (var i = 0; i < values.Length; i++) values[i] = csv.GetString(i);
            yield return new Row(line, column => index.TryGetValue(column, out var i) && values[i] is { Length: > 0 } v ? v : null);
        }
    }

    private static IEnumerable<Row> JsonRows(string file, byte[] bytes, List<ImportError> errors)
    {
        using var input = JsonInput.Parse(file, bytes, errors);
        if (input is null) yield break;
        var root = input.Root;
        if (root.Element.ValueKind != JsonValueKind.Array) { root.Error("", "a list of activities was expected"); yield break; }
        var i = 0;
        foreach (var element in root.Element.EnumerateArray())
        {
            var at = new JsonAt(input, element, $"$[{i++}]");
            if (element.ValueKind != JsonValueKind.Object) { at.Error("", "an object was expected"); continue; }
            var line = input.Lines.LineOf(at.Path);
            var snapshot = element.Clone();
            yield return new Row(line, column => snapshot.TryGetProperty(column, out var v) ? v.ValueKind switch
            {
                JsonValueKind.String => v.GetString() is { Length: > 0 } s ? s.Trim() : null,
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
                JsonValueKind.Array => string.Join(",", v.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString() : x.GetRawText())),
                _ => null,
            } : null);
        }
    }

    private sealed record Mapped(TrayService Service, TrayChannel? Channel);

    private static Mapped? Map(RowReader r, out string? id)
    {
        var before = r.ErrorCount;
        id = r.Text("id", required: true, max: 100);
        var name = r.Localised("name");
        if (name.IsEmpty) r.Error(r.Mapping.Columns.Keys.First(k => k.StartsWith("name_", StringComparison.Ordinal)), "no name in any language");
        var free = r.YesNo("free");
        var hoursText = r.Text("hours", max: 400);
        IReadOnlyList<OpeningPeriod> periods = [];
        if (hoursText is not null)
        {
            var (p, error) = HoursText.Parse(hoursText);
            if (error is not null) r.Error("hours", error);
            periods = p;
        }
        var starts = r.Date("starts");
        var ends = r.Date("ends");
        if (starts is { } s0 && ends is { } e0 && e0 < s0) r.Error("ends", "before the start date");
        var postal = r.Text("postal_code", max: 5);
        if (postal is not null && (postal.Length != 5 || !postal.All(char.IsAsciiDigit))) r.Error("postal_code", $"not a Finnish postal code: \"{postal}\"");
        var municipality = r.Text("municipality", max: 3);
        if (municipality is not null && (municipality.Length != 3 || !municipality.All(char.IsAsciiDigit))) r.Error("municipality", $"not a municipality code (three digits): \"{municipality}\"");
        var lat = r.Number("latitude");
        var lon = r.Number("longitude");
        var url = r.Text("url", max: 1000);
        if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out var u) || u.Scheme is not ("http" or "https"))) r.Error("url", $"not a web address: \"{JsonAt.Clip(url)}\"");
        var phone = r.Text("phone", max: 40);
        if (phone is not null && !phone.All(ch => char.IsAsciiDigit(ch) || ch is ' ' or '-' or '+' or '(' or ')')) r.Error("phone", "not a phone number");
        var email = r.Text("email", max: 200);
        if (email is not null && (!email.Contains('@') || email.Contains(' '))) r.Error("email", "not an e-mail address");
        var targetGroups = r.Codes("target_groups");
        var classes = r.Codes("service_classes");
        if (r.ErrorCount > before || id is null) return null;

        var street = r.Text("street", max: 200);
        var point = Coordinates.Read(lat, lon);
        var hasPlace = street is not null || postal is not null || periods.Count > 0;
        var channel = hasPlace ? new TrayChannel
        {
            SourceId = id,
            Type = "ServiceLocation",
            Name = name,
            Addresses = street is null && postal is null ? [] :
            [
                new Address
                {
                    Street = new LocalisedText(street), PostalCode = postal, PostOffice = new LocalisedText(r.Text("post_office", max: 100)),
                    Municipality = municipality is null ? null : new Coded(municipality, LocalisedText.Empty),
                    Latitude = point?.Latitude, Longitude = point?.Longitude,
                },
            ],
            Phones = phone is null ? [] : [new Phone(phone, null, LocalisedText.Empty, null)],
            WebPages = url is null ? [] : [new WebLink(url, LocalisedText.Empty)],
            Emails = email is null ? [] : [email],
            Hours = periods.Count == 0 ? [] : [new ServiceHours { Type = "Standard", ValidFrom = starts, ValidTo = ends, Periods = periods }],
            Accessible = r.YesNo("accessible") ?? false,
            ServiceIds = [id],
        } : null;
        var service = new TrayService
        {
            SourceId = id,
            Name = name,
            Summary = r.Localised("summary"),
            Description = r.Localised("description"),
            ChargeType = free switch { true => "Free", false => "Charged", null => null },
            ServiceClasses = classes,
            TargetGroups = targetGroups,
            Keywords = r.List("keywords"),
            AreaType = municipality is null ? null : "LimitedType",
            Municipalities = municipality is null ? [] : [new Coded(municipality, LocalisedText.Empty)],
            ProviderName = new LocalisedText(r.Text("organiser", max: 200)),
            ChannelIds = channel is null ? [] : [id],
        };
        return new Mapped(service, channel);
    }

    /// <summary>One row's values by tray field, reporting errors with file, line and the listing's own column name.</summary>
    private sealed class RowReader(string file, int line, ActivityMapping mapping, Func<string, string?> get, List<ImportError> errors)
    {
        public ActivityMapping Mapping => mapping;
        public int ErrorCount => errors.Count;

        public void Error(string field, string reason) =>
            errors.Add(new ImportError(file, line, mapping.Columns.TryGetValue(field, out var c) ? $"{c} [{field}]" : field, reason));

        public string? Text(string field, bool required = false, int max = 4000)
        {
            var v = mapping.Columns.TryGetValue(field, out var column) ? get(column) : null;
            if (v is null) { if (required) Error(field, "missing"); return null; }
            if (v.Length > max) { Error(field, $"longer than {max} characters"); return null; }
            return v;
        }

        public LocalisedText Localised(string prefix) => new(Text(prefix + "_fi"), Text(prefix + "_sv"), Text(prefix + "_en"));

        public bool? YesNo(string field)
        {
            var v = Text(field, max: 20)?.ToLowerInvariant();
            switch (v)
            {
                case null: return null;
                case "1" or "x" or "true" or "yes" or "kyllä" or "k" or "ja" or "y": return true;
                case "0" or "false" or "no" or "ei" or "e" or "nej" or "n": return false;
                default: Error(field, $"\"{v}\" is not yes or no (kyllä/ei, ja/nej, yes/no, 1/0)"); return null;
            }
        }

        public double? Number(string field)
        {
            var v = Text(field, max: 40);
            if (v is null) return null;
            if (double.TryParse(v.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return d;
            Error(field, $"not a number: \"{v}\"");
            return null;
        }

        public DateOnly? Date(string field)
        {
            var v = Text(field, max: 40);
            if (v is null) return null;
            if (DateOnly.TryParseExact(v, ["d.M.yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
            Error(field, $"not a date (d.M.yyyy or yyyy-MM-dd): \"{v}\"");
            return null;
        }

        public IReadOnlyList<string> List(string field) =>
            Text(field)?.Split(mapping.ListSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList() ?? [];

        /// <summary>Words mapped to codes through the mapping's value map; a code written as such (KR1.2, P10.1) passes as it is.</summary>
        public IReadOnlyList<Coded> Codes(string field)
        {
            var map = mapping.Values.TryGetValue(field, out var m) ? new Dictionary<string, string>(m, StringComparer.OrdinalIgnoreCase) : [];
            var codes = new List<Coded>();
            foreach (var word in List(field))
            {
                if (map.TryGetValue(word, out var code)) codes.Add(new Coded(code, new LocalisedText(word)));
                else if (LooksLikeCode(word)) codes.Add(new Coded(word.ToUpperInvariant(), LocalisedText.Empty));
                else Error(field, $"\"{word}\" has no code in the mapping's values.{field}");
            }
            return codes.DistinctBy(c => c.Code).ToList();
        }

        private static bool LooksLikeCode(string w) =>
            (w.StartsWith("KR", StringComparison.OrdinalIgnoreCase) || w.StartsWith('P') || w.StartsWith('p') || w.StartsWith("KE", StringComparison.OrdinalIgnoreCase))
            && w.Skip(1).Any(char.IsAsciiDigit) && w.All(c => char.IsAsciiLetterOrDigit(c) || c == '.');
    }
}
