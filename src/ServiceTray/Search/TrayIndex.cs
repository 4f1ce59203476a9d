using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Tilannekuva.ServiceTray.Domain;
using Tilannekuva.ServiceTray.Import;

namespace Tilannekuva.ServiceTray.Search;

/// <summary>
/// A Lucene index of one catalogue, in memory (20,000 services are a few megabytes). One document per
/// service: its name and its text (summary, description, instructions, classes, target groups, life events,
/// keywords, organiser, channel names and post offices) per language, and untokenised filter fields
/// (municipality, target group and service class codes with their parent codes, channel types, free,
/// accessible). Opening hours and distance are applied to the hits in memory from the catalogue's items.
/// </summary>
public sealed class TrayIndex : IDisposable
{
    private static readonly string[] Languages = ["fi", "sv", "en"];
    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly Analyzer _analyzer;
    /// <summary>Lucene doc id → the item's place in the catalogue (read once, not per hit from stored fields).</summary>
    private readonly int[] _items;
    /// <summary>Per item: its geocoded places (for nearness without walking channels per hit).</summary>
    private readonly (double Lat, double Lon)[][] _places;
    /// <summary>Per language: each item's rank in name order (Finnish collation), so browsing sorts integers, not strings.</summary>
    private readonly Dictionary<string, int[]> _nameRank = new();
    private readonly Dictionary<string, string> _postalMunicipality;
    /// <summary>"Open now" of every item for one wall-clock minute, computed once a minute rather than per hit.</summary>
    private (DateTime Minute, bool[] Open)? _openAt;

    public TrayCatalog Catalog { get; }

