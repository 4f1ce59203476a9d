using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Tilannekuva.Feedback.Storage;
using Tilannekuva.Indicators.Storage;
using Tilannekuva.Programme.Storage;
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
        // ... maps the same schema (no migration operation between the two) ...
        var differences = context.GetService<IMigrationsModelDiffer>().GetDifferences(compiled.GetRelationalModel(), built.GetRelationalModel());
        Assert.True(differences.Count == 0,
            $"{context.GetType().Name}: the compiled model differs from OnModelCreating ({string.Join(", ", differences.Select(d => d.GetType().Name))}); run scripts/optimize-models");
        // ... and the same properties, types and conversions.
        Assert.Equal(Describe(built), Describe(compiled));
    }

    private static string Describe(IModel model)
    {
        var text = new StringBuilder();
        foreach (var entity in model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            text.AppendLine($"{entity.Name} -> {entity.GetTableName()} key({string.Join(",", entity.FindPrimaryKey()?.Properties.Select(p => p.Name) ?? [])})");
            foreach (var p in entity.GetProperties().OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                var converter = p.GetTypeMapping().Converter;
                text.AppendLine($"  {p.Name} {p.ClrType.Name} {(p.IsNullable ? "null" : "not null")} column={p.GetColumnName()} type={p.GetColumnType()} " +
                                $"max={p.GetMaxLength()} converter={converter?.ModelClrType.Name}:{converter?.ProviderClrType.Name} generated={p.ValueGenerated} " +
                                $"concurrency={p.IsConcurrencyToken} default={p.GetDefaultValueSql()}");
            }
            foreach (var i in entity.GetIndexes().OrderBy(i => i.GetDatabaseName(), StringComparer.Ordinal))
                text.AppendLine($"  index {i.GetDatabaseName()} ({string.Join(",", i.Properties.Select(p => p.Name))}) unique={i.IsUnique} filter={i.GetFilter()}");
            foreach (var f in entity.GetForeignKeys().OrderBy(f => f.GetConstraintName(), StringComparer.Ordinal))
                text.AppendLine($"  fk {f.GetConstraintName()} -> {f.PrincipalEntityType.Name} delete={f.DeleteBehavior}");
        }
        return text.ToString();
    }
}
