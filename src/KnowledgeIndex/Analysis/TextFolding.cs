using System.Globalization;
using System.Text;

namespace KnowledgeIndex.Analysis;

/// <summary>Case and diacritic folding, and splitting text into folded word tokens.</summary>
internal static class TextFolding
{
    // Everything below U+3000 is folded through one table built at start-up: per-character Normalize calls would
    // allocate on every query.
    private const int TableSize = 0x3000;
    private static readonly char[] Table = BuildTable();

    /// <summary>Splits <paramref name="text"/> into lower-case, diacritic-free tokens of letters and digits.</summary>
    /// <returns>Tokens with <c>BreakBefore</c> set when punctuation (not only spaces) separates it from the previous token.</returns>
    public static List<FoldedToken> Tokenize(string text)
    {
        var tokens = new List<FoldedToken>();
        if (string.IsNullOrEmpty(text))
        {
            return tokens;
        }

        // Vietnamese keyboards may send tones as combining marks; compose first so they fold like precomposed letters.
        var source = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        var buffer = new StringBuilder(32);
        var sawPunctuation = false;
        foreach (var c in source)
        {
            if (char.IsLetterOrDigit(c) && !char.IsSurrogate(c))
            {
                buffer.Append(Fold(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                // a combining mark left over after composition: drop it, stay inside the word
            }
            else
            {
                Flush(tokens, buffer, ref sawPunctuation);
                if (!char.IsWhiteSpace(c))
                {
                    sawPunctuation = true;
                }
            }
        }

        Flush(tokens, buffer, ref sawPunctuation);
        return tokens;
    }

    /// <summary>Folds a whole string (used for stop-word lists).</summary>
    public static string Fold(string word)
    {
        var composed = word.Normalize(NormalizationForm.FormC);
        var sb = new StringBuilder(composed.Length);
        foreach (var c in composed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(Fold(c));
            }
        }

        return sb.ToString();
    }

    /// <summary>Lower-cases and removes diacritics from one character (Cyrillic keeps й; ё becomes е).</summary>
    public static char Fold(char c) => c < TableSize ? Table[c] : char.ToLowerInvariant(c);

    private static void Flush(List<FoldedToken> tokens, StringBuilder buffer, ref bool sawPunctuation)
    {
        if (buffer.Length == 0)
        {
            return;
        }

        tokens.Add(new FoldedToken(buffer.ToString(), sawPunctuation && tokens.Count > 0));
        buffer.Clear();
        sawPunctuation = false;
    }

    private static char[] BuildTable()
    {
        var table = new char[TableSize];
        for (var i = 0; i < TableSize; i++)
        {
            table[i] = FoldSlow((char)i);
        }

        return table;
    }

    private static char FoldSlow(char c)
    {
        if (char.IsSurrogate(c))
        {
            return c;
        }

        var lower = char.ToLowerInvariant(c);
        switch (lower)
        {
            case 'ё':
                return 'е';
            case 'ł':
                return 'l';
            case 'đ':
                return 'd';
            case 'ø':
                return 'o';
            case 'ı':
                return 'i';
            default:
                break;
        }

        // Cyrillic letters with marks (й, ї) are distinct letters, not accented ones.
        if (lower is >= '\u0400' and <= '\u04FF')
        {
            return lower;
        }

        var decomposed = lower.ToString().Normalize(NormalizationForm.FormD);
        return decomposed.Length > 0 && char.IsLetter(decomposed[0]) ? decomposed[0] : lower;
    }
}