    public TrayIndex(TrayCatalog catalog)
    {
        Catalog = catalog;
        _analyzer = new PerFieldAnalyzerWrapper(new Lucene.Net.Analysis.Core.KeywordAnalyzer(), new Dictionary<string, Analyzer>
        {
            ["name_fi"] = TrayAnalyzers.Finnish(), ["text_fi"] = TrayAnalyzers.Finnish(),
            ["name_sv"] = TrayAnalyzers.For("sv"), ["text_sv"] = TrayAnalyzers.For("sv"),
            ["name_en"] = TrayAnalyzers.For("en"), ["text_en"] = TrayAnalyzers.For("en"),
        });
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(TrayAnalyzers.Version, _analyzer) { OpenMode = OpenMode.CREATE }))
        {
            for (var i = 0; i < catalog.Items.Count; i++) writer.AddDocument(Document(i, catalog.Items[i]));
            writer.Commit();
        }
        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader);
        _items = new int[_reader.MaxDoc];
        for (var d = 0; d < _reader.MaxDoc; d++) _items[d] = _reader.Document(d).GetField("n").GetInt32Value()!.Value;
        _places = catalog.Items.Select(i => i.Places.Where(p => p.Latitude is not null && p.Longitude is not null)
            .Select(p => (p.Latitude!.Value, p.Longitude!.Value)).ToArray()).ToArray();
        var collation = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fi-FI"), false);
        foreach (var lang in Languages)
        {
            var rank = new int[catalog.Items.Count];
            var order = Enumerable.Range(0, catalog.Items.Count).OrderBy(i => catalog.Items[i].Service.Name.Get(lang), collation).ToArray();
            for (var r = 0; r < order.Length; r++) rank[order[r]] = r;
            _nameRank[lang] = rank;
        }
        _postalMunicipality = catalog.Items.SelectMany(i => i.Places).Where(p => p.PostalCode is not null && p.Municipality is not null)
            .GroupBy(p => p.PostalCode!).ToDictionary(g => g.Key, g => g.GroupBy(p => p.Municipality!.Code).OrderByDescending(m => m.Count()).First().Key);
    }

    private static Document Document(int index, TrayItem item)
    {
        var s = item.Service;
        var doc = new Document { new Int32Field("n", index, Field.Store.YES) };
        foreach (var lang in Languages)
        {
            // Text in another language is not indexed under this one: a Swedish stemmer on Finnish words only adds noise.
            if (s.Name.Exact(lang) is { } name) doc.Add(new TextField("name_" + lang, name, Field.Store.NO));
            var text = new[] { s.Summary.Exact(lang), s.Description.Exact(lang), s.Instructions.Exact(lang), item.Provider.Exact(lang) }
                .Concat(s.ServiceClasses.Concat(s.TargetGroups).Concat(s.LifeEvents).Select(c => c.Name.Exact(lang)))
                .Concat(lang == "fi" ? s.Keywords : [])
                .Concat(item.Channels.Select(c => c.Name.Exact(lang)))
                .Concat(item.Places.Select(p => p.PostOffice.Get(lang)));
            doc.Add(new TextField("text_" + lang, string.Join("\n", text.Where(t => !string.IsNullOrWhiteSpace(t))), Field.Store.NO));
        }
        foreach (var m in s.Municipalities.Select(m => m.Code).Concat(item.Places.Select(p => p.Municipality?.Code).OfType<string>()).Distinct())
            doc.Add(new StringField("muni", m, Field.Store.NO));
        if (s.IsNationwide) doc.Add(new StringField("nationwide", "1", Field.Store.NO));
        foreach (var code in WithParents(s.TargetGroups)) doc.Add(new StringField("tg", code, Field.Store.NO));
        foreach (var code in WithParents(s.ServiceClasses)) doc.Add(new StringField("class", code, Field.Store.NO));
        foreach (var type in item.Channels.Select(c => c.Type).Distinct()) doc.Add(new StringField("chan", type, Field.Store.NO));
        if (s.IsFree) doc.Add(new StringField("free", "1", Field.Store.NO));
        if (item.Accessible) doc.Add(new StringField("access", "1", Field.Store.NO));
        doc.Add(new StringField("all", "1", Field.Store.NO));
        return doc;
    }

    /// <summary>KR1.2 is also KR1; P10.2.1 also P10.2 and P10.</summary>
    private static IEnumerable<string> WithParents(IEnumerable<Coded> codes) =>
        codes.SelectMany(c => Enumerable.Range(1, c.Code.Count(ch => ch == '.') + 1).Select(n => string.Join('.', c.Code.Split('.').Take(n)))).Distinct();

    public TrayResult Search(TrayQuery q, DateTime localNow)
    {
        var lang = q.Language is "sv" or "en" ? q.Language : "fi";
        var filters = Filters(q);
        var words = string.IsNullOrWhiteSpace(q.Text) ? [] : TrayAnalyzers.Positions(TrayAnalyzers.For(lang), "text_" + lang, q.Text!);
        var loosened = false;
        List<(int Doc, float Score)> matches;
        if (words.Count == 0) matches = Run(filters, null);
        else
        {
            matches = Run(filters, Words(words, lang, all: true));
            if (matches.Count == 0 && words.Count > 1)
            {
                matches = Run(filters, Words(words, lang, all: false));
                loosened = matches.Count > 0;
            }
        }

        var origin = Origin(q);
        var open = q.OpenNow ? OpenAt(localNow) : null;
        // Only what ordering needs is worked out for every match; "open now" for display only for the page shown.
        var ranked = new List<(int Item, float Score, double? Km)>(matches.Count);
        foreach (var (doc, score) in matches)
        {
            var i = _items[doc];
            if (open is not null && !open[i]) continue;
            ranked.Add((i, score, origin is { } o ? Nearest(i, o) : null));
        }
        var rank = _nameRank[lang];
        IEnumerable<(int Item, float Score, double? Km)> ordered = words.Count == 0
            ? ranked.OrderBy(h => h.Km ?? double.MaxValue).ThenBy(h => rank[h.Item])
            : ranked.OrderByDescending(h => h.Score * Nearness(h.Km, origin is not null)).ThenBy(h => Catalog.Items[h.Item].Id);
        var page = ordered.Skip(q.Skip).Take(q.Take).Select(h =>
        {
            var item = Catalog.Items[h.Item];
            return new TrayHit(item, h.Score, h.Km, open?[h.Item] ?? item.Channels.Any(c => OpeningRule.IsOpen(c.Hours, localNow)));
        }).ToList();
        return new TrayResult(page, ranked.Count, loosened);
    }

    /// <summary>
    /// Relevance is weighed by distance: a place 25 km away counts half as much as one at the door. A service
    /// with no place (phone, e-service) is weighed as if 15 km away: reachable from home, but a near place ranks above it.
    /// </summary>
    private static float Nearness(double? km, bool located) =>
        !located ? 1f : (float)(1 / (1 + (km ?? 15) / 25));

    private double? Nearest(int item, (double Lat, double Lon) o)
    {
        var places = _places[item];
        if (places.Length == 0) return null;
        var best = double.MaxValue;
        foreach (var (lat, lon) in places) best = Math.Min(best, Coordinates.Kilometres(o.Lat, o.Lon, lat, lon));
        return best;
    }

    /// <summary>Every item's "open now" at this minute, cached until the minute changes.</summary>
    private bool[] OpenAt(DateTime localNow)
    {
        var minute = new DateTime(localNow.Year, localNow.Month, localNow.Day, localNow.Hour, localNow.Minute, 0);
        if (_openAt is { } cached && cached.Minute == minute) return cached.Open;
        var open = Catalog.Items.Select(item => item.Channels.Any(c => OpeningRule.IsOpen(c.Hours, minute))).ToArray();
        _openAt = (minute, open);
        return open;
    }

    private (double Lat, double Lon)? Origin(TrayQuery q)
    {
        if (q.PostalCode is { } pc && Catalog.PostalCentroids.TryGetValue(pc, out var p)) return p;
        if (q.Municipality is { } m && Catalog.MunicipalityCentroids.TryGetValue(m, out var c)) return c;
        return null;
    }

    private BooleanQuery Filters(TrayQuery q)
    {
        var b = new BooleanQuery { { new TermQuery(new Term("all", "1")), Occur.MUST } };
        var municipality = q.Municipality ?? PostalMunicipality(q.PostalCode);
        if (municipality is not null)
            b.Add(new BooleanQuery { { new TermQuery(new Term("muni", municipality)), Occur.SHOULD }, { new TermQuery(new Term("nationwide", "1")), Occur.SHOULD } }, Occur.MUST);
        if (q.TargetGroup is { Length: > 0 } tg) b.Add(new TermQuery(new Term("tg", tg)), Occur.MUST);
        if (q.ServiceClass is { Length: > 0 } sc) b.Add(new TermQuery(new Term("class", sc)), Occur.MUST);
        if (q.ChannelType is { Length: > 0 } ct) b.Add(new TermQuery(new Term("chan", ct)), Occur.MUST);
        if (q.FreeOnly) b.Add(new TermQuery(new Term("free", "1")), Occur.MUST);
        if (q.AccessibleOnly) b.Add(new TermQuery(new Term("access", "1")), Occur.MUST);
        return b;
    }

    /// <summary>The municipality a postal code lies in, from the catalogue's addresses (the commonest, if several).</summary>
    private string? PostalMunicipality(string? postalCode) => postalCode is null ? null : _postalMunicipality.GetValueOrDefault(postalCode);

    /// <summary>
    /// One clause per word position: the word's stem or, for a compound, any of its parts, in the name (weighed
    /// 3×) or the text, or a near spelling (one edit for words of 5–7 letters, two from 8) weighed lower.
    /// </summary>
    private static BooleanQuery Words(List<List<string>> positions, string lang, bool all)
    {
        var query = new BooleanQuery();
        foreach (var alternatives in positions)
        {
            var position = new BooleanQuery();
            for (var i = 0; i < alternatives.Count; i++)
            {
                var t = alternatives[i];
                // The whole word (first) counts more than a part of a compound.
                var weight = i == 0 ? 1f : 0.5f;
                position.Add(new TermQuery(new Term("name_" + lang, t)) { Boost = 3 * weight }, Occur.SHOULD);
                position.Add(new TermQuery(new Term("text_" + lang, t)) { Boost = weight }, Occur.SHOULD);
                var edits = t.Length >= 8 ? 2 : t.Length >= 5 ? 1 : 0;
                if (edits > 0)
                {
                    position.Add(new FuzzyQuery(new Term("name_" + lang, t), edits, prefixLength: 1) { Boost = 0.6f * weight }, Occur.SHOULD);
                    position.Add(new FuzzyQuery(new Term("text_" + lang, t), edits, prefixLength: 1) { Boost = 0.3f * weight }, Occur.SHOULD);
                }
            }
            query.Add(position, all ? Occur.MUST : Occur.SHOULD);
        }
        return query;
    }

    private List<(int, float)> Run(BooleanQuery filters, BooleanQuery? words)
    {
        Query query = filters;
        if (words is not null)
        {
            var combined = new BooleanQuery { { words, Occur.MUST } };
            foreach (var clause in filters.Clauses) combined.Add(new ConstantScoreQuery(clause.Query) { Boost = 0 }, Occur.MUST);
            query = combined;
        }
        // Every match is needed (nearness and "open now" reorder them), but not a sorted top-N heap sized to the index.
        var all = new AllHits();
        _searcher.Search(query, all);
        return all.Hits;
    }

    /// <summary>Collects every match with its score, in index order, without a priority queue.</summary>
    private sealed class AllHits : ICollector
    {
        private Scorer? _scorer;
        private int _base;
        public List<(int, float)> Hits { get; } = [];
        public bool AcceptsDocsOutOfOrder => true;
        public void SetScorer(Scorer scorer) => _scorer = scorer;
        public void Collect(int doc) => Hits.Add((_base + doc, _scorer!.GetScore()));
        public void SetNextReader(AtomicReaderContext context) => _base = context.DocBase;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }
}
