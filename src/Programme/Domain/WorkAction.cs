namespace Tilannekuva.Programme.Domain;

/// <summary>Toimenpide: a numbered action of a work package. Its current status is the latest history entry.</summary>
public sealed class WorkAction
{
    public int Id { get; set; }
    public int WorkPackageId { get; set; }
    public int Number { get; set; }
    public required string Title { get; set; }
    public List<ActionStatusEntry> History { get; set; } = [];

    public ActionStatusEntry? Current =>
        History.OrderByDescending(h => h.Date).ThenByDescending(h => h.Id).FirstOrDefault();
}

public enum ActionStatus
{
    Planned,      // suunniteltu
    Ongoing,      // käynnissä
    Done,         // valmis
    Postponed,    // siirretty
    Discontinued, // keskeytetty
    Cancelled,    // peruttu
}

public sealed class ActionStatusEntry
{
    public int Id { get; set; }
    public int WorkActionId { get; set; }
    public ActionStatus Status { get; set; }
    public DateOnly Date { get; set; }
    /// <summary>Only for <see cref="ActionStatus.Postponed"/>: the date the action moved to.</summary>
    public DateOnly? PostponedTo { get; set; }
    public string Comment { get; set; } = "";
    public string RecordedBy { get; set; } = "";
}
