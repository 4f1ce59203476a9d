using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.EntityFrameworkCore;
using Tilannekuva.Guidance.Domain;
using Tilannekuva.Guidance.Storage;
using Tilannekuva.ServiceTray.Search;

namespace Tilannekuva.Guidance.Bot;

/// <summary>The bot's answer: the article version it answered from and how sure it is (share of the question's words the article has, 0–1).</summary>
public sealed record BotAnswer(ArticleVersion Article, double Confidence);

/// <summary>
/// Retrieval over the knowledge base's current article versions with Lucene.Net, using the service tray's analysis per
/// language (<see cref="TrayAnalyzers"/>: Finnish stemming and decompounding, Swedish and English Snowball). Lucene ranks;
/// the confidence is the share of the question's word positions that the best article contains after analysis, so
/// "kuinka uusin reseptin" meets "Reseptin uusiminen" and a question about something else scores low.
/// The index is rebuilt when an article version is added or an article retired (a stamp of the newest version id and counts).
/// </summary>
public sealed class KnowledgeBot
{
    private readonly System.Threading.Lock _gate = new();
    private (string Stamp, Dictionary<string, LanguageIndex> ByLanguage)? _index;

    public async Task<BotAnswer?> AnswerAsync(GuidanceDbContext db, string lang, string question, int? teamId, CancellationToken ct)
    {
        var index = await IndexAsync(db, ct);
        return index.TryGetValue(lang, out var li) ? li.Best(question, teamId) : null;
    }

    /// <summary>The current article versions (newest published version per article and language, articles not withdrawn; drafts are not answered from).</summary>
    public static async Task<List<(ArticleVersion Version, int? TeamId)>> CurrentAsync(GuidanceDbContext db, CancellationToken ct)
    {
        var rows = await db.ArticleVersions.AsNoTracking().Where(v => !v.Draft)
            .Join(db.Articles.Where(a => !a.Retired), v => v.ArticleId, a => a.Id, (v, a) => new { v, a.TeamId })
            .ToListAsync(ct);
        return rows.GroupBy(r => (r.v.ArticleId, r.v.Language)).Select(g => g.OrderByDescending(r => r.v.Version).First())
            .Select(r => (r.v, r.TeamId)).ToList();
    }

    private async Task<Dictionary<string, LanguageIndex>> IndexAsync(GuidanceDbContext db, CancellationToken ct)
    {
        var newest = await db.ArticleVersions.MaxAsync(v => (int?)v.Id, ct) ?? 0;
        var retired = await db.Articles.CountAsync(a => a.Retired, ct);
        // Publishing a draft adds no version: the count of drafts changes instead.
        var drafts = await db.ArticleVersions.CountAsync(v => v.Draft, ct);
        var stamp = $"{newest}/{retired}/{drafts}";
        lock (_gate)
            if (_index is { } built && built.Stamp == stamp) return built.ByLanguage;
        var current = await CurrentAsync(db, ct);
        var byLanguage = current.GroupBy(c => c.Version.Language).ToDictionary(g => g.Key, g => new LanguageIndex(g.Key, g.ToList()));
        lock (_gate) _index = (stamp, byLanguage);
        return byLanguage;
    }

    private sealed class LanguageIndex
    {
        private readonly Analyzer _analyzer;
        private readonly DirectoryReader _reader;
        private readonly List<(ArticleVersion Version, int? TeamId, HashSet<string> Terms)> _docs = [];

        public LanguageIndex(string lang, List<(ArticleVersion Version, int? TeamId)> articles)
        {
            _analyzer = TrayAnalyzers.For(lang);
            var directory = new RAMDirectory();
            using (var writer = new IndexWriter(directory, new IndexWriterConfig(TrayAnalyzers.Version, _analyzer) { OpenMode = OpenMode.CREATE }))
            {
                foreach (var (v, team) in articles)
                {
                    var terms = TrayAnalyzers.Positions(_analyzer, "q", v.Question + "\n" + v.Keywords + "\n" + v.Answer).SelectMany(p => p).ToHashSet();
                    writer.AddDocument(new Document
                    {
                        new Int32Field("n", _docs.Count, Field.Store.YES),
                        new TextField("q", v.Question + "\n" + v.Keywords, Field.Store.NO),
                        new TextField("a", v.Answer, Field.Store.NO),
                    });
                    _docs.Add((v, team, terms));
                }
                writer.Commit();
            }
            _reader = DirectoryReader.Open(directory);
        }

        public BotAnswer? Best(string question, int? teamId)
        {
            var positions = TrayAnalyzers.Positions(_analyzer, "q", question).Where(p => p.Count > 0).ToList();
            if (positions.Count == 0 || _docs.Count == 0) return null;
            var query = new BooleanQuery();
            foreach (var p in positions)
                foreach (var t in p)
                {
                    query.Add(new TermQuery(new Term("q", t)) { Boost = 2 }, Occur.SHOULD);
                    query.Add(new TermQuery(new Term("a", t)), Occur.SHOULD);
                }
            var searcher = new IndexSearcher(_reader);
            foreach (var hit in searcher.Search(query, 10).ScoreDocs)
            {
                var doc = _docs[searcher.Doc(hit.Doc).GetField("n").GetInt32Value()!.Value];
                // Articles of another team are not offered (an article without a team serves every team).
                if (teamId is not null && doc.TeamId is not null && doc.TeamId != teamId) continue;
                var covered = positions.Count(p => p.Any(doc.Terms.Contains));
                return new BotAnswer(doc.Version, (double)covered / positions.Count);
            }
            return null;
        }
    }
}
