using System.Text.Json;
using KnowledgeIndex.Indexing;

namespace KnowledgeIndex.Search;

/// <content>Article look-ups by id and by intent.</content>
public sealed partial class KnowledgeSearcher
{
    private const string ArticleColumns = "id, lang, intent, title, tags, questions, body";
    private const string ByIdSql = $"SELECT {ArticleColumns} FROM articles WHERE id = $key AND lang = $lang;";
    private const string ByIntentSql = $"SELECT {ArticleColumns} FROM articles WHERE intent = $key AND lang = $lang ORDER BY id LIMIT 1;";

    /// <summary>The article with that id in that language, or null.</summary>
    /// <param name="id">Article id.</param>
    /// <param name="language">BCP-47 language; a regional tag falls back to its primary language.</param>
    public FaqArticle? FindArticle(string id, string language)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(language);
        return Find(ByIdSql, id, language);
    }

    /// <summary>The article answering that intent in that language, or null.</summary>
    /// <param name="intent">Intent name.</param>
    /// <param name="language">BCP-47 language; a regional tag falls back to its primary language.</param>
    public FaqArticle? FindByIntent(string intent, string language)
    {
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(language);
        return Find(ByIntentSql, intent, language);
    }

    private FaqArticle? Find(string sql, string key, string language)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!TryResolve(language, out var index))
        {
            return null;
        }

        var session = Rent();
        try
        {
            var command = session.Command(sql, "$key", "$lang");
            command.Parameters[0].Value = key;
            command.Parameters[1].Value = index.Language;
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                return null;
            }

            return new FaqArticle
            {
                Id = reader.GetString(0),
                Language = reader.GetString(1),
                Intent = reader.IsDBNull(2) ? null : reader.GetString(2),
                Title = reader.GetString(3),
                Tags = JsonSerializer.Deserialize<List<string>>(reader.GetString(4)) ?? [],
                Questions = JsonSerializer.Deserialize<List<string>>(reader.GetString(5)) ?? [],
                Body = reader.GetString(6),
            };
        }
        finally
        {
            Return(session);
        }
    }
}
