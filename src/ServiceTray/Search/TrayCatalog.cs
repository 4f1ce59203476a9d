using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tilannekuva.ServiceTray.Domain;
using Tilannekuva.ServiceTray.Import;
using Tilannekuva.ServiceTray.Storage;

namespace Tilannekuva.ServiceTray.Search;

/// <summary>A service with everything a result or a service page shows: its channels and organisations resolved.</summary>
public sealed record TrayItem(long Id, string Source, TrayService Service, IReadOnlyList<TrayChannel> Channels, IReadOnlyList<TrayOrganisation> Organisations)
{
    public IEnumerable<Address> Places => Channels.SelectMany(c => c.Addresses).Where(a => a.Type == "Location");

    public bool Accessible => Channels.Any(c => c.Accessible);

    public LocalisedText Provider => Organisations.FirstOrDefault()?.Name ?? Service.ProviderName;
}

/// <summary>
/// The active services of every source, read from the store at one moment (the stamp is the newest change
/// id, so the index knows when to rebuild). Channels of another source are not joined: a listing's row ids
/// are only unique within the listing.
/// </summary>
public sealed class TrayCatalog
{
    public IReadOnlyList<TrayItem> Items { get; }
    public long Stamp { get; }
    /// <summary>Postal code and municipality code → the mean of the catalogue's own geocoded addresses in it.</summary>
    public IReadOnlyDictionary<string, (double Lat, double Lon)> PostalCentroids { get; }
    public IReadOnlyDictionary<string, (double Lat, double Lon)> MunicipalityCentroids { get; }
    /// <summary>Code → name of the target groups, service classes and municipalities seen (for filters and pages).</summary>
    public IReadOnlyDictionary<string, LocalisedText> TargetGroups { get; }
    public IReadOnlyDictionary<string, LocalisedText> ServiceClasses { get; }
    public IReadOnlyDictionary<string, LocalisedText> Municipalities { get; }

    public TrayCatalog(IReadOnlyList<TrayItem> items, long stamp)
    {
        Items = items;
        Stamp = stamp;
        var addresses = items.SelectMany(i => i.Places).Where(a => a.Latitude is not null && a.Longitude is not null).DistinctBy(a => (a.Latitude, a.Longitude, a.PostalCode)).ToList();
        PostalCentroids = Centroids(addresses, a => a.PostalCode);
        MunicipalityCentroids = Centroids(addresses, a => a.Municipality?.Code);
        TargetGroups = Names(items.SelectMany(i => i.Service.TargetGroups));
        ServiceClasses = Names(items.SelectMany(i => i.Service.ServiceClasses));
        Municipalities = Names(items.SelectMany(i => i.Service.Municipalities.Concat(i.Places.Select(p => p.Municipality).OfType<Coded>())));
    }

    private static Dictionary<string, (double, double)> Centroids(List<Address> addresses, Func<Address, string?> key) =>
        addresses.Where(a => key(a) is not null).GroupBy(a => key(a)!)
            .ToDictionary(g => g.Key, g => (g.Average(a => a.Latitude!.Value), g.Average(a => a.Longitude!.Value)));

    /// <summary>The fullest name given for each code (listings give only the word they used).</summary>
    private static Dictionary<string, LocalisedText> Names(IEnumerable<Coded> codes) =>
        codes.GroupBy(c => c.Code).ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.Name.All().Count()).First().Name);

    public TrayItem? Find(long id) => Items.FirstOrDefault(i => i.Id == id);

    public static async Task<TrayCatalog> LoadAsync(ServiceTrayDbContext db, CancellationToken ct = default)
    {
        var stamp = await db.Changes.MaxAsync(c => (long?)c.Id, ct) ?? 0;
        var entries = await db.Entries.AsNoTracking().Where(e => e.Status == EntryStatus.Active).ToListAsync(ct);
        var channels = entries.Where(e => e.Kind == EntryKind.Channel).ToDictionary(e => (e.Source, e.SourceId), e => JsonSerializer.Deserialize<TrayChannel>(e.Data, TrayImporter.Json)!);
        var organisations = entries.Where(e => e.Kind == EntryKind.Organisation).ToDictionary(e => (e.Source, e.SourceId), e => JsonSerializer.Deserialize<TrayOrganisation>(e.Data, TrayImporter.Json)!);
        var items = entries.Where(e => e.Kind == EntryKind.Service).OrderBy(e => e.Id).Select(e =>
        {
            var s = JsonSerializer.Deserialize<TrayService>(e.Data, TrayImporter.Json)!;
            return new TrayItem(e.Id, e.Source, s,
                s.ChannelIds.Select(id => channels.GetValueOrDefault((e.Source, id))).OfType<TrayChannel>().ToList(),
                s.OrganisationIds.Select(id => organisations.GetValueOrDefault((e.Source, id))).OfType<TrayOrganisation>().ToList());
        }).ToList();
        return new TrayCatalog(items, stamp);
    }
}
