namespace Tilannekuva.Indicators.Domain;

/// <summary>One import of one file: what it was and what became of its rows.</summary>
public sealed class ImportBatch
{
    public long Id { get; set; }
    public required string Kind { get; set; }
    public required string FileName { get; set; }
    /// <summary>SHA-256 of the file's bytes, hex.</summary>
    public required string Sha256 { get; set; }
    /// <summary>Where the raw file was copied, if a raw folder is configured.</summary>
    public string? RawCopyPath { get; set; }
    /// <summary>When the file was last written (its export time as far as we can tell): a correction replaces a stored row only from a newer file.</summary>
    public DateTime? FileWrittenAt { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime FinishedAt { get; set; }
    public int RowsRead { get; set; }
    public int RowsStored { get; set; }
    public int RowsRejected { get; set; }
    public int RowsSkippedDuplicate { get; set; }
    /// <summary>Stored rows this file changed: a snapshot row (waiting list, roster) with new values, or an event row corrected by a newer file.</summary>
    public int RowsUpdated { get; set; }
}

/// <summary>One computed value: indicator × period × org unit × (dimension, category).</summary>
public sealed class IndicatorValue
{
    public long Id { get; set; }
    public required string IndicatorCode { get; set; }
    public required string PeriodType { get; set; }
    /// <summary>"2024-05", "2024Q2" or "2024".</summary>
    public required string PeriodCode { get; set; }
    public required string OrgUnitId { get; set; }
    /// <summary>"total", or a breakdown such as "profession", "contact_mode", "wait_bin".</summary>
    public required string Dimension { get; set; }
    /// <summary>The breakdown's category ("doctor", "1-7"); empty for the total.</summary>
    public required string Category { get; set; }
    public double Numerator { get; set; }
    public double? Denominator { get; set; }
    public double? Value { get; set; }
    /// <summary>Number of events the value rests on.</summary>
    public long N { get; set; }
}

/// <summary>
/// How many rows of one import were rejected in one field for one reason: the data-quality report's
/// commonest reject reasons per import. The reason is stored as its text key (shown through a code list),
/// never with the rejected value.
/// </summary>
public sealed class ImportRejectReason
{
    public long Id { get; set; }
    public long ImportBatchId { get; set; }
    /// <summary>The field as the file names it (its source column, with the canonical name).</summary>
    public required string Field { get; set; }
    /// <summary>The reason's short code, e.g. "BadDate" for the text key "Ingest.Reject.BadDate".</summary>
    public required string Reason { get; set; }
    public int Rows { get; set; }

    public const int FieldLength = 200;

    /// <summary>Short code of a reason's text key: its last segment.</summary>
    public static string CodeOf(string reasonKey) => reasonKey[(reasonKey.LastIndexOf('.') + 1)..];

    /// <summary>The batch's rejects counted by field and reason.</summary>
    public static IEnumerable<ImportRejectReason> Count(long batchId, IEnumerable<Ingest.ImportReject> rejects) =>
        rejects.GroupBy(r => (Field: r.Field.Length > FieldLength ? r.Field[..FieldLength] : r.Field, Reason: CodeOf(r.ReasonKey)))
               .Select(g => new ImportRejectReason { ImportBatchId = batchId, Field = g.Key.Field, Reason = g.Key.Reason, Rows = g.Count() });
}
