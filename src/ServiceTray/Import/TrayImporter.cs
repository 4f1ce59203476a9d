using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tilannekuva.ServiceTray.Storage;

namespace Tilannekuva.ServiceTray.Import;

/// <summary>
/// Stores a checked snapshot in one transaction: new entries are added, changed ones (content hash differs)
/// updated, retired ones that came back restored, and active entries of the same source and kind that the
/// snapshot no longer has are retired (kept, marked, dated — a service page link then says "no longer
/// offered" rather than 404). Every change is a dated <see cref="TrayChange"/> row naming the import.
/// The same snapshot twice changes nothing (the run itself is still logged in <see cref="TrayImport"/>).
/// </summary>
public sealed class TrayImporter(ServiceTrayDbContext db, TimeProvider clock)
{
    /// <summary>Letters kept as they are (not \u-escaped), so the stored JSON reads in a database tool.</summary>
    internal static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All), PropertyNamingPolicy = JsonNamingPolicy.CamelCase, DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    public async Task<TrayImportResult> StoreAsync(TraySnapshot snapshot, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var incoming = new List<(EntryKind Kind, string Id, string Data)>();
        incoming.AddRange(snapshot.Services.Values.Select(s => (EntryKind.Service, s.SourceId, JsonSerializer.Serialize(s, Json))));
        incoming.AddRange(snapshot.Channels.Values.Select(c => (EntryKind.Channel, c.SourceId, JsonSerializer.Serialize(c, Json))));
        incoming.AddRange(snapshot.Organisations.Values.Select(o => (EntryKind.Organisation, o.SourceId, JsonSerializer.Serialize(o, Json))));

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var run = new TrayImport { At = now, Source = snapshot.Source, Origin = Clip(snapshot.Origin, 1000), Read = incoming.Count };
            db.Imports.Add(run);
            await db.SaveChangesAsync(ct);

            var kinds = snapshot.Kinds.ToList();
            var stored = await db.Entries.Where(e => e.Source == snapshot.Source && kinds.Contains(e.Kind)).ToListAsync(ct);
            var byKey = stored.ToDictionary(e => (e.Kind, e.SourceId));
            var seen = new HashSet<(EntryKind, string)>();
            foreach (var (kind, id, data) in incoming)
            {
                seen.Add((kind, id));
                var hash = Hash(data);
                if (!byKey.TryGetValue((kind, id), out var entry))
                {
                    db.Entries.Add(new TrayEntry { Kind = kind, Source = snapshot.Source, SourceId = id, Data = data, Hash = hash, Status = EntryStatus.Active, FirstSeenAt = now, ChangedAt = now, LastImportId = run.Id });
                    Change(run, kind, snapshot.Source, id, ChangeKind.Added, now);
                    continue;
                }
                if (entry.Status == EntryStatus.Retired)
                {
                    (entry.Status, entry.RetiredAt, entry.Data, entry.Hash, entry.ChangedAt, entry.LastImportId) = (EntryStatus.Active, null, data, hash, now, run.Id);
                    Change(run, kind, snapshot.Source, id, ChangeKind.Restored, now);
                }
                else if (entry.Hash != hash)
                {
                    (entry.Data, entry.Hash, entry.ChangedAt, entry.LastImportId) = (data, hash, now, run.Id);
                    Change(run, kind, snapshot.Source, id, ChangeKind.Updated, now);
                }
                else run.Unchanged++;
            }
            foreach (var entry in stored.Where(e => e.Status == EntryStatus.Active && !seen.Contains((e.Kind, e.SourceId))))
            {
                (entry.Status, entry.RetiredAt, entry.ChangedAt, entry.LastImportId) = (EntryStatus.Retired, now, now, run.Id);
                Change(run, entry.Kind, snapshot.Source, entry.SourceId, ChangeKind.Retired, now);
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new TrayImportResult(run.Id, run.Read, run.Added, run.Updated, run.Retired, run.Restored, run.Unchanged);
        });
    }

    private void Change(TrayImport run, EntryKind kind, string source, string id, ChangeKind change, DateTime at)
    {
        db.Changes.Add(new TrayChange { ImportId = run.Id, At = at, Kind = kind, Source = source, SourceId = id, Change = change });
        switch (change)
        {
            case ChangeKind.Added: run.Added++; break;
            case ChangeKind.Updated: run.Updated++; break;
            case ChangeKind.Retired: run.Retired++; break;
            case ChangeKind.Restored: run.Restored++; break;
        }
    }

    internal static string Hash(string data) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(data)));

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..max];
}
