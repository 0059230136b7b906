namespace Bench.Search;

internal static class RepoPaths
{
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

        throw new DirectoryNotFoundException("Bot.sln not found above the working directory");
    }
}
