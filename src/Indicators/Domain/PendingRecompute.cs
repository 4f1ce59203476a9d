namespace Tilannekuva.Indicators.Domain;

/// <summary>
/// A recompute an import needs and that has not finished yet (table <c>recompute_pending</c>). Written in
/// the import's own transaction, so a crash between the import's commit and its recompute leaves it here;
/// deleted only after the recompute that covers it has committed (<see cref="Computation.RecomputeState"/>).
/// </summary>
public sealed class PendingRecompute
{
    public long Id { get; set; }
    /// <summary>First year of the window; null with <see cref="EndYear"/>: everything (org units, assessments).</summary>
    public int? FirstYear { get; set; }
    /// <summary>The year after the window's last.</summary>
    public int? EndYear { get; set; }
    /// <summary>The import that made the stored values out of date.</summary>
    public long? ImportBatchId { get; set; }
    /// <summary>Since when the values have been out of date (the import's commit).</summary>
    public DateTime Since { get; set; }
}
