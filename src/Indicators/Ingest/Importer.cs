using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Tilannekuva.Indicators.Domain;
using Tilannekuva.Indicators.Storage;

namespace Tilannekuva.Indicators.Ingest;

public sealed record ImportProgress(string Stage, int Rows);

public sealed class ImportOptions
{
    /// <summary>Required for files with identity codes; the import refuses them without one.</summary>
    public Pseudonymiser? Pseudonymiser { get; init; }
    /// <summary>Folder the raw file is copied to before reading (none: not kept).</summary>
    public string? RawFolder { get; init; }
    /// <summary>Language of the reject reasons.</summary>
    public CultureInfo Culture { get; init; } = CultureInfo.GetCultureInfo("fi");
    public Action<ImportProgress>? Progress { get; init; }
    /// <summary>Plausibility rules every row must meet (dates, durations); the defaults unless configured.</summary>
    public PlausibilityRules Plausibility { get; init; } = PlausibilityRules.Default;
    /// <summary>The moment the plausibility rules take as "now" (default: when the import starts).</summary>
    public DateTime? ImportTime { get; init; }
    /// <summary>Runs inside the transaction just before commit (tests use it to simulate a failure).</summary>
    internal Func<Task>? BeforeCommit { get; init; }
    /// <summary>PostgreSQL: runs when a load has found its table empty (tests start a second load of the table there).</summary>
    internal Func<Task>? FoundEmptyForTest { get; init; }
}

/// <summary>What became of one file: the batch row (counts) and the reject report.</summary>
public sealed record ImportResult(ImportBatch Batch, IReadOnlyList<ImportReject> Rejects)
{
    public int Read => Batch.RowsRead;
    public int Stored => Batch.RowsStored;
    public int Rejected => Batch.RowsRejected;
    public int SkippedDuplicate => Batch.RowsSkippedDuplicate;
    /// <summary>Snapshot kinds only: stored rows this file changed.</summary>
    public int Updated => Batch.RowsUpdated;
    /// <summary>Source ids of the stored event rows this file corrected (same id, other values, newer file).</summary>
    public IReadOnlyList<string> UpdatedIds { get; init; } = [];
    /// <summary>First and last time that decides an indicator period among the file's accepted rows (visits, contacts, slots) and the corrected rows' old times.</summary>
    public (DateTime First, DateTime Last)? EventTimes { get; init; }

    /// <summary>The reject report as CSV (file;line;field;reason).</summary>
    public void WriteRejects(TextWriter w)
    {
        w.WriteLine("file;line;field;reason");
        foreach (var r in Rejects) w.WriteLine(string.Join(';', new[] { r.File, r.Line.ToString(CultureInfo.InvariantCulture), r.Field, r.Reason }.Select(Quote)));
        static string Quote(string s)
        {
            s = Tilannekuva.Storage.CsvCell.Safe(s);
            return s.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? '"' + s.Replace("\"", "\"\"") + '"' : s;
        }
    }
}

