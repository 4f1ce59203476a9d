using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Tilannekuva.Feedback.Storage;
using Tilannekuva.Indicators.Storage;
using Tilannekuva.Programme.Storage;
using Tilannekuva.ServiceTray.Storage;
using Tilannekuva.Storage;

namespace Tilannekuva.Storage.Tests;

/// <summary>
/// The compiled models (scripts/optimize-models, issue #20) against the model OnModelCreating builds now: a compiled
/// model is picked up automatically, so a stale one would silently map the old schema. Both providers, no database.
/// </summary>
public sealed class CompiledModelTests
{
    public static TheoryData<string, string> Contexts()
    {
        var data = new TheoryData<string, string>();
        foreach (var module in Opens.Keys)
        foreach (var provider in new[] { "sqlite", "postgres" })
            data.Add(module, provider);
        return data;
    }

    private static readonly Dictionary<string, Func<DatabaseOptions, DbContext>> Opens = new()
    {
        ["Programme"] = db => ProgrammeStorage.Open(db),
        ["Indicators"] = IndicatorsStorage.Open,
        ["Feedback"] = FeedbackStorage.Open,
        ["ServiceTray"] = ServiceTrayStorage.Open,
    };

    [Theory]
    [MemberData(nameof(Contexts))]
    public void Compiled_model_is_used_and_matches_OnModelCreating(string module, string provider)
    {
        using var context = Opens[module](provider == "sqlite" ? DesignTime.Sqlite : DesignTime.Postgres);
        var compiled = context.Model;
        var built = context.GetService<IDesignTimeModel>().Model;

        // The compiled model is in use (its generated class, not one EF built at run time) ...
        Assert.EndsWith(context.GetType().Name + "Model", compiled.GetType().Name);
        Assert.NotSame(compiled, built);
        // ... and maps the same tables, columns, keys and indexes with the same types and conversions.
        var expected = Describe(built).Split('\n');
        var actual = Describe(compiled).Split('\n');
        var onlyBuilt = expected.Except(actual).ToList();
        var onlyCompiled = actual.Except(expected).ToList();
        Assert.True(onlyBuilt.Count == 0 && onlyCompiled.Count == 0,
            $"{context.GetType().Name}: the compiled model differs from OnModelCreating; run scripts/optimize-models.\n" +
            $"OnModelCreating only:\n{string.Join("\n", onlyBuilt)}\ncompiled only:\n{string.Join("\n", onlyCompiled)}");
    }

    private static string Describe(IModel model)
    {
        var text = new StringBuilder();
        foreach (var entity in model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            text.AppendLine($"{entity.Name} -> {entity.GetTableName()}");
            foreach (var p in entity.GetProperties().OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                var converter = p.GetTypeMapping().Converter;
                text.AppendLine($"  {p.Name} {p.ClrType} {(p.IsNullable ? "null" : "not null")} column={p.GetColumnName()} max={p.GetMaxLength()} " +
                                $"converter={converter?.ModelClrType}:{converter?.ProviderClrType} store={p.GetRelationalTypeMapping().StoreType} " +
                                $"generated={p.ValueGenerated} concurrency={p.IsConcurrencyToken}");
            }
        }
        foreach (var table in model.GetRelationalModel().Tables.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            text.AppendLine($"table {table.Schema}.{table.Name} key {table.PrimaryKey?.Name}({Columns(table.PrimaryKey?.Columns)})");
            foreach (var c in table.Columns.OrderBy(c => c.Name, StringComparer.Ordinal))
                text.AppendLine($"  {c.Name} {c.StoreType} {(c.IsNullable ? "null" : "not null")} default={c.DefaultValueSql}{c.DefaultValue} computed={c.ComputedColumnSql}");
            foreach (var i in table.Indexes.OrderBy(i => i.Name, StringComparer.Ordinal))
                text.AppendLine($"  index {i.Name} ({Columns(i.Columns)}) unique={i.IsUnique} filter={i.Filter}");
            foreach (var u in table.UniqueConstraints.OrderBy(u => u.Name, StringComparer.Ordinal))
                text.AppendLine($"  unique {u.Name} ({Columns(u.Columns)})");
            foreach (var f in table.ForeignKeyConstraints.OrderBy(f => f.Name, StringComparer.Ordinal))
                text.AppendLine($"  fk {f.Name} ({Columns(f.Columns)}) -> {f.PrincipalTable.Name}({Columns(f.PrincipalColumns)}) {f.OnDeleteAction}");
        }
        return text.ToString();
    }

    private static string Columns(IEnumerable<IColumn>? columns) => string.Join(",", columns?.Select(c => c.Name) ?? []);
}
