using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tilannekuva.Indicators.Catalogue;
using Tilannekuva.Indicators.Computation;
using Tilannekuva.Indicators.Ingest;
using Tilannekuva.Indicators.Storage;
using Tilannekuva.Indicators.Synthetic;
using Tilannekuva.Localisation;
using Tilannekuva.Storage;

namespace Tilannekuva.Cli;

/// <summary>import, compute, demo-region, bench: the knowledge-based management chores an analyst scripts.</summary>
public static class IndicatorsCommands
{
    public static IEnumerable<Command> Build() => [Import(), Compute(), DemoRegion()];

    private static Command Import()
    {
        var kind = new Argument<string>("kind") { Description = "org_units, assessments, visits, contacts, slots, waiting-list or roster" };
        var file = new Argument<FileInfo>("file") { Description = "CSV or JSON export" };
        var mapping = new Option<FileInfo?>("--mapping") { Description = "Column mapping file (JSON, see docs/ingest.md); default: canonical column names" };
        var raw = new Option<string?>("--raw-folder") { Description = "Keep a byte-exact copy of the file here (default: Ingest:RawFolder / TILANNEKUVA_RAW_FOLDER; none: not kept)" };
        var rejects = new Option<string?>("--rejects") { Description = "Where to write the reject report (default: <file>.rejects.csv beside the file)" };
        var noCompute = new Option<bool>("--no-compute") { Description = "Do not recompute the indicators after the import" };
        var earliest = new Option<DateOnly?>("--earliest-date") { Description = "Reject event dates before this day (default 2000-01-01)" };
        var futureDays = new Option<int?>("--future-days") { Description = "Days after the import time an event may lie (clock differences; default 1)" };
        var cmd = new Command("import", "Load an export file into the canonical tables (then recompute the indicators), or `import plan <file>` for a project plan") { kind, file, mapping, raw, rejects, noCompute, earliest, futureDays, ImportCommands.Plan() };
        cmd.SetAction(async (r, ct) =>
        {
            var path = r.GetValue(file)!.FullName;
            // Missing files and refused imports: one clear line, no stack trace (the message never holds a row's values).
            foreach (var needed in new[] { r.GetValue(file), r.GetValue(mapping) })
                if (needed is { Exists: false })
                {
                    Console.Error.WriteLine(Texts.Format("Security.Cli.FileMissing", null, needed.FullName));
                    return 2;
                }
            await using var db = await IndicatorsStorage.OpenMigratedAsync(CliApp.Database(r), ct);
            StartupTrace.Mark("import: store open");
            ImportResult result;
            try
            {
                var rules = PlausibilityRules.Default;
                if (r.GetValue(earliest) is { } e) rules = rules with { EarliestDate = e };
                if (r.GetValue(futureDays) is { } f) rules = rules with { FutureTolerance = TimeSpan.FromDays(f) };
                result = await ImportFileAsync(db, CanonicalTable.ParseKind(r.GetValue(kind)!), path,
                    r.GetValue(mapping)?.FullName, r.GetValue(raw) ?? Env("TILANNEKUVA_RAW_FOLDER", "Ingest__RawFolder"), ct, plausibility: rules);
            }
            catch (NoRowsException e)
            {
                // A header-only file is a normal day with nothing to load; an empty file is a broken export.
                (e.HeaderOnly ? Console.Out : Console.Error).WriteLine(e.Message);
                return e.HeaderOnly ? 0 : 2;
            }
            catch (Exception e) when (e is InvalidDataException or FormatException or InvalidOperationException or IOException or ArgumentException
                                          or System.Text.Json.JsonException)
            {
                // One line naming file, line and field; never a stack trace.
                Console.Error.WriteLine(Texts.Format("Cli.Error", null, e.Message));
                return 2;
            }
            StartupTrace.Mark("import: file imported");
            if (result.Rejects.Count > 0)
            {
                var report = r.GetValue(rejects) ?? path + ".rejects.csv";
                await using (var w = new StreamWriter(report)) result.WriteRejects(w);
                foreach (var x in result.Rejects.Take(10)) Console.Error.WriteLine($"  {x.File}:{x.Line} {x.Field}: {x.Reason}");
                Console.WriteLine(Texts.Format("Cli.Import.RejectReport", null, report));
            }
            // For tests: stop here, between the import's commit and its recompute, until killed.
            if (Environment.GetEnvironmentVariable(HoldAfterCommitVariable) is { Length: > 0 } marker)
            {
                await File.WriteAllTextAsync(marker, "committed", CancellationToken.None);
                await Task.Delay(Timeout.Infinite, CancellationToken.None);
            }
            // Every pending window: the years this file touched (everything after org units and
            // assessments; nothing after waiting lists and rosters, which feed no indicator) and any
            // an earlier import left unfinished. With --no-compute they stay pending.
            if (!r.GetValue(noCompute)) await CompletePendingAsync(db, ct);
            return 0;
        });
        return cmd;
    }

