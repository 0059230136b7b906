namespace Bench.Search;

/// <summary>One evaluation query: what a player wrote and the article that answers it.</summary>
internal sealed record EvalQuery(string Language, string Text, string ArticleId)
{
    /// <summary>Reads every `&lt;lang&gt;.tsv` (`text&lt;TAB&gt;article_id`) under <paramref name="dir"/>.</summary>
    public static List<EvalQuery> Load(string dir)
    {
        var queries = new List<EvalQuery>();
        foreach (var file in Directory.EnumerateFiles(dir, "*.tsv").Order(StringComparer.Ordinal))
        {
            var language = Path.GetFileNameWithoutExtension(file);
            foreach (var line in File.ReadLines(file))
            {
                var tab = line.LastIndexOf('\t');
                if (tab <= 0 || line.StartsWith('#'))
                {
                    continue;
                }

                queries.Add(new EvalQuery(language, line[..tab].Trim(), line[(tab + 1)..].Trim()));
            }
        }

        return queries;
    }
}
