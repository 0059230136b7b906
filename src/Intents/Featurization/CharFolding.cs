using System.Globalization;
using System.Text;

namespace Intents.Featurization;

/// <summary>
/// One-to-one character folding that strips diacritics from Latin letters (ł→l and đ→d explicitly, since they do
/// not decompose). Cyrillic is left alone: й is a letter of its own, and ё→е is done by the normaliser.
/// </summary>
internal static class CharFolding
{
    private static readonly char[] _table = BuildTable();

    /// <summary>The folded form of a (lower-case) character.</summary>
    public static char Fold(char c) => _table[c];

    /// <summary>True when the character is changed by folding.</summary>
    public static bool IsFolded(char c) => _table[c] != c;

    private static char[] BuildTable()
    {
        var table = new char[char.MaxValue + 1];
        for (var i = 0; i <= char.MaxValue; i++)
        {
            table[i] = (char)i;
        }

        FoldRange(table, 0x00C0, 0x024F);
        FoldRange(table, 0x1E00, 0x1EFF);
        table['ł'] = 'l';
        table['Ł'] = 'L';
        table['đ'] = 'd';
        table['Đ'] = 'D';
        table['ø'] = 'o';
        table['Ø'] = 'O';
        return table;
    }

    private static void FoldRange(char[] table, int from, int to)
    {
        for (var i = from; i <= to; i++)
        {
            var c = (char)i;
            if (char.IsSurrogate(c) || !char.IsLetter(c))
            {
                continue;
            }

            var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            var b = decomposed[0];
            if (b < 0x80 && char.IsLetter(b) && decomposed.Skip(1).All(m => CharUnicodeInfo.GetUnicodeCategory(m) == UnicodeCategory.NonSpacingMark))
            {
                table[i] = b;
            }
        }
    }
}
