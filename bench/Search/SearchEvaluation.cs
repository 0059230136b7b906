using KnowledgeIndex.Search;

namespace Bench.Search;

/// <summary>Top-1 / top-3 article accuracy and the quality of IsStrong, per language.</summary>
internal sealed record LanguageScore(string Language, int Queries, int Top1, int Top3, int Strong, int StrongCorrect)
{
    public double Top1Rate => Queries == 0 ? 0 : (double)Top1 / Queries;

    public double Top3Rate => Queries == 0 ? 0 : (double)Top3 / Queries;

    /// <summary>Share of queries whose top hit is strong.</summary>
    public double StrongRate => Queries == 0 ? 0 : (double)Strong / Queries;

    /// <summary>Share of strong top hits that are the right article.</summary>
    public double StrongPrecision => Strong == 0 ? 0 : (double)StrongCorrect / Strong;

    public static List<LanguageScore> Evaluate(KnowledgeSearcher searcher, IReadOnlyList<EvalLine> queries, List<string>? misses = null)
    {
        var scores = new List<LanguageScore>();
        foreach (var group in queries.GroupBy(q => q.Language).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            int n = 0, top1 = 0, top3 = 0, strong = 0, strongCorrect = 0;
            foreach (var query in group)
            {
                var hits = searcher.Search(query.Text, query.Language, 3).Hits;
                n++;
                var first = hits.Count > 0 && hits[0].ArticleId == query.ArticleId;
                top1 += first ? 1 : 0;
                top3 += hits.Any(h => h.ArticleId == query.ArticleId) ? 1 : 0;
                if (hits.Count > 0 && hits[0].IsStrong)
                {
                    strong++;
                    strongCorrect += first ? 1 : 0;
                }

                if (!first && misses is not null)
                {
                    misses.Add($"{query.Language}\t{query.Text}\texpected {query.ArticleId}\tgot {string.Join(", ", hits.Select(h => $"{h.ArticleId}({h.Score:0.0}{(h.IsStrong ? ",strong" : "")})"))}");
                }
            }

            scores.Add(new LanguageScore(group.Key, n, top1, top3, strong, strongCorrect));
        }

        var total = new LanguageScore("all", scores.Sum(s => s.Queries), scores.Sum(s => s.Top1), scores.Sum(s => s.Top3),
            scores.Sum(s => s.Strong), scores.Sum(s => s.StrongCorrect));
        scores.Add(total);
        return scores;
    }
}
