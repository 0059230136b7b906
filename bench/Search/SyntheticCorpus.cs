using KnowledgeIndex.Indexing;

namespace Bench.Search;

/// <summary>
/// A larger corpus for latency: the real articles, then copies with new ids (`id~k`) whose questions and sentences are
/// shuffled and partly dropped and whose words are occasionally swapped, so the index has realistic term statistics
/// without being a plain duplicate.
/// </summary>
internal static class SyntheticCorpus
{
    public static List<FaqArticle> Create(IReadOnlyList<FaqArticle> real, int size, int seed = 42)
    {
        var random = new Random(seed);
        var result = new List<FaqArticle>(size);
        result.AddRange(real.Take(size));
        for (var copy = 1; result.Count < size; copy++)
        {
            foreach (var article in real)
            {
                if (result.Count >= size)
                {
                    break;
                }

                result.Add(article with
                {
                    Id = $"{article.Id}~{copy}",
                    Intent = null,
                    Title = Perturb(article.Title, random),
                    Questions = [.. article.Questions.Where(_ => random.NextDouble() < 0.6).Select(q => Perturb(q, random))],
                    Body = string.Join("\n\n", article.Body.Split('\n').Where(_ => random.NextDouble() < 0.7).OrderBy(_ => random.Next())),
                });
            }
        }

        return result;
    }

    private static string Perturb(string text, Random random)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 2 && random.NextDouble() < 0.5)
        {
            var i = random.Next(words.Length - 1);
            (words[i], words[i + 1]) = (words[i + 1], words[i]);
        }

        return string.Join(' ', words);
    }
}
