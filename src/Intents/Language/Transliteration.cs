using System.Text;

namespace Intents.Language;

/// <summary>
/// Russian as players type it in Latin letters ("kak vyvesti dengi"): the common informal scheme (ж zh, х h, ц c, ч ch,
/// ш sh, щ sch, ы y, ю yu, я ya, ь and ъ dropped). Used to teach the language detector what transliterated Russian
/// looks like.
/// </summary>
internal static class Transliteration
{
    private static readonly Dictionary<char, string> Latin = new()
    {
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['д'] = "d", ['е'] = "e", ['ё'] = "e", ['ж'] = "zh", ['з'] = "z",
        ['и'] = "i", ['й'] = "y", ['к'] = "k", ['л'] = "l", ['м'] = "m", ['н'] = "n", ['о'] = "o", ['п'] = "p", ['р'] = "r",
        ['с'] = "s", ['т'] = "t", ['у'] = "u", ['ф'] = "f", ['х'] = "h", ['ц'] = "c", ['ч'] = "ch", ['ш'] = "sh",
        ['щ'] = "sch", ['ъ'] = "", ['ы'] = "y", ['ь'] = "", ['э'] = "e", ['ю'] = "yu", ['я'] = "ya",
    };

    public static bool HasCyrillic(string text) => text.Any(c => c is >= '\u0400' and <= '\u04FF');

    /// <summary>Lower-cased Latin transliteration; characters outside the Russian alphabet are kept.</summary>
    public static string ToLatin(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text.ToLowerInvariant())
        {
            if (Latin.TryGetValue(c, out var latin))
            {
                builder.Append(latin);
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
