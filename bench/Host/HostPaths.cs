namespace Bench.Host;

/// <summary>Where the repository, the host project and the evaluation sets are.</summary>
internal static class HostPaths
{
    private static readonly string[] RootBuildFiles = ["Directory.Build.props", "Directory.Packages.props"];

    /// <summary>The folder holding Bot.sln, searched upwards from the working directory and from the binary.</summary>
    public static string Root()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Bot.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException("Bot.sln not found above the working directory or the bench binary.");
    }

    public static string HostProject(string root) => Path.Combine(root, "src", "BotHost");

    public static string BuiltHost(string root) => Path.Combine(root, "artifacts", "bin", "BotHost", "release", "BotHost.dll");

    public static string EvalDirectory(string root) => Path.Combine(root, "bench", "data", "faq-eval");

    /// <summary>True when a source, project or settings file under src/ (or a root build file) is newer than the built host.</summary>
    public static bool IsStale(string root, string builtDll)
    {
        var built = File.GetLastWriteTimeUtc(builtDll);
        var sources = Directory.EnumerateFiles(Path.Combine(root, "src"), "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && Path.GetExtension(f) is ".cs" or ".csproj" or ".json" or ".txt")
            .Concat(RootBuildFiles.Select(f => Path.Combine(root, f)).Where(File.Exists));
        return sources.Any(f => File.GetLastWriteTimeUtc(f) > built);
    }
}
