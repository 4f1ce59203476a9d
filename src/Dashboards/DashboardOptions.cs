namespace Tilannekuva.Dashboards;

/// <summary>Settings of the management dashboards, bound from configuration section "Dashboards".</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboards";

    /// <summary>
    /// Pienin näytettävä ryhmä: a value resting on fewer events or people than this (its n) is shown as
    /// "&lt; 5" in pages, charts, exports and the API alike, so that nobody in a small group can be recognised.
    /// </summary>
    public int MinimumCellSize { get; set; } = 5;

    /// <summary>Seconds a built dashboard is kept; it is rebuilt at once when the indicator values are recomputed.</summary>
    public int CacheSeconds { get; set; } = 60;

    /// <summary>Weeks (or months, before weekly values exist) shown on the operational dashboard.</summary>
    public int OperationalPeriods { get; set; } = 12;

    /// <summary>
    /// Feedback service point code → org unit id, for service points whose code and name differ from the unit's.
    /// Without an entry a service point belongs to the unit with the same id, else the same name.
    /// </summary>
    public Dictionary<string, string> ServicePointUnits { get; set; } = [];
}
