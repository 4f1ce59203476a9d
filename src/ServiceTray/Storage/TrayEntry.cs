namespace Tilannekuva.ServiceTray.Storage;

/// <summary>What a tray entry is.</summary>
public enum EntryKind { Service, Channel, Organisation }

public enum EntryStatus { Active, Retired }

/// <summary>
/// One service, channel or organisation as last imported from its source. The normalised record is kept
/// as JSON (<see cref="Data"/>): the catalogue's shape is wide and nested (names per language, code lists,
/// addresses, hours) and is read whole — search runs on the Lucene index built from it, not on SQL.
/// <see cref="SourceId"/> is the source's own id (a PTV GUID, a listing's row id); the pair
/// (<see cref="Source"/>, <see cref="Kind"/>, <see cref="SourceId"/>) is unique.
/// </summary>
public sealed class TrayEntry
{
    public long Id { get; set; }
    public EntryKind Kind { get; set; }
    /// <summary>"ptv", or the source name of an association listing's mapping (e.g. "lahella").</summary>
    public string Source { get; set; } = "";
    public string SourceId { get; set; } = "";
    public string Data { get; set; } = "";
    /// <summary>SHA-256 of <see cref="Data"/>, hex: equal content, no change.</summary>
    public string Hash { get; set; } = "";
    public EntryStatus Status { get; set; }
    public DateTime FirstSeenAt { get; set; }
    public DateTime ChangedAt { get; set; }
    public DateTime? RetiredAt { get; set; }
    public long LastImportId { get; set; }
}

/// <summary>What an import did to an entry; every change is dated and names its import.</summary>
public enum ChangeKind { Added, Updated, Retired, Restored }

public sealed class TrayChange
{
    public long Id { get; set; }
    public long ImportId { get; set; }
    public DateTime At { get; set; }
    public EntryKind Kind { get; set; }
    public string Source { get; set; } = "";
    public string SourceId { get; set; } = "";
    public ChangeKind Change { get; set; }
}

/// <summary>One import run: where from, when, and what it changed.</summary>
public sealed class TrayImport
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string Source { get; set; } = "";
    /// <summary>The files or URL read.</summary>
    public string Origin { get; set; } = "";
    public int Read { get; set; }
    public int Added { get; set; }
    public int Updated { get; set; }
    public int Retired { get; set; }
    public int Restored { get; set; }
    public int Unchanged { get; set; }
}
