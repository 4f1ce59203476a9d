using System.CommandLine;
using Tilannekuva.Bench;
using Tilannekuva.Storage;

// tilannekuva-bench indicators: the product's import and recompute against DuckDB in the same run.
var population = new Option<int>("--population") { Description = "Residents of the synthetic region", DefaultValueFactory = _ => 300_000 };
var years = new Option<int>("--years") { Description = "Years of history ending 31.12.2025", DefaultValueFactory = _ => 1 };
var seed = new Option<int>("--seed") { Description = "Random seed (same seed, same data)", DefaultValueFactory = _ => 1 };
var db = new Option<string?>("--db") { Description = "PostgreSQL connection string of an EMPTY database (default: a fresh SQLite file)" };
var threads = new Option<int>("--duckdb-threads") { Description = "DuckDB threads", DefaultValueFactory = _ => 2 };
var duckOnly = new Option<bool>("--duckdb-only") { Description = "Only DuckDB's side (for working on the reference SQL): no product import, recompute or check" };
var loadOnly = new Option<bool>("--load-only") { Description = "Only the load steps (for working on the import): no recompute or check" };
var indicators = new Command("indicators", "Import and recompute on the product's database and on embedded DuckDB; check every value; print product ÷ DuckDB per step")
    { population, years, seed, db, threads, duckOnly, loadOnly };
indicators.SetAction(async (r, ct) =>
{
    var connection = r.GetValue(db);
    var options = string.IsNullOrWhiteSpace(connection) ? null : DatabaseOptions.Resolve(null, connection);
    return await new IndicatorsBench(r.GetValue(population), r.GetValue(years), r.GetValue(seed), options, r.GetValue(threads), Console.Out) { DuckDbOnly = r.GetValue(duckOnly), LoadOnly = r.GetValue(loadOnly) }.RunAsync(ct);
});
var root = new RootCommand("Tilannekuva benchmarks against a DuckDB reference (docs/benchmarks.md)") { indicators };
return await root.Parse(args).InvokeAsync();
