using System.ComponentModel.DataAnnotations;

namespace BotHost.Hosting;

/// <summary>Where the host keeps what it writes: the SQLite database, the trained model and the search index.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Data folder. <value>Default <c>.data</c> under the working directory (git-ignored).</value></summary>
    [Required]
    public string DataDirectory { get; set; } = ".data";

    /// <summary>Knowledge base folder. <value>Default: the nearest <c>data/faq</c> above the working directory.</value></summary>
    public string? FaqDirectory { get; set; }

    public string ResolveDataDirectory()
    {
        var path = Path.GetFullPath(DataDirectory);
        Directory.CreateDirectory(path);
        return path;
    }

    public string ResolveFaqDirectory()
    {
        if (!string.IsNullOrWhiteSpace(FaqDirectory))
        {
            return Path.GetFullPath(FaqDirectory);
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "data", "faq");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException(
            "No data/faq folder found above the working directory; set Storage:FaqDirectory.");
    }
}
