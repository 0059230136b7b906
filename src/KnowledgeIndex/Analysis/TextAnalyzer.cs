using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace KnowledgeIndex.Analysis;

/// <summary>
/// Turns text of one language into index terms, the same way at index and at query time: fold case and diacritics,
/// drop stop words, stem (ru, pl, en), and add syllable bigrams (vi). FTS5 then tokenizes the space-joined terms.
/// </summary>
internal sealed class TextAnalyzer
{
    private static readonly ConcurrentDictionary<(string, AnalyzerSettings), TextAnalyzer> Cache = new();

    private readonly FrozenSet<string> _stopWords;
    private readonly FrozenSet<string> _stopStems;
    private readonly Func<string, string> _stem;
    private readonly bool _bigrams;

    private TextAnalyzer(string language, AnalyzerSettings settings)
    {
        Language = language;
        _stopWords = StopWords.For(language);
        _bigrams = language == "vi" && settings.VietnameseBigrams;
        _stem = language switch
        {
            "ru" => Slavic(RussianStemmer.Stem, settings),
            "pl" => Slavic(PolishStemmer.Stem, settings),
            "en" when settings.EnglishStemming => EnglishStemmer.Stem,
            _ => static w => w,
        };

        // Inflected function words ("какой", "mojego") would otherwise stem into very common terms ("как").
        _stopStems = _stopWords.Select(_stem).ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>True when this analyzer adds syllable bigrams (Vietnamese).</summary>
    public bool HasBigrams => _bigrams;

    /// <summary>The language this analyzer is for.</summary>
    public string Language { get; }

    /// <summary>The (cached, thread-safe) analyzer of <paramref name="language"/>.</summary>
    public static TextAnalyzer For(string language, AnalyzerSettings settings) =>
        Cache.GetOrAdd((language, settings), static key => new TextAnalyzer(key.Item1, key.Item2));

    /// <summary>Index terms of <paramref name="text"/>, in order (duplicates kept: they count for BM25).</summary>
    public List<string> Analyze(string text) => ToTerms(Words(text));

    /// <summary>Folded words of <paramref name="text"/> without stop words, before stemming.</summary>
    public List<FoldedToken> Words(string text)
    {
        var tokens = TextFolding.Tokenize(text);
        var words = new List<FoldedToken>(tokens.Count);
        var pendingBreak = false;
        foreach (var token in tokens)
        {
            if (IsStopWord(token.Text))
            {
                pendingBreak |= token.BreakBefore;
                continue;
            }

            words.Add(token with { BreakBefore = token.BreakBefore || pendingBreak });
            pendingBreak = false;
        }

        return words;
    }

    /// <summary>True when <paramref name="word"/> (folded) is a stop word of this language, or stems like one.</summary>
    public bool IsStopWord(string word) => _stopWords.Contains(word) || _stopStems.Contains(_stem(word));

    /// <summary>The index term of one folded word.</summary>
    public string Stem(string word) => _stem(word);

    /// <summary>Index terms of folded words: their stems, plus syllable bigrams for Vietnamese.</summary>
    public List<string> ToTerms(IReadOnlyList<FoldedToken> words)
    {
        var terms = new List<string>(_bigrams ? words.Count * 2 : words.Count);
        for (var i = 0; i < words.Count; i++)
        {
            terms.Add(_stem(words[i].Text));
            if (_bigrams && i + 1 < words.Count && !words[i + 1].BreakBefore)
            {
                terms.Add(words[i].Text + "_" + words[i + 1].Text);
            }
        }

        return terms;
    }

    private static Func<string, string> Slavic(Func<string, string> stemmer, AnalyzerSettings settings)
    {
        var n = settings.TruncateLength;
        return settings.SlavicStemming switch
        {
            StemMode.Suffix => w => IsWord(w) ? stemmer(w) : w,
            StemMode.Truncate => w => IsWord(w) && w.Length > n ? w[..n] : w,
            StemMode.SuffixThenTruncate => w => IsWord(w) ? Truncate(stemmer(w), n) : w,
            _ => static w => w,
        };
    }

    private static string Truncate(string w, int n) => w.Length > n ? w[..n] : w;

    private static bool IsWord(string w) => !char.IsDigit(w[0]);
}
