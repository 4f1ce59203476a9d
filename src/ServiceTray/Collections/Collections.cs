using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Tilannekuva.ServiceTray.Storage;

namespace Tilannekuva.ServiceTray.Collections;

/// <summary>Curated collections: list, find by slug, save (create or change), delete. Every change is logged (who, what).</summary>
public sealed partial class Collections(ServiceTrayDbContext db, TimeProvider clock, ILogger<Collections> log)
{
    public Task<List<TrayCollection>> AllAsync(CancellationToken ct = default) =>
        db.Collections.AsNoTracking().OrderBy(c => c.NameFi).ToListAsync(ct);

    public Task<TrayCollection?> FindAsync(string slug, CancellationToken ct = default) =>
        db.Collections.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug, ct);

    /// <summary>Text keys of what is wrong with the collection; empty when it can be saved.</summary>
    public async Task<List<string>> ValidateAsync(TrayCollection c, CancellationToken ct = default)
    {
        var errors = new List<string>();
        if (!Slug().IsMatch(c.Slug)) errors.Add("TrayWork.Collection.Error.Slug");
        else if (await db.Collections.AnyAsync(x => x.Slug == c.Slug && x.Id != c.Id, ct)) errors.Add("TrayWork.Collection.Error.SlugTaken");
        if (string.IsNullOrWhiteSpace(c.NameFi)) errors.Add("TrayWork.Collection.Error.Name");
        if (c.ServiceIds.Count > 200) errors.Add("TrayWork.Collection.Error.TooMany");
        return errors;
    }

    /// <summary>Creates (Id 0) or changes a collection; throws when it does not validate.</summary>
    public async Task<TrayCollection> SaveAsync(TrayCollection c, string editor, CancellationToken ct = default)
    {
        var errors = await ValidateAsync(c, ct);
        if (errors.Count > 0) throw new ArgumentException(string.Join("; ", errors));
        var row = c.Id == 0 ? new TrayCollection() : await db.Collections.FirstAsync(x => x.Id == c.Id, ct);
        var before = c.Id == 0 ? null : $"{row.Slug} [{string.Join(',', row.ServiceIds)}]";
        row.Slug = c.Slug; row.NameFi = c.NameFi.Trim(); row.NameSv = c.NameSv.Trim(); row.NameEn = c.NameEn.Trim();
        row.DescriptionFi = c.DescriptionFi.Trim(); row.DescriptionSv = c.DescriptionSv.Trim(); row.DescriptionEn = c.DescriptionEn.Trim();
        row.ServiceIds = c.ServiceIds.Distinct().ToList();
        row.ChangedAt = clock.GetUtcNow();
        row.ChangedBy = editor;
        if (c.Id == 0) db.Collections.Add(row);
        await db.SaveChangesAsync(ct);
        log.LogInformation("Tray collection {Slug} saved by {Editor}: {Before} → [{After}]", row.Slug, editor, before ?? "new", string.Join(',', row.ServiceIds));
        return row;
    }

    public async Task<bool> DeleteAsync(long id, string editor, CancellationToken ct = default)
    {
        var row = await db.Collections.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (row is null) return false;
        db.Collections.Remove(row);
        await db.SaveChangesAsync(ct);
        log.LogInformation("Tray collection {Slug} deleted by {Editor}", row.Slug, editor);
        return true;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    public static partial Regex Slug();
}
