using Microsoft.EntityFrameworkCore;
using Tilannekuva.Feedback.Domain;
using Tilannekuva.Feedback.Storage;

namespace Tilannekuva.Feedback.Reporting;

/// <summary>An indicator the Feedback module computes; names are text keys (fi, sv, en).</summary>
public sealed record FeedbackIndicatorDefinition(string Code, string NameKey, string Unit, bool HigherIsBetter, double? Min, double? Max);

/// <summary>
/// One value: indicator × period × service point (null: all service points of the filter).
/// <see cref="Value"/> is null and <see cref="Responses"/> 0 when <see cref="Suppressed"/> (fewer responses than the minimum).
/// </summary>
public sealed record FeedbackIndicatorValue(string IndicatorCode, string Period, string? ServicePoint, int Responses, double? Value, bool Suppressed);

/// <summary>
/// What the Indicators module (and programme metrics such as "Omasote NPS") read from feedback:
/// <c>feedback.nps</c> (−100…100), <c>feedback.responses</c> (count), and <c>feedback.statement.&lt;CODE&gt;</c>
/// (mean 1–5 of one statement, "cannot say" excluded), per period (week, month, quarter) and
/// optionally per service point. The minimum cell size applies: such values are suppressed.
/// </summary>
public interface IFeedbackIndicators
{
    IReadOnlyList<FeedbackIndicatorDefinition> Definitions { get; }

    Task<IReadOnlyList<FeedbackIndicatorValue>> ComputeAsync(
        string indicatorCode, DateOnly from, DateOnly to, Breakdown period, bool byServicePoint, string? service = null, CancellationToken ct = default);
}

public sealed class FeedbackIndicators(FeedbackResults results, FeedbackDbContext db) : IFeedbackIndicators
{
    public const string Nps = "feedback.nps";
    public const string Responses = "feedback.responses";
    public const string StatementPrefix = "feedback.statement.";

    public IReadOnlyList<FeedbackIndicatorDefinition> Definitions { get; } =
        new[]
        {
            new FeedbackIndicatorDefinition(Nps, "Feedback.Indicator.Nps", "NPS", true, -100, 100),
            new FeedbackIndicatorDefinition(Responses, "Feedback.Indicator.Responses", "", true, 0, null),
        }.Concat(NationalStatements.All.Select(s => new FeedbackIndicatorDefinition(StatementPrefix + s.Code, s.TextKey, "1–5", true, 1, 5))).ToList();

    public async Task<IReadOnlyList<FeedbackIndicatorValue>> ComputeAsync(
        string indicatorCode, DateOnly from, DateOnly to, Breakdown period, bool byServicePoint, string? service = null, CancellationToken ct = default)
    {
        if (period is not (Breakdown.Week or Breakdown.Month or Breakdown.Quarter or Breakdown.Total))
            throw new ArgumentException("The period must be Week, Month, Quarter or Total.", nameof(period));
        var statement = indicatorCode.StartsWith(StatementPrefix, StringComparison.Ordinal) ? indicatorCode[StatementPrefix.Length..] : null;
        if (indicatorCode is not (Nps or Responses) && statement is null)
            throw new ArgumentException($"Unknown feedback indicator '{indicatorCode}'.", nameof(indicatorCode));

        IEnumerable<string?> servicePoints = [null];
        if (byServicePoint)
            servicePoints = await db.Responses.Where(r => r.Date >= from && r.Date <= to).Select(r => r.ServicePointCode).Distinct().OrderBy(c => c).ToListAsync(ct);
        var values = new List<FeedbackIndicatorValue>();
        foreach (var sp in servicePoints)
        {
            foreach (var row in await results.ByAsync(new ResultFilter(from, to, sp, service), period, ct))
            {
                if (statement is null)
                {
                    // A suppressed cell gives neither its NPS nor its exact count.
                    var value = row.Suppressed ? null : indicatorCode == Responses ? row.Nps.N : row.Nps.Nps;
                    values.Add(new(indicatorCode, row.Key, sp, row.Suppressed ? 0 : row.Nps.N, value, row.Suppressed));
                }
                else
                {
                    var s = row.Statements.FirstOrDefault(x => x.Code == statement);
                    values.Add(new(indicatorCode, row.Key, sp, s?.Answered ?? 0, s?.Mean, s is null));
                }
            }
        }
        return values;
    }
}
