using Tilannekuva.Programme.Domain;

namespace Tilannekuva.Web.Pages.Shared;

/// <summary>Metrics with their latest value against the target due next; EditType is "metric" or "programmemetric".</summary>
public sealed record MetricTableModel(IReadOnlyList<Metric> Metrics, DateOnly AsOf, bool CanEdit, string ReturnUrl, string EditType);
