using System.Collections.Concurrent;
using Lucene.Net.Analysis;
using Tilannekuva.Guidance.Bot;
using Tilannekuva.ServiceTray.Search;

namespace Tilannekuva.Web.Guidance;

/// <summary>
/// The bot's second source over the service tray's own search (<see cref="TraySearch"/>, Lucene with Finnish stemming): the best of
/// the first hits by the same confidence as articles — the share of the question's analysed words that the service's name, summary
/// and keywords contain — so the tray answers only when it covers the question about as well as an article would have to.
/// </summary>
public sealed class TrayServiceSource(TraySearch search) : IServiceSource
{
    private static readonly ConcurrentDictionary<string, Analyzer> Analyzers = new();

    public async Task<ServiceSuggestion?> SuggestAsync(string lang, string question, CancellationToken ct)
    {
        var analyzer = Analyzers.GetOrAdd(lang, TrayAnalyzers.For);
        var positions = TrayAnalyzers.Positions(analyzer, "q", question).Where(p => p.Count > 0).ToList();
        if (positions.Count == 0) return null;
        var result = await search.SearchAsync(new TrayQuery { Text = question, Language = lang, Take = 5 }, ct);
        ServiceSuggestion? best = null;
        foreach (var hit in result.Hits)
        {
            var s = hit.Item.Service;
            var text = string.Join("\n", s.Name.Get(lang), s.Summary.Get(lang), string.Join(" ", s.Keywords));
            var terms = TrayAnalyzers.Positions(analyzer, "q", text).SelectMany(p => p).ToHashSet();
            var confidence = (double)positions.Count(p => p.Any(terms.Contains)) / positions.Count;
            if (best is null || confidence > best.Confidence)
                best = new ServiceSuggestion(checked((int)hit.Item.Id), s.Name.Get(lang), s.Summary.Get(lang), confidence);
        }
        return best;
    }
}
