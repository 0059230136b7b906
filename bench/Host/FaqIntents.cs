namespace Bench.Host;

/// <summary>The article ids that are intents (front matter has <c>intent:</c>); the others are search-only articles.</summary>
internal static class FaqIntents
{
    public static HashSet<string> Load(string root)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var english = Path.Combine(root, "data", "faq", "en");
        if (!Directory.Exists(english))
        {
            return ids;
        }

        foreach (var file in Directory.EnumerateFiles(english, "*.md"))
        {
            // Only the front matter: between the first two '---' lines.
            var frontMatter = File.ReadLines(file).SkipWhile(l => l.Trim() != "---").Skip(1).TakeWhile(l => l.Trim() != "---");
            if (frontMatter.Any(l => l.StartsWith("intent:", StringComparison.Ordinal)))
            {
                ids.Add(Path.GetFileNameWithoutExtension(file));
            }
        }

        return ids;
    }
}
