namespace Bench;

/// <summary>One evaluation question: what a player wrote, in which language, and the article that answers it.</summary>
internal sealed record EvalLine(string Language, string Text, string ArticleId)
{
    /// <summary>Intents whose right answer is a person: the bot shows the article (if any) and hands off.</summary>
    public static readonly IReadOnlySet<string> HandoffIntents =
        new HashSet<string>(["self_exclusion", "gambling_problem", "account_hacked", "complaint", "human_agent"], StringComparer.Ordinal);

    public bool ExpectsHandoff => HandoffIntents.Contains(ArticleId);

    /// <summary>Reads every `&lt;lang&gt;.tsv` (`text&lt;TAB&gt;article_id`) in <paramref name="dir"/>, languages in file-name order.</summary>
    public static List<EvalLine> Load(string dir)
    {
        var lines = new List<EvalLine>();
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

                lines.Add(new EvalLine(language, line[..tab].Trim(), line[(tab + 1)..].Trim()));
            }
        }

        return lines.Count > 0 ? lines : throw new InvalidDataException($"No evaluation lines (text<TAB>article_id) in {dir}.");
    }
}
