using System.Text;

namespace KnowledgeIndex.Search;

/// <summary>
/// Builds FTS5 MATCH expressions. Player text never reaches FTS5 as syntax: it is analysed into terms first (letters,
/// digits and <c>_</c> only), and every term is additionally written as a quoted string, so <c>"</c>, <c>*</c>, <c>-</c>,
/// <c>OR</c>, <c>NEAR</c>, <c>:</c>, <c>^</c> and parentheses can only ever be searched for, never interpreted.
/// </summary>
internal static class FtsQuery
{
    /// <summary>An FTS5 string literal matching <paramref name="term"/> literally.</summary>
    public static string Quote(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        return "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>A query matching rows that contain any of <paramref name="terms"/>, or null when there are none.</summary>
    public static string? AnyOf(IEnumerable<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var sb = new StringBuilder();
        foreach (var term in terms)
        {
            if (string.IsNullOrWhiteSpace(term))
            {
                continue;
            }

            if (sb.Length > 0)
            {
                sb.Append(" OR ");
            }

            sb.Append(Quote(term));
        }

        return sb.Length == 0 ? null : sb.ToString();
    }
}
