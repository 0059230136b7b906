namespace BotHost.Tests.Infrastructure;

/// <summary>Paths in the repository the tests run from (the folder holding Bot.sln).</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> _root = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Bot.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException($"No Bot.sln above {AppContext.BaseDirectory}.");
    });

    public static string Root => _root.Value;

    /// <summary>The repository's knowledge base. Tests that edit it work on <see cref="CopyFaqTo"/> instead.</summary>
    public static string Faq => Path.Combine(Root, "data", "faq");

    /// <summary>Copies data/faq into <paramref name="target"/>: same files, so the same fingerprint and the shared trained model.</summary>
    public static string CopyFaqTo(string target)
    {
        foreach (var file in Directory.EnumerateFiles(Faq, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(Faq, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return target;
    }
}
