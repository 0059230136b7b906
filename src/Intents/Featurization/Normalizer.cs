using System.Globalization;
using System.Text;

namespace Intents.Featurization;

/// <summary>
/// Turns raw player text into space-separated tokens: Unicode NFKC, invariant lower case, Russian ё→е, runs of three
/// or more equal letters squeezed to two, URLs, e-mails, numbers/amounts and currency signs collapsed to the tokens
/// <c>#url</c>, <c>#email</c>, <c>#num</c> and <c>#cur</c>, everything else a separator. Apostrophes inside words are
/// dropped ("don't" → "dont") because players often leave them out. The rules key on script, not on the language
/// hint, so a wrong hint cannot change the tokens; diacritic folding for Polish and Vietnamese is a separate view
/// (<see cref="CharFolding"/>) added by the featuriser next to the exact one.
/// </summary>
internal static class Normalizer
{
    public const string UrlToken = "#url";
    public const string EmailToken = "#email";
    public const string NumberToken = "#num";
    public const string CurrencyToken = "#cur";

    /// <summary>An upper bound for the normalised length of <paramref name="length"/> input characters.</summary>
    public static int MaxOutputLength(int length) => (length * 6) + 8;

    /// <summary>Normalises into a new string (convenience for training and tests).</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var source = ToNfkc(text);
        var buffer = new char[MaxOutputLength(source.Length)];
        var n = Normalize(source, buffer);
        return new string(buffer, 0, n);
    }

    /// <summary>Applies NFKC only when needed (the check does not allocate; ASCII is always NFKC).</summary>
    public static string ToNfkc(string text) =>
        System.Text.Ascii.IsValid(text) || text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);

    /// <summary>Normalises NFKC text into <paramref name="destination"/>; returns the number of characters written.</summary>
    public static int Normalize(ReadOnlySpan<char> source, Span<char> destination)
    {
        var w = 0;
        var i = 0;
        while (i < source.Length)
        {
            if (char.IsWhiteSpace(source[i]))
            {
                i++;
                continue;
            }

            var end = i;
            while (end < source.Length && !char.IsWhiteSpace(source[end]))
            {
                end++;
            }

            w = NormalizeChunk(source[i..end], destination, w);
            i = end;
        }

        if (w > 0 && destination[w - 1] == ' ')
        {
            w--;
        }

        return w;
    }

    private static int NormalizeChunk(ReadOnlySpan<char> chunk, Span<char> d, int w)
    {
        if (IsUrl(chunk))
        {
            return Emit(UrlToken, d, w);
        }

        if (IsEmail(chunk))
        {
            return Emit(EmailToken, d, w);
        }

        var i = 0;
        var inWord = false;
        while (i < chunk.Length)
        {
            var c = chunk[i];
            if (char.IsDigit(c))
            {
                while (i < chunk.Length && (char.IsDigit(chunk[i])
                    || ((chunk[i] == '.' || chunk[i] == ',' || chunk[i] == '\'') && i + 1 < chunk.Length && char.IsDigit(chunk[i + 1]))))
                {
                    i++;
                }

                w = Separate(d, w);
                w = Emit(NumberToken, d, w);
                inWord = false;
                continue;
            }

            if (char.IsLetter(c) || (inWord && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark))
            {
                var lower = char.ToLowerInvariant(c);
                if (lower == 'ё')
                {
                    lower = 'е';
                }

                if (!(inWord && w >= 2 && d[w - 1] == lower && d[w - 2] == lower))
                {
                    d[w++] = lower;
                }

                inWord = true;
                i++;
                continue;
            }

            if (inWord && (c == '\'' || c == '’' || c == 'ʼ') && i + 1 < chunk.Length && char.IsLetter(chunk[i + 1]))
            {
                i++;
                continue;
            }

            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.CurrencySymbol)
            {
                w = Separate(d, w);
                w = Emit(CurrencyToken, d, w);
                inWord = false;
                i++;
                continue;
            }

            if (inWord)
            {
                w = Separate(d, w);
            }

            inWord = false;
            i++;
        }

        return Separate(d, w);
    }

    private static int Separate(Span<char> d, int w)
    {
        if (w > 0 && d[w - 1] != ' ')
        {
            d[w++] = ' ';
        }

        return w;
    }

    private static int Emit(string token, Span<char> d, int w)
    {
        token.AsSpan().CopyTo(d[w..]);
        w += token.Length;
        d[w++] = ' ';
        return w;
    }

    private static bool IsUrl(ReadOnlySpan<char> chunk) =>
        chunk.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || chunk.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || (chunk.StartsWith("www.", StringComparison.OrdinalIgnoreCase) && chunk.Length > 5)
        || chunk.Contains("://", StringComparison.Ordinal);

    private static bool IsEmail(ReadOnlySpan<char> chunk)
    {
        var at = chunk.IndexOf('@');
        if (at <= 0 || at != chunk.LastIndexOf('@'))
        {
            return false;
        }

        var domain = chunk[(at + 1)..].TrimEnd(".,;:!?)");
        var dot = domain.LastIndexOf('.');
        return dot > 0 && dot < domain.Length - 1;
    }
}
