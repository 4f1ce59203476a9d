using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tilannekuva.Feedback.Domain;
using Tilannekuva.Feedback.Reporting;
using Tilannekuva.Feedback.Storage;

namespace Tilannekuva.Web.Pages.Feedback;

/// <summary>Real-time results for staff: filters, NPS with interval, statements, a breakdown and the monthly trend.</summary>
public sealed class ResultsModel(FeedbackResults results, FeedbackDbContext db, TimeProvider clock) : PageModel
{
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public string? ServicePoint { get; private set; }
    public string? Service { get; private set; }
    public Channel? Channel { get; private set; }
    public Breakdown By { get; private set; }
    public ResultRow Total { get; private set; } = new("", NpsResult.Empty, [], true);
    public IReadOnlyList<ResultRow> Rows { get; private set; } = [];
    public int Minimum => results.MinimumResponses;
    public Dictionary<string, string> ServicePoints { get; private set; } = [];
    public Dictionary<string, string> Services { get; private set; } = [];
    public Dictionary<string, QuestionnaireItem> OwnItems { get; private set; } = [];

    public async Task OnGetAsync(DateOnly? from, DateOnly? to, string? servicePoint, string? service, Channel? channel, Breakdown? by, CancellationToken ct)
    {
        var (defFrom, defTo) = Api.FeedbackApi.Last12Months(clock);
        From = from ?? defFrom;
        To = to ?? defTo;
        ServicePoint = string.IsNullOrEmpty(servicePoint) ? null : servicePoint;
        Service = string.IsNullOrEmpty(service) ? null : service;
        Channel = channel;
        By = by ?? Breakdown.ServicePoint;
        var f = new ResultFilter(From, To, ServicePoint, Service, Channel);
        Total = await results.TotalAsync(f, ct);
        Rows = By == Breakdown.Total ? [] : await results.ByAsync(f, By, ct);
        ServicePoints = await db.ServicePoints.AsNoTracking().OrderBy(p => p.Name).ToDictionaryAsync(p => p.Code, p => p.Name, ct);
        var lang = FeedbackView.Language;
        Services = (await db.Services.AsNoTracking().OrderBy(s => s.Code).ToListAsync(ct)).ToDictionary(s => s.Code, s => s.Name(lang));
        OwnItems = await db.OwnStatementsByCodeAsync(ct);
    }

    /// <summary>The chart of the same filters; empty filters are left out (the endpoint binds strictly).</summary>
    public string TrendUrl => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/feedback/trend.svg",
        new Dictionary<string, string?> { ["from"] = From.ToString("yyyy-MM-dd"), ["to"] = To.ToString("yyyy-MM-dd"), ["servicePoint"] = ServicePoint, ["service"] = Service, ["channel"] = Channel?.ToString() }
            .Where(kv => kv.Value is not null));

    public IEnumerable<string> StatementCodes => Total.Statements.Select(s => s.Code);
}
