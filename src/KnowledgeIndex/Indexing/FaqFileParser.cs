using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace KnowledgeIndex.Indexing;

/// <summary>Parses one article file: YAML front matter between <c>---</c> lines, then the Markdown body.</summary>
internal static class FaqFileParser
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder().Build();

    /// <summary>Parses <paramref name="text"/>, read from <paramref name="filePath"/> (<c>&lt;lang&gt;/&lt;id&gt;.md</c>).</summary>
    public static FaqArticle Parse(string filePath, string text)
    {
        var expectedId = Path.GetFileNameWithoutExtension(filePath);
        var expectedLanguage = Path.GetFileName(Path.GetDirectoryName(filePath)) ?? string.Empty;
        var (frontMatter, body) = Split(filePath, text);

        Dictionary<string, object?>? fields;
        try
        {
            fields = Yaml.Deserialize<Dictionary<string, object?>>(frontMatter);
        }
        catch (YamlException ex)
        {
            throw new FaqFormatException(filePath, $"invalid YAML front matter at line {ex.Start.Line + 1}: {ex.Message}", ex);
        }

        if (fields is null)
        {
            throw new FaqFormatException(filePath, "empty front matter (expected id, language, title)");
        }

        var id = RequiredString(filePath, fields, "id");
        var language = RequiredString(filePath, fields, "language");
        var title = RequiredString(filePath, fields, "title");
        if (!string.Equals(id, expectedId, StringComparison.Ordinal))
        {
            throw new FaqFormatException(filePath, $"id '{id}' does not match the file name (expected '{expectedId}')");
        }

        if (!string.Equals(language, expectedLanguage, StringComparison.Ordinal))
        {
            throw new FaqFormatException(filePath, $"language '{language}' does not match the folder (expected '{expectedLanguage}')");
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            throw new FaqFormatException(filePath, "the answer (Markdown after the closing ---) is empty");
        }

        return new FaqArticle
        {
            Id = id,
            Intent = OptionalString(filePath, fields, "intent"),
            Language = language,
            Title = title,
            Tags = StringList(filePath, fields, "tags"),
            Questions = StringList(filePath, fields, "questions"),
            Body = body,
        };
    }

    private static (string FrontMatter, string Body) Split(string filePath, string text)
    {
        var normalized = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal);
        var lines = normalized.Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd() != "---")
        {
            throw new FaqFormatException(filePath, "missing front matter: the file must start with a '---' line");
        }

        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].TrimEnd() == "---")
            {
                return (string.Join('\n', lines[1..i]), string.Join('\n', lines[(i + 1)..]).Trim());
            }
        }

        throw new FaqFormatException(filePath, "front matter is not closed by a '---' line");
    }

    private static string RequiredString(string filePath, Dictionary<string, object?> fields, string key) =>
        OptionalString(filePath, fields, key) is { Length: > 0 } value
            ? value
            : throw new FaqFormatException(filePath, $"required key '{key}' is missing or empty");

    private static string? OptionalString(string filePath, Dictionary<string, object?> fields, string key) =>
        fields.TryGetValue(key, out var value) switch
        {
            false => null,
            true when value is null => null,
            true when value is string s => s.Trim(),
            _ => throw new FaqFormatException(filePath, $"'{key}' must be a single value"),
        };

    private static List<string> StringList(string filePath, Dictionary<string, object?> fields, string key)
    {
        if (!fields.TryGetValue(key, out var value) || value is null)
        {
            return [];
        }

        if (value is not List<object> items)
        {
            throw new FaqFormatException(filePath, $"'{key}' must be a list");
        }

        var result = new List<string>(items.Count);
        foreach (var item in items)
        {
            if (item is not string s)
            {
                throw new FaqFormatException(filePath, $"every entry of '{key}' must be text");
            }

            if (!string.IsNullOrWhiteSpace(s))
            {
                result.Add(s.Trim());
            }
        }

        return result;
    }
}
