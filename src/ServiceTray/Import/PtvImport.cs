using Tilannekuva.ServiceTray.Storage;

namespace Tilannekuva.ServiceTray.Import;

/// <summary>
/// Turns PTV documents (files, or pages fetched from the open interface) into one checked snapshot of the
/// source "ptv". A record's kind is told by its fields: serviceChannelType → channel, organizationNames →
/// organisation, serviceNames → service. Records whose publishingStatus is not Published are left out
/// (and so retire a stored copy). Any bad value anywhere refuses the whole import.
/// </summary>
public static class PtvImport
{
    public const string Source = "ptv";

    public static TraySnapshot Read(IEnumerable<(string Name, byte[] Content)> documents, string origin)
    {
        var snapshot = new TraySnapshot(Source, origin);
        var errors = new List<ImportError>();
        var firstSeen = new Dictionary<(EntryKind, string), string>();
        foreach (var (name, content) in documents)
        {
            using var input = JsonInput.Parse(name, content, errors);
            if (input is null) continue;
            foreach (var record in PtvReader.Records(input))
            {
                if (record.Element.ValueKind != System.Text.Json.JsonValueKind.Object) { record.Error("", "a record (object) was expected"); continue; }
                if (record.String("publishingStatus") is { } status && status != "Published") continue;
                var kind = record.Has("serviceChannelType") ? EntryKind.Channel
                    : record.Has("organizationNames") ? EntryKind.Organisation
                    : record.Has("serviceNames") ? EntryKind.Service
                    : (EntryKind?)null;
                if (kind is not { } k)
                {
                    record.Error("", "not a PTV service, service channel or organisation (no serviceNames, serviceChannelType or organizationNames)");
                    continue;
                }
                snapshot.Kinds.Add(k);
                switch (k)
                {
                    case EntryKind.Service when PtvReader.Service(record) is { } s: if (!Repeated(s.SourceId)) snapshot.Services[s.SourceId] = s; break;
                    case EntryKind.Channel when PtvReader.Channel(record) is { } c: if (!Repeated(c.SourceId)) snapshot.Channels[c.SourceId] = c; break;
                    case EntryKind.Organisation when PtvReader.Organisation(record) is { } o: if (!Repeated(o.SourceId)) snapshot.Organisations[o.SourceId] = o; break;
                }

                bool Repeated(string sourceId)
                {
                    var here = $"{name} line {input.Lines.LineOf(record.Path)}";
                    if (firstSeen.TryAdd((k, sourceId), here)) return false;
                    record.Error("id", $"the same id already appears at {firstSeen[(k, sourceId)]}");
                    return true;
                }
            }
        }
        if (errors.Count > 0) throw new TrayImportException(errors);
        return snapshot;
    }

    /// <summary>Files named on the command line; a folder means every *.json in it (sorted by name).</summary>
    public static IEnumerable<(string Name, byte[] Content)> Files(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.GetFiles(path, "*.json").Order(StringComparer.Ordinal))
                    yield return (file, File.ReadAllBytes(file));
            }
            else if (File.Exists(path)) yield return (path, File.ReadAllBytes(path));
            else throw new TrayImportException([new ImportError(path, 0, "", "no such file or folder")]);
        }
    }
}