    private static Command Compute()
    {
        var indicator = new Option<string[]>("--indicator") { Description = "Only these indicator codes (default: the whole catalogue)", AllowMultipleArgumentsPerToken = true };
        var printSql = new Option<bool>("--print-sql") { Description = "Print the SQL the indicators compile to on this database, work tables first, instead of running it" };
        var cmd = new Command("compute", "Recompute the indicator values from the canonical tables") { indicator, printSql };
        cmd.SetAction(async (r, ct) =>
        {
            await using var db = await IndicatorsStorage.OpenMigratedAsync(CliApp.Database(r), ct);
            var codes = r.GetValue(indicator);
            var definitions = codes is { Length: > 0 } ? codes.Select(IndicatorCatalogue.Get).ToList() : null;
            if (r.GetValue(printSql))
            {
                var dialect = await new IndicatorComputer(db).DialectAsync(ct);
                if (dialect == Dialect.Citus) Console.WriteLine("-- Citus: tables with create_distributed_table are distributed by person on the workers; the rest are coordinator tables (docs/citus.md)");
                foreach (var d in definitions ?? IndicatorCatalogue.All)
                {
                    var plan = SqlCompiler.Plan(d, dialect);
                    Console.WriteLine($"-- {d.Code}");
                    foreach (var t in plan.Tables.DistinctBy(t => t.Name))
                        Console.WriteLine(dialect == Dialect.Citus
                            ? string.Join(";\n", CitusSql.Commands(CitusSql.Create(t.Name, "\n" + t.Select, t.DistributeBy))) + ";\n"
                            : $"CREATE TEMP TABLE {t.Name} AS\n{t.Select};\n");
                    foreach (var sql in plan.Statements) Console.WriteLine(sql + ";\n");
                    foreach (var selection in plan.Selections) Console.WriteLine(selection.Describe() + "\n");
                }
                return 0;
            }
            await ComputeAsync(db, definitions, ct);
            return 0;
        });
        return cmd;
    }

    private static readonly Option<int> Population = new("--population") { Description = "Residents", DefaultValueFactory = _ => 72_000 };
    private static readonly Option<int> Years = new("--years") { Description = "Years of history ending 31.12.2025", DefaultValueFactory = _ => 2 };
    private static readonly Option<int> Seed = new("--seed") { Description = "Random seed (same seed, same data)", DefaultValueFactory = _ => 1 };

    private static Command DemoRegion()
    {
        var output = new Option<string>("--out") { Description = "Folder for the generated export files", DefaultValueFactory = _ => "data/demo-region" };
        var load = new Option<bool>("--load") { Description = "Also import the files and compute the indicators" };
        var cmd = new Command("demo-region", "Write a synthetic Kainuu-shaped region's export files (and optionally load them)") { Population, Years, Seed, output, load };
        cmd.SetAction(async (r, ct) =>
        {
            var files = new SyntheticRegion(r.GetValue(Population), r.GetValue(Years), r.GetValue(Seed)).Write(r.GetValue(output)!);
            Console.WriteLine(Texts.Format("Cli.Generate.Done", null, files.Folder));
            if (!r.GetValue(load)) return 0;
            await using var db = await IndicatorsStorage.OpenMigratedAsync(CliApp.Database(r), ct);
            foreach (var (kind, file, mapping) in files.Files)
            {
                db.ChangeTracker.Clear();
                await ImportFileAsync(db, kind, file, mapping, null, ct, DemoKey);
            }
            await ComputeAsync(db, null, ct);
            return 0;
        });
        return cmd;
    }

