using Tilannekuva.Disclosure;
using Tilannekuva.SocialWork.Domain;

namespace Tilannekuva.SocialWork;

/// <summary>One line of a breakdown: observations and clients now and in the previous period; hidden cells hold no figures.</summary>
public sealed record ReportRow(string Code, int? Observations, int? Clients, int? PreviousClients)
{
    public bool Hidden => Clients is null;

    /// <summary>Clients now minus before, when both are shown.</summary>
    public int? Change => Clients is { } now && PreviousClients is { } before ? now - before : null;
}

public sealed record ReportQuote(string Category, string ClientGroup, string Text);

public sealed record ReportProposal(int Id, string Category, string Action, FollowUpState State, string? Note);

/// <summary>
/// The structural social work report of a period for the county board: observations by category, area and client
/// group with the previous period beside them, the editor's quotes, and the proposals with what became of them.
/// Counts by area follow the small-cell rule (with complementary suppression), in both periods.
/// </summary>
public sealed record SocialWorkReport(ReportPeriod Period, int Observations, int Clients,
    IReadOnlyList<ReportRow> ByCategory, IReadOnlyList<ReportRow> ByArea, IReadOnlyList<ReportRow> ByClientGroup,
    IReadOnlyList<ReportQuote> Quotes, IReadOnlyList<ReportProposal> Proposals, int MinimumCellSize)
{
    public static SocialWorkReport Build(ReportPeriod period, IReadOnlyList<Observation> current, IReadOnlyList<Observation> previous, SmallCellRule rule)
    {
        IReadOnlyList<ReportRow> Plain(IReadOnlyList<string> codes, Func<Observation, string> key) => codes
            .Select(c => new ReportRow(c, current.Count(o => key(o) == c), current.Where(o => key(o) == c).Sum(o => o.ClientCount),
                previous.Where(o => key(o) == c).Sum(o => o.ClientCount)))
            .ToList();

        var nowClients = CodeLists.Areas.Select(a => (long?)current.Where(o => o.Area == a).Sum(o => o.ClientCount)).ToList();
        var beforeClients = CodeLists.Areas.Select(a => (long?)previous.Where(o => o.Area == a).Sum(o => o.ClientCount)).ToList();
        // Areas without any client take no part (nothing to protect, and a zero reveals nothing about a person).
        var hideNow = rule.Hidden(nowClients.Select(n => n > 0 ? n : null).ToList());
        var hideBefore = rule.Hidden(beforeClients.Select(n => n > 0 ? n : null).ToList());
        var byArea = CodeLists.Areas.Select((a, i) => hideNow[i]
                ? new ReportRow(a, null, null, null)
                : new ReportRow(a, current.Count(o => o.Area == a), (int)nowClients[i]!.Value, hideBefore[i] ? null : (int)beforeClients[i]!.Value))
            .ToList();

        var quotes = current.Where(o => o.Quoted).Select(o => new ReportQuote(o.Category, o.ClientGroup, o.Description)).ToList();
        var proposals = current.Where(o => !string.IsNullOrWhiteSpace(o.ProposedAction))
            .Select(o => new ReportProposal(o.Id, o.Category, o.ProposedAction, o.FollowUp, o.FollowUpNote)).ToList();
        return new(period, current.Count, current.Sum(o => o.ClientCount), Plain(CodeLists.Categories, o => o.Category), byArea,
            Plain(CodeLists.ClientGroups, o => o.ClientGroup), quotes, proposals, rule.Minimum);
    }
}
