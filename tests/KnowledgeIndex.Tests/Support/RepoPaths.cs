namespace KnowledgeIndex.Tests.Support;

/// <summary>Paths in the repository the tests run from (the folder holding Bot.sln).</summary>
internal static class RepoPaths
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Bot.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new DirectoryNotFoundException("Bot.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The real knowledge base (read only: tests that edit work on a copy).</summary>
    public static string Faq => Path.Combine(Root, "data", "faq");
}
