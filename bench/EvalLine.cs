namespace Bench;

/// <summary>
/// One evaluation question: what a player wrote, in which language, the article its author expected, and other
/// articles a reviewer found to answer it just as fully (<c>also:</c>, decided from the articles alone).
/// </summary>
internal sealed record EvalLine(string Language, string Text, string ArticleId, IReadOnlyList<string> AlsoAccepted)
{
    /// <summary>Intents whose right answer is a person: the bot shows the article (if any) and hands off.</summary>
    public static readonly IReadOnlySet<string> HandoffIntents =
        new HashSet<string>(["self_exclusion", "gambling_problem", "account_hacked", "complaint", "human_agent"], StringComparer.Ordinal);

    private const string AlsoPrefix = "also:";

    public bool ExpectsHandoff => HandoffIntents.Contains(ArticleId);

    /// <summary>The expected article or one of the accepted alternatives.</summary>
    public bool Accepts(string? articleId) => articleId == ArticleId || articleId is not null && AlsoAccepted.Contains(articleId);

    /// <summary>
    /// Reads every `&lt;lang&gt;.tsv` in <paramref name="dir"/> (`text&lt;TAB&gt;article_id[&lt;TAB&gt;also:id,id]`), languages in
    /// file-name order.
    /// </summary>
    public static List<EvalLine> Load(string dir)
    {
        var lines = new List<EvalLine>();
        foreach (var file in Directory.EnumerateFiles(dir, "*.tsv").Order(StringComparer.Ordinal))
        {
            var language = Path.GetFileNameWithoutExtension(file);
            foreach (var line in File.ReadLines(file))
            {
                var columns = line.Split('\t');
                if (columns.Length < 2 || columns[0].Length == 0 || line.StartsWith('#'))
                {
                    continue;
                }

                var also = columns.Length > 2 && columns[2].StartsWith(AlsoPrefix, StringComparison.Ordinal)
                    ? columns[2][AlsoPrefix.Length..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    : [];
                lines.Add(new EvalLine(language, columns[0].Trim(), columns[1].Trim(), also));
            }
        }

        return lines.Count > 0 ? lines : throw new InvalidDataException($"No evaluation lines (text<TAB>article_id) in {dir}.");
    }
}
