using System.Text;
using System.Text.Json;
using Intents.Training;

namespace Bench.Intents;

/// <summary>Loads the public benchmark files and finds the shared folder next to the repository.</summary>
internal static class Datasets
{
    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(Directory.GetCurrentDirectory());
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Bot.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Bot.sln not found above the current directory.");
    }

    public static string Shared(string relative) => Path.GetFullPath(Path.Combine(RepoRoot(), "..", "shared", relative));

    public static Dictionary<string, List<TrainingExample>> Clinc150(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var result = new Dictionary<string, List<TrainingExample>>(StringComparer.Ordinal);
        foreach (var split in doc.RootElement.EnumerateObject())
        {
            result[split.Name] = split.Value.EnumerateArray()
                .Select(p => new TrainingExample(p[0].GetString()!, p[1].GetString()!, "en"))
                .ToList();
        }

        return result;
    }

    /// <summary>CSV with a header and quoted fields: text,category.</summary>
    public static List<TrainingExample> Csv(string path)
    {
        var rows = ParseCsv(File.ReadAllText(path, Encoding.UTF8));
        return rows.Skip(1).Where(r => r.Count >= 2).Select(r => new TrainingExample(r[0], r[1], "en")).ToList();
    }

    public static List<TrainingExample> Tsv(string path, string language) =>
        File.ReadAllLines(path, Encoding.UTF8)
            .Where(l => l.Contains('\t', StringComparison.Ordinal))
            .Select(l => l.Split('\t'))
            .Select(p => new TrainingExample(p[0], p[1].Trim(), p.Length > 2 ? p[2].Trim() : language))
            .ToList();

    private static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }

        return rows;
    }
}
