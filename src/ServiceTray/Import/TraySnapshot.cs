using Tilannekuva.ServiceTray.Domain;
using Tilannekuva.ServiceTray.Storage;

namespace Tilannekuva.ServiceTray.Import;

/// <summary>
/// Everything one source says at one moment, read and checked, before anything is stored. Only the kinds
/// present (<see cref="Kinds"/>) are compared with the store: importing a services file alone does not
/// retire the source's channels.
/// </summary>
public sealed class TraySnapshot(string source, string origin)
{
    public string Source { get; } = source;
    public string Origin { get; } = origin;
    public HashSet<EntryKind> Kinds { get; } = [];
    public Dictionary<string, TrayService> Services { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, TrayChannel> Channels { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, TrayOrganisation> Organisations { get; } = new(StringComparer.Ordinal);

    public int Count => Services.Count + Channels.Count + Organisations.Count;
}

/// <summary>What an import did.</summary>
public sealed record TrayImportResult(long ImportId, int Read, int Added, int Updated, int Retired, int Restored, int Unchanged)
{
    public bool ChangedAnything => Added + Updated + Retired + Restored > 0;
}
