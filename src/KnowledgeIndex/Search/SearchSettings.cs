using System.Globalization;

namespace KnowledgeIndex.Search;

/// <summary>Query-time choices (they do not change the index, so they are not part of the analyzer version).</summary>
/// <param name="TitleWeight">bm25() weight of the title column.</param>
/// <param name="QuestionsWeight">bm25() weight of the questions column.</param>
/// <param name="TagsWeight">bm25() weight of the tags column.</param>
/// <param name="BodyWeight">bm25() weight of the body column.</param>
/// <param name="QuestionWeight">Weight of an article's best-matching single question (or title) added to its score; 0 turns the question table off.</param>
/// <param name="MaxDocumentShare">Terms found in more than this share of a language's articles are left out of the MATCH
/// (they still count for coverage): they barely change the ranking but make FTS5 score most rows.</param>
/// <param name="QuestionMaxDocumentShare">The same cap for the question table, whose posting lists are much longer (one row per question).</param>
/// <param name="QuestionMaxTerms">At most this many of the rarest terms are matched against the question table.</param>
/// <param name="SyllableMaxDocumentShare">The cap for Vietnamese, where single syllables (tien, tai, khoan) are in most articles and bigrams carry the meaning.</param>
/// <param name="SpellCorrection">Correct query words that are not in the index to the nearest index word.</param>
/// <param name="StrongMinCoverage">A strong hit contains at least this share (IDF-weighted) of the query terms.</param>
/// <param name="StrongMinMargin">A strong hit's score exceeds the runner-up's by at least this fraction of its own score.</param>
/// <param name="InMemoryScoring">Score with postings read into memory at open (same scores as FTS5's bm25(), several times
/// faster) instead of asking FTS5; false is the reference the tests and the bench compare against.</param>
internal sealed record SearchSettings(
    double TitleWeight,
    double QuestionsWeight,
    double TagsWeight,
    double BodyWeight,
    double QuestionWeight,
    double MaxDocumentShare,
    double QuestionMaxDocumentShare,
    int QuestionMaxTerms,
    double SyllableMaxDocumentShare,
    bool SpellCorrection,
    double StrongMinCoverage,
    double StrongMinMargin,
    bool InMemoryScoring = true)
{
    /// <summary>Most terms taken from one query (the rarest ones): a pasted paragraph must not make a slow query.</summary>
    public const int MaxTerms = 24;

    /// <summary>Candidates read from each FTS5 table before the two scores are combined.</summary>
    public const int Candidates = 40;

    /// <summary>The settings tuned on bench/data/faq-eval (see the project README).</summary>
    public static SearchSettings Default { get; } = new(
        TitleWeight: 4.0,
        QuestionsWeight: 2.0,
        TagsWeight: 2.0,
        BodyWeight: 1.0,
        QuestionWeight: 0.5,
        MaxDocumentShare: 1.0,
        QuestionMaxDocumentShare: 1.0,
        QuestionMaxTerms: 3,
        SyllableMaxDocumentShare: 0.3,
        SpellCorrection: true,
        StrongMinCoverage: 0.4,
        StrongMinMargin: 0.3);

    /// <summary>The FTS5 rank function with this column weighting: <c>bm25(title, questions, tags, body)</c>.</summary>
    public string Bm25Arguments => string.Create(
        CultureInfo.InvariantCulture,
        $"bm25({TitleWeight:0.0###}, {QuestionsWeight:0.0###}, {TagsWeight:0.0###}, {BodyWeight:0.0###})");
}