/// <summary>
/// Loads one export file into its canonical table: reads it through a column mapping, validates
/// and pseudonymises every row, and stores the valid ones in one transaction. Rows whose source id
/// is already stored (or repeats in the file) are skipped, so re-importing a file changes nothing;
/// any failure rolls the whole file back. Snapshot kinds (<see cref="CanonicalTable.Snapshot"/>)
/// update a stored row when the newer file's values differ.
/// </summary>
public sealed class Importer(IndicatorsDbContext db)
{
    public async Task<ImportResult> ImportAsync(SourceKind kind, string path, ColumnMapping? mapping, ImportOptions options, CancellationToken ct = default)
    {
        var table = CanonicalTable.For(kind);
        mapping ??= ColumnMapping.Default(kind);
        var file = Path.GetFileName(path);
        if (mapping.Problems(table) is { Count: > 0 } problems)
            throw new InvalidDataException($"{file}: the mapping does not fit: {string.Join("; ", problems)}");
        if (table.HasPersonalData && options.Pseudonymiser is null)
            throw new InvalidOperationException(Localisation.Texts.Format("Pages2.Import.NoPseudonymKey", null, file, Pseudonymiser.ConfigurationKey, Pseudonymiser.EnvironmentVariable));

        var knownUnits = (await db.OrgUnits.AsNoTracking().Select(u => u.SourceId).ToListAsync(ct)).ToHashSet();
        // The encoding is decided once, on the whole file, before anything is written.
        var encoding = Path.GetExtension(path).Equals(".json", StringComparison.OrdinalIgnoreCase) ? null : FileEncoding.Decide(path, mapping.Encoding, options.Culture);
        using (var reader = SourceReader.Open(path, mapping, options.Culture, encoding))
        {
            using (var parser = new RowParser(table, mapping, reader.Header, options.Pseudonymiser, knownUnits, file, options.Culture))
                if (parser.MissingColumns().ToList() is { Count: > 0 } missing)
                    throw new InvalidDataException(Localisation.Texts.Format("Ingest.Error.File", options.Culture, file,
                        Localisation.Texts.Format("Ingest.MissingColumns", options.Culture, string.Join(", ", missing))));
            // A header without rows: nothing to import, no batch, nothing to recompute.
            if (!reader.Records().Any()) throw new NoRowsException(Localisation.Texts.Format("Ingest.HeaderOnly", options.Culture, file), headerOnly: true);
        }

        var batch = new ImportBatch
        {
            Kind = Codes.Of(kind), FileName = file, Sha256 = await HashAsync(path, ct), StartedAt = DateTime.Now, FileWrittenAt = File.GetLastWriteTime(path),
        };
        if (options.RawFolder is not null) batch.RawCopyPath = KeepRaw(path, options.RawFolder, batch.Sha256);

        // The file is read, validated and written in one pass inside the transaction: any failure
        // (a malformed line, a lost connection) rolls back the batch row and every row written so far.
        var rejects = new List<ImportReject>();
        RowSource? source = null;
        BulkWriter.Corrections? corrections = null;
        (DateTime First, DateTime Last)? eventTimes = null;
        PostgresBulkWriter? postgresWriter = null;
        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.ImportBatches.Add(batch);
            await db.SaveChangesAsync(ct);
            source = new RowSource(path, mapping, encoding, table, options, knownUnits, batch, rejects, ct);
            var writer = await BulkWriter.ForAsync(db, ct);
            if (writer is PostgresBulkWriter postgres) postgres.FoundEmptyForTest = options.FoundEmptyForTest;
            var (connection, transaction) = (db.Database.GetDbConnection(), tx.GetDbTransaction());
            int stored, updated = 0;
            if (kind == SourceKind.OrgUnits)
            {
                // Parents may come later in the same file: org units (a few hundred rows) are checked as a whole.
                var list = source.Copies().ToList();
                RejectUnknownParents(list, knownUnits, rejects, batch, options.Culture);
                stored = await writer.WriteAsync(connection, transaction, table, list, ct);
            }
            else if (table.Snapshot)
                // Snapshot files (a waiting list, a roster) are small and compared with the stored rows as a whole.
                (stored, updated) = await writer.UpsertAsync(connection, transaction, table, source.Copies().ToList(), ct);
            else
            {
                // Event rows re-sent under a known source id with other values: a newer file corrects them.
                corrections = new BulkWriter.Corrections(batch.FileWrittenAt!.Value, source.PeriodColumn);
                stored = await writer.WriteAsync(connection, transaction, table, source, ct, corrections);
                updated = corrections.Updated.Count;
            }
            options.Progress?.Invoke(new("read", batch.RowsRead));
            batch.RowsStored = stored;
            batch.RowsUpdated = updated;
            batch.RowsSkippedDuplicate += batch.RowsRead - batch.RowsRejected - batch.RowsSkippedDuplicate - stored - updated;
            batch.FinishedAt = DateTime.Now;
            db.ImportRejectReasons.AddRange(ImportRejectReason.Count(batch.Id, rejects));
            await db.SaveChangesAsync(ct);
            if (kind == SourceKind.OrgUnits) await OrgUnitTree.RebuildAsync(db, ct);
            // The recompute this import needs is stored with it: a crash after the commit leaves it pending.
            if (table.FeedsIndicators && stored + updated > 0)
            {
                // A corrected row's old period is recomputed too.
                var times = source.EventTimes;
                foreach (var (_, oldAt) in corrections?.Updated ?? [])
                    if (oldAt is { } o && times is { } t0) times = (o < t0.First ? o : t0.First, o > t0.Last ? o : t0.Last);
                eventTimes = times;
                Computation.RecomputeState.Record(db, batch.Id, times is { } t ? Computation.RecomputeWindow.ForEvents(t.First, t.Last) : null);
                await db.SaveChangesAsync(ct);
            }
            if (options.BeforeCommit is not null) await options.BeforeCommit();
            await tx.CommitAsync(ct);
            postgresWriter = writer as PostgresBulkWriter;
        });
        if (postgresWriter is not null)
        {
            // Outside the transaction, the rows already stored: a failure here is not the import's (autovacuum
            // does the same later), so it does not turn a stored file into a refused one.
            await db.Database.OpenConnectionAsync(ct);
            try { await postgresWriter.AfterCommitAsync(db.Database.GetDbConnection(), table, ct); }
            catch (System.Data.Common.DbException) when (!ct.IsCancellationRequested) { }
            finally { await db.Database.CloseConnectionAsync(); }
        }
        }
        catch (System.Data.Common.DbException e)
        {
            // A database error may quote a row's values (PostgreSQL's "Key (source_id)=(…) already exists"): re-worded
            // with the constraint or error code only, so no value reaches a log or a page.
            throw new InvalidDataException(Localisation.Texts.Format("Security.Ingest.DatabaseRefused", options.Culture, file,
                (e as Npgsql.PostgresException)?.ConstraintName ?? e.SqlState ?? e.GetType().Name));
        }
        return new ImportResult(batch, rejects)
        {
            EventTimes = eventTimes ?? source?.EventTimes,
            UpdatedIds = corrections?.Updated.Select(u => u.SourceId).ToList() ?? [],
        };
    }

    /// <summary>
    /// The file's accepted rows, parsed as they are enumerated: the field values, then the trace
    /// (file, line, batch id). One row array is reused for every row (the writer sends each before
    /// the next is parsed); <see cref="Copies"/> gives separate arrays. Each enumeration reads the
    /// file from the start and recounts the batch's read, rejected and duplicate rows.
    /// </summary>
    private sealed class RowSource(string path, ColumnMapping mapping, System.Text.Encoding? encoding, CanonicalTable table, ImportOptions options,
        IReadOnlySet<string> knownUnits, ImportBatch batch, List<ImportReject> rejects, CancellationToken ct) : IEnumerable<object?[]>
    {
        public IEnumerator<object?[]> GetEnumerator() => Read(copies: false).GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
        public IEnumerable<object?[]> Copies() => Read(copies: true);

        public (DateTime First, DateTime Last)? EventTimes { get; private set; }

        /// <summary>The field whose time decides the indicator period of the kind's rows (the fact sources' "at").</summary>
        private int PeriodField() => table.Kind switch
        {
            SourceKind.Visits => Index("occurred_at"),
            SourceKind.Contacts => Index("received_at"),
            SourceKind.Slots => Index("observed_at"),
            _ => -1,
        };

        private int Index(string name) => table.Fields.ToList().FindIndex(f => f.Name == name);

        /// <summary>The stored column of the period field (null for kinds without one).</summary>
        public string? PeriodColumn => PeriodField() is var i and >= 0 ? table.Fields[i].Column : null;

        private IEnumerable<object?[]> Read(bool copies)
        {
            (batch.RowsRead, batch.RowsRejected, batch.RowsSkippedDuplicate) = (0, 0, 0);
            rejects.Clear();
            var file = Path.GetFileName(path);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            using var reader = SourceReader.Open(path, mapping, options.Culture, encoding);
            using var parser = new RowParser(table, mapping, reader.Header, options.Pseudonymiser, knownUnits, file, options.Culture);
            var fields = table.Fields.Count;
            var row = new object?[fields + CanonicalTable.TraceColumns.Length];
            object batchId = batch.Id;
            var periodField = PeriodField();
            var guard = new IdentityCodeGuard(table, file, options.Culture);
            var (first, last) = (DateTime.MaxValue, DateTime.MinValue);
            EventTimes = null;
            var importTime = options.ImportTime ?? batch.StartedAt;
            foreach (var record in reader.Records())
            {
                batch.RowsRead++;
                if (record.Problem is { } problem)
                {
                    // A line that is no record (field count, broken quoting): rejected, and reading goes on.
                    batch.RowsRejected++;
                    rejects.Add(new ImportReject(file, record.Line, problem.Field, Localisation.Texts.Format(problem.Key, options.Culture, problem.Args), problem.Key));
                }
                else if (!ParseGuarded(parser, guard, record, row) || !Plausible(record, row, parser, importTime)) batch.RowsRejected++;
                else if (!seen.Add((string)row[0]!)) batch.RowsSkippedDuplicate++;
                else
                {
                    row[fields] = file;
                    row[fields + 1] = record.Line;
                    row[fields + 2] = batchId;
                    if (periodField >= 0 && row[periodField] is DateTime at)
                    {
                        if (at < first) first = at;
                        if (at > last) last = at;
                        EventTimes = (first, last);
                    }
                    yield return copies ? (object?[])row.Clone() : row;
                }
                if (batch.RowsRead % 50_000 == 0) options.Progress?.Invoke(new("read", batch.RowsRead));
                ct.ThrowIfCancellationRequested();
            }
        }

        /// <summary>
        /// Parses a record into <paramref name="row"/> (values in <see cref="CanonicalTable.Fields"/> order, already
        /// pseudonymised), then passes it through the one point every row crosses just before it is handed to the
        /// writer: no identity code gets past <see cref="IdentityCodeGuard"/>, and further checks on the row as a
        /// whole go here. False rejects the row; the checks add their reasons to the reject report.
        /// </summary>
        private bool ParseGuarded(RowParser parser, IdentityCodeGuard guard, SourceRecord record, object?[] row)
        {
            var rejectsBefore = rejects.Count;
            var parsed = parser.Parse(record, rejects, row);
            IdentityCodeGuard.MaskReasons(rejects, rejectsBefore);
            return parsed && guard.Inspect(record.Line, row, rejects);
        }

        /// <summary>Plausibility of the row's dates and durations (<see cref="Plausibility"/>).</summary>
        private bool Plausible(SourceRecord record, object?[] row, RowParser parser, DateTime importTime) =>
            options.Plausibility.Check(table, row, importTime, (field, key, args) => parser.RejectField(record, field, key, rejects, args));
    }

    private static void RejectUnknownParents(List<object?[]> rows, HashSet<string> known, List<ImportReject> rejects, ImportBatch batch, CultureInfo culture)
    {
        var parentIndex = CanonicalTable.OrgUnits.Fields.ToList().FindIndex(f => f.Name == "parent_id");
        var all = known.Concat(rows.Select(r => (string)r[0]!)).ToHashSet();
        var lineIndex = CanonicalTable.OrgUnits.Fields.Count + 1;
        foreach (var row in rows.Where(r => r[parentIndex] is string p && !all.Contains(p)).ToList())
        {
            rows.Remove(row);
            batch.RowsRejected++;
            rejects.Add(new ImportReject(batch.FileName, (int)row[lineIndex]!, "parent_id",
                Localisation.Texts.Format("Ingest.Reject.UnknownUnit", culture, IdentityCode.Mask((string)row[parentIndex]!)), "Ingest.Reject.UnknownUnit"));
        }
    }

    private static async Task<string> HashAsync(string path, CancellationToken ct)
    {
        await using var f = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(f, ct));
    }

    private static string KeepRaw(string path, string folder, string hash)
    {
        Directory.CreateDirectory(folder);
        var target = Path.Combine(folder, $"{DateTime.Now:yyyyMMdd-HHmmss}-{hash[..12]}-{Path.GetFileName(path)}");
        File.Copy(path, target, overwrite: true);
        return target;
    }
}

/// <summary>Keeps <see cref="OrgUnitAncestor"/> (the closure of the org-unit tree) in step with <see cref="OrgUnit"/>.</summary>
public static class OrgUnitTree
{
    public static async Task RebuildAsync(IndicatorsDbContext db, CancellationToken ct = default)
    {
        var parents = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(u => u.SourceId, u => u.ParentId, ct);
        await db.OrgUnitAncestors.ExecuteDeleteAsync(ct);
        var rows = new List<OrgUnitAncestor>();
        foreach (var unit in parents.Keys)
        {
            var (current, depth) = (unit, 0);
            while (current is not null && depth <= parents.Count)
            {
                rows.Add(new OrgUnitAncestor { AncestorId = current, UnitId = unit, Depth = depth });
                current = parents.GetValueOrDefault(current);
                depth++;
            }
        }
        db.OrgUnitAncestors.AddRange(rows);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
