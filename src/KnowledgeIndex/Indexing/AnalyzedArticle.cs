using KnowledgeIndex.Analysis;

namespace KnowledgeIndex.Indexing;

/// <summary>An article's fields as analysed, space-joined terms (what FTS5 indexes) plus snippet material.</summary>
internal sealed class AnalyzedArticle
{
    private AnalyzedArticle(string title, string questions, string tags, string body, List<string> sentences,
        List<string> sentenceTerms, SortedSet<string> distinctTerms, SortedSet<string> distinctWords, List<string> questionRows)
    {
        QuestionRows = questionRows;
        Title = title;
        Questions = questions;
        Tags = tags;
        Body = body;
        Sentences = sentences;
        SentenceTerms = sentenceTerms;
        DistinctTerms = distinctTerms;
        DistinctWords = distinctWords;
    }

    public string Title { get; }

    public string Questions { get; }

    public string Tags { get; }

    public string Body { get; }

    /// <summary>Plain-text sentences of the body.</summary>
    public List<string> Sentences { get; }

    /// <summary>Per sentence, its distinct terms space-joined with a space on each side.</summary>
    public List<string> SentenceTerms { get; }

    /// <summary>The title and each question, analysed: one row each in the question table.</summary>
    public List<string> QuestionRows { get; }

    /// <summary>Every distinct index term of the article.</summary>
    public SortedSet<string> DistinctTerms { get; }

    /// <summary>Every distinct folded word (before stemming) of the article.</summary>
    public SortedSet<string> DistinctWords { get; }

    public static AnalyzedArticle Create(FaqArticle article, TextAnalyzer analyzer)
    {
        var terms = new SortedSet<string>(StringComparer.Ordinal);
        var words = new SortedSet<string>(StringComparer.Ordinal);

        var questionRows = new List<string>();

        string Field(IEnumerable<string> parts, bool questionRow = false)
        {
            var joined = new List<string>();
            foreach (var part in parts)
            {
                // Each part separately: a Vietnamese bigram must not join the end of one question to the next.
                var w = analyzer.Words(part);
                var t = analyzer.ToTerms(w);
                foreach (var token in w)
                {
                    words.Add(token.Text);
                }

                terms.UnionWith(t);
                joined.Add(string.Join(' ', t));
                if (questionRow && t.Count > 0)
                {
                    questionRows.Add(joined[^1]);
                }
            }

            return string.Join(" , ", joined);
        }

        var sentences = PlainText.Sentences(article.Body);
        var sentenceTerms = sentences
            .Select(s => " " + string.Join(' ', analyzer.Analyze(s).Distinct(StringComparer.Ordinal)) + " ")
            .ToList();
        return new AnalyzedArticle(
            Field([article.Title], questionRow: true),
            Field(article.Questions, questionRow: true),
            Field(article.Tags),
            Field(sentences),
            sentences,
            sentenceTerms,
            terms,
            words,
            questionRows);
    }
}