    /// <summary>bench indicators: registered under the bench command.</summary>
    public static Command Bench()
    {
        var recomputeOnly = new Option<bool>("--recompute-only") { Description = "Skip generating and importing: recompute what the database holds" };
        var cmd = new Command("indicators", "Measure import rows/s and full recompute time on the chosen database (use an empty one)") { Population, Years, Seed, recomputeOnly };
        cmd.SetAction(async (r, ct) =>
        {
            var db = CliApp.Database(r);
            var folder = Path.Combine(Path.GetTempPath(), "tilannekuva-bench-" + Guid.NewGuid().ToString("N")[..8]);
            if (r.GetValue(CliApp.Db) is null && Environment.GetEnvironmentVariable("TILANNEKUVA_DB") is null)
                db = DatabaseOptions.SqliteFile(Path.Combine(folder, "bench.db"));
            try
            {
                var clock = Stopwatch.StartNew();
                await using var context = await IndicatorsStorage.OpenMigratedAsync(db, ct);
                var files = r.GetValue(recomputeOnly) ? null : new SyntheticRegion(r.GetValue(Population), r.GetValue(Years), r.GetValue(Seed)).Write(Path.Combine(folder, "files"));
                if (files is not null) Console.WriteLine($"generated {files.Rows:N0} rows in {clock.Elapsed.TotalSeconds:0.0} s ({db.Provider})");
                foreach (var (kind, file, mapping) in files?.Files ?? [])
                {
                    context.ChangeTracker.Clear();
                    clock.Restart();
                    var result = await ImportFileAsync(context, kind, file, mapping, null, ct, DemoKey, quiet: true);
                    var s = clock.Elapsed.TotalSeconds;
                    Console.WriteLine($"import {Codes(kind),-12} {result.Read,10:N0} rows {s,7:0.00} s {result.Read / Math.Max(s, 1e-6),10:N0} rows/s");
                }
                var computed = await RecomputeState.RecomputeAllAsync(context, ct: ct);
                Console.WriteLine($"recompute    {IndicatorCatalogue.All.Count} indicators {computed.Values,10:N0} values {computed.Elapsed.TotalSeconds,7:0.00} s");
                foreach (var (code, time) in computed.ByIndicator) Console.WriteLine($"  {code,-36} {time.TotalSeconds,7:0.00} s");
                // Idle: time before a connection's last step ended that it spent on no step (waiting for another's work tables).
                foreach (var connection in (computed.Timeline ?? []).GroupBy(x => x.Connection).OrderBy(g => g.Key))
                {
                    var last = connection.MaxBy(x => x.End);
                    var busy = connection.Sum(x => (x.End - x.Start).TotalSeconds);
                    Console.WriteLine($"  connection {connection.Key}: busy {busy,5:0.00} s, idle {last.End.TotalSeconds - busy:0.00} s, " +
                                      $"done at {last.End.TotalSeconds:0.00} s (last: {last.Step}, from {last.Start.TotalSeconds:0.00} s)");
                }
                foreach (var (step, time) in computed.Steps.Where(x => x.Step == IndicatorComputer.SwapStep))
                    Console.WriteLine($"  {step,-60} {time.TotalSeconds,7:0.00} s");
                Console.WriteLine("slowest steps:");
                foreach (var (step, time) in computed.Steps.OrderByDescending(x => x.Time).Take(15)) Console.WriteLine($"  {step,-60} {time.TotalSeconds,7:0.00} s");
                Console.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024):N0} MiB");
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
            }
            return 0;
        });
        return cmd;
    }

    /// <summary>bench differential: generated edge-favouring rows, the compiled SQL against the C# reference on the chosen database (default: a temporary SQLite file).</summary>
    public static Command Differential()
    {
        var cases = new Option<int>("--cases") { Description = "Generated rows (visits, contacts, slots)", DefaultValueFactory = _ => 1_000_000 };
        var seed = new Option<int>("--seed") { Description = "Random seed (same seed, same rows)", DefaultValueFactory = _ => 1 };
        var cmd = new Command("differential", "Property-based differential check of the indicator SQL against the reference evaluator (use an empty database)") { cases, seed };
        cmd.SetAction(async (r, ct) =>
        {
            var db = CliApp.Database(r);
            var folder = Path.Combine(Path.GetTempPath(), "tilannekuva-differential-" + Guid.NewGuid().ToString("N")[..8]);
            if (r.GetValue(CliApp.Db) is null && Environment.GetEnvironmentVariable("TILANNEKUVA_DB") is null)
            {
                Directory.CreateDirectory(folder);
                db = DatabaseOptions.SqliteFile(Path.Combine(folder, "differential.db"));
            }
            try
            {
                var clock = Stopwatch.StartNew();
                await using var context = await IndicatorsStorage.OpenMigratedAsync(db, ct);
                if (await context.OrgUnits.AnyAsync(ct)) { Console.Error.WriteLine(Texts.Format("Cli.Error", null, "the database is not empty")); return 2; }
                await DifferentialCheck.GenerateAsync(context, r.GetValue(cases), r.GetValue(seed), ct);
                Console.WriteLine($"generated {r.GetValue(cases):N0} rows (seed {r.GetValue(seed)}) in {clock.Elapsed.TotalSeconds:0.0} s ({db.Provider})");
                clock.Restart();
                var (cells, mismatches) = await DifferentialCheck.CompareAsync(context, ct);
                Console.WriteLine($"compared {cells:N0} cells in {clock.Elapsed.TotalSeconds:0.0} s: {(mismatches.Count == 0 ? "all equal" : mismatches.Count + " differ")}");
                foreach (var m in mismatches) Console.WriteLine("  " + m);
                return mismatches.Count == 0 ? 0 : 1;
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                try { if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true); } catch (IOException) { }
            }
        });
        return cmd;
    }

    private const string DemoKey = Indicators.Synthetic.DemoRegionLoader.DemoPseudonymKey;

    private static string Codes(SourceKind kind) => Indicators.Domain.Codes.Of(kind);

    private static async Task<ImportResult> ImportFileAsync(IndicatorsDbContext db, SourceKind kind, string path, string? mapping, string? rawFolder,
        CancellationToken ct, string? key = null, bool quiet = false, PlausibilityRules? plausibility = null)
    {
        key ??= Env(Pseudonymiser.EnvironmentVariable, "Ingest__PseudonymKey");
        var options = new ImportOptions
        {
            Pseudonymiser = key is null ? null : new Pseudonymiser(key),
            RawFolder = rawFolder,
            Plausibility = plausibility ?? PlausibilityRules.Default,
            Culture = CultureInfo.CurrentUICulture,
            Progress = quiet ? null : p => Console.Error.Write($"\r{Texts.Format("Cli.Import.Progress", null, p.Stage, p.Rows.ToString("N0", CultureInfo.CurrentCulture))}   "),
        };
        var result = await new Importer(db).ImportAsync(kind, path, mapping is null ? null : ColumnMapping.Load(mapping), options, ct);
        if (!quiet)
        {
            Console.Error.WriteLine();
            Console.WriteLine(Texts.Format("Cli.Import.Summary", null, Path.GetFileName(path), result.Read, result.Stored, result.Rejected, result.SkippedDuplicate));
            if (CanonicalTable.For(kind).Snapshot) Console.WriteLine(Texts.Format("Cli.Import.Updated", null, Path.GetFileName(path), result.Updated));
            else if (result.UpdatedIds.Count > 0)
                Console.WriteLine(Texts.Format("Cli.Import.Corrected", null, Path.GetFileName(path), result.UpdatedIds.Count, string.Join(", ", result.UpdatedIds)));
        }
        return result;
    }

    /// <summary>Environment variable naming a marker file: `import` writes it after its commit and waits there to be killed (the stale-values test).</summary>
    public const string HoldAfterCommitVariable = "TILANNEKUVA_TEST_HOLD_AFTER_COMMIT";

    private static async Task ComputeAsync(IndicatorsDbContext db, IReadOnlyList<IndicatorDefinition>? definitions, CancellationToken ct)
    {
        var result = await RecomputeState.RecomputeAllAsync(db, definitions, code => Console.Error.Write($"\r{code,-40}"), ct);
        Console.Error.WriteLine();
        Console.WriteLine(Texts.Format("Cli.Compute.Done", null, result.Values, (long)result.Elapsed.TotalMilliseconds));
    }

    private static async Task CompletePendingAsync(IndicatorsDbContext db, CancellationToken ct)
    {
        foreach (var result in await RecomputeState.CompleteAsync(db, code => Console.Error.Write($"\r{code,-40}"), ct))
        {
            Console.Error.WriteLine();
            Console.WriteLine(Texts.Format("Cli.Compute.Done", null, result.Values, (long)result.Elapsed.TotalMilliseconds));
        }
    }

    private static string? Env(params string[] names) =>
        names.Select(Environment.GetEnvironmentVariable).FirstOrDefault(v => !string.IsNullOrEmpty(v));
}
