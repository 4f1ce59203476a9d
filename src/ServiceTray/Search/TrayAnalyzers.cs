using System.Reflection;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Compound;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Fi;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Sv;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Tartarus.Snowball.Ext;
using Lucene.Net.Util;

namespace Tilannekuva.ServiceTray.Search;

/// <summary>
/// The analysis per language. Finnish: standard tokens, lower case, Finnish stop words, the Snowball
/// Finnish stemmer (case endings: omaishoitajille → omaishoitaj), then decompounding of the stem against a
/// small dictionary of stemmed word parts (liikuntaryhm → liikuntaryhm, liikun, ryhm), then ASCII folding
/// (ä → a, so a query typed without umlauts still meets). Decompounding after stemming means the parts are
/// matched in the form the stemmer gives both the indexed text and the query. Swedish and English use
/// Lucene's own analysers (Snowball Swedish, Porter English).
/// </summary>
public static class TrayAnalyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>The word parts, stemmed once at start-up (compound-parts.txt, embedded).</summary>
    public static readonly CharArraySet CompoundParts = LoadParts();

    public static Analyzer Finnish() => new FinnishTray();

    public static Analyzer For(string lang) => lang switch
    {
        "sv" => new SwedishAnalyzer(Version),
        "en" => new EnglishAnalyzer(Version),
        _ => Finnish(),
    };

    /// <summary>The analysed tokens of a text, grouped by position (a compound's parts share its position).</summary>
    public static List<List<string>> Positions(Analyzer analyzer, string field, string text)
    {
        var groups = new List<List<string>>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            if (increment.PositionIncrement > 0 || groups.Count == 0) groups.Add([]);
            var t = term.ToString();
            if (!groups[^1].Contains(t)) groups[^1].Add(t);
        }
        stream.End();
        return groups;
    }

    private static CharArraySet LoadParts()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("compound-parts.txt")!;
        using var reader = new StreamReader(stream);
        var set = new CharArraySet(Version, 100, ignoreCase: true);
        var stemmer = new FinnishStemmer();
        while (reader.ReadLine() is { } line)
        {
            var word = line.Trim();
            if (word.Length == 0 || word.StartsWith('#')) continue;
            stemmer.SetCurrent(word.ToLowerInvariant());
            stemmer.Stem();
            var stem = stemmer.Current;
            if (stem.Length >= 3) set.Add(stem);
        }
        return set;
    }

    private sealed class FinnishTray : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Version, reader);
            TokenStream s = new StandardFilter(Version, source);
            s = new LowerCaseFilter(Version, s);
            s = new StopFilter(Version, s, FinnishAnalyzer.DefaultStopSet);
            s = new SnowballFilter(s, new FinnishStemmer());
            s = new DictionaryCompoundWordTokenFilter(Version, s, CompoundParts, minWordSize: 6, minSubwordSize: 3, maxSubwordSize: 15, onlyLongestMatch: false);
            s = new ASCIIFoldingFilter(s);
            return new TokenStreamComponents(source, s);
        }
    }
}
