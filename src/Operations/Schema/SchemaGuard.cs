using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Tilannekuva.Operations.Schema;

/// <summary>The schema of one module as the store has it against what this binary knows.</summary>
public sealed record ModuleSchema(string Context, IReadOnlyList<string> Applied, IReadOnlyList<string> Pending, IReadOnlyList<string> Unknown)
{
    /// <summary>Migrations the store has that this binary does not know: the store was upgraded by a newer version.</summary>
    public bool IsNewerThanBinary => Unknown.Count > 0;
}

/// <summary>The store's schema was written by a newer version; this binary must not run or migrate it.</summary>
public sealed class SchemaNewerThanBinaryException(IReadOnlyList<ModuleSchema> modules) : Exception(
    Localisation.Texts.Format("Ops.SchemaNewer", null, string.Join("; ", modules.Where(m => m.IsNewerThanBinary).Select(m => $"{m.Context}: {string.Join(", ", m.Unknown)}"))))
{
    public IReadOnlyList<ModuleSchema> Modules { get; } = modules;
}

/// <summary>
/// Reads each module's migrations history table (one per module) and compares it with the migrations compiled into
/// this binary: pending ones are what `migrate` would apply, unknown ones mean a newer version has run on the store.
/// </summary>
public static class SchemaGuard
{
    public static async Task<ModuleSchema> InspectAsync(DbContext context, CancellationToken ct = default)
    {
        var known = context.GetService<IMigrationsAssembly>().Migrations.Keys.ToList();
        // A store without the history table has nothing applied (asking would log a failed query on PostgreSQL).
        var history = context.GetService<IHistoryRepository>();
        var applied = await history.ExistsAsync(ct) ? (await history.GetAppliedMigrationsAsync(ct)).Select(r => r.MigrationId).ToList() : [];
        var pending = known.Except(applied, StringComparer.Ordinal).ToList();
        var unknown = applied.Except(known, StringComparer.Ordinal).ToList();
        return new ModuleSchema(context.GetType().Name, applied, pending, unknown);
    }

    public static async Task<IReadOnlyList<ModuleSchema>> InspectAsync(IEnumerable<DbContext> contexts, CancellationToken ct = default)
    {
        var result = new List<ModuleSchema>();
        foreach (var c in contexts) result.Add(await InspectAsync(c, ct));
        return result;
    }

    /// <summary>Throws <see cref="SchemaNewerThanBinaryException"/> when any module has migrations this binary does not know.</summary>
    public static void RefuseNewer(IReadOnlyList<ModuleSchema> modules)
    {
        if (modules.Any(m => m.IsNewerThanBinary)) throw new SchemaNewerThanBinaryException(modules);
    }

    /// <summary>True when migrating would change an existing store (some module applied before, some migration pending).</summary>
    public static bool WouldChangeExistingStore(IReadOnlyList<ModuleSchema> modules) =>
        modules.Any(m => m.Applied.Count > 0) && modules.Any(m => m.Pending.Count > 0);
}
