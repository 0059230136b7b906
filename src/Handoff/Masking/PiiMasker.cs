using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Handoff.Masking;

/// <summary>
/// Masks personal data in free text before it is stored: card numbers (Luhn-valid only, last 4 kept), IBANs (country
/// and last 4 kept), e-mail addresses (first letter and domain kept) and phone numbers (last 2 digits kept). Amounts,
/// dates and ticket or order numbers are left alone.
/// </summary>
public static partial class PiiMasker
{
    private const int MinPhoneDigits = 7;
    private const int MaxPhoneDigits = 15;

    /// <summary>Returns <paramref name="text"/> with card numbers, IBANs, e-mails and phone numbers masked.</summary>
    /// <param name="text">Raw text; may be empty.</param>
    /// <returns>The masked text (the same instance when nothing matched).</returns>
    public static string Mask(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return text;
        }

        // Order matters: IBANs and e-mails contain digit runs the card and phone patterns would otherwise take.
        var masked = IbanRegex().Replace(text, MaskIban);
        masked = EmailRegex().Replace(masked, MaskEmail);
        masked = CardRegex().Replace(masked, MaskCard);
        var input = masked;
        masked = PhoneRegex().Replace(input, match => MaskPhone(match, input));
        return masked;
    }

    /// <summary>True when the digits pass the Luhn check.</summary>
    internal static bool IsLuhnValid(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return sum % 10 == 0;
    }

    private static string MaskIban(Match match)
    {
        var compact = match.Value.Replace(" ", "", StringComparison.Ordinal);
        return string.Create(CultureInfo.InvariantCulture, $"{compact[..2]}** **** **** {compact[^4..]}");
    }

    private static string MaskEmail(Match match) =>
        string.Create(CultureInfo.InvariantCulture, $"{match.Groups["first"].Value}***@{match.Groups["domain"].Value}");

    private static string MaskCard(Match match)
    {
        var digits = OnlyDigits(match.Value);
        if (digits.Length is < 13 or > 19 || !IsLuhnValid(digits))
        {
            return match.Value;
        }

        return string.Create(CultureInfo.InvariantCulture, $"**** **** **** {digits[^4..]}");
    }

    private static string MaskPhone(Match match, string input)
    {
        var value = match.Value;
        var digitCount = value.Count(char.IsAsciiDigit);
        if (digitCount is < MinPhoneDigits or > MaxPhoneDigits || DateRegex().IsMatch(value))
        {
            return value;
        }

        // A number right after "ticket", "order", "#", … is a reference the agent needs, not a phone number.
        var start = Math.Max(0, match.Index - 24);
        if (ReferencePrefixRegex().IsMatch(input.AsSpan(start, match.Index - start)))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        var seen = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                seen++;
                builder.Append(seen > digitCount - 2 ? c : '*');
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static string OnlyDigits(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    // Country code, 2 check digits, then 11–30 letters/digits, either compact or in groups of 4 separated by spaces.
    [GeneratedRegex(@"\b[A-Z]{2}[0-9]{2}(?:[A-Z0-9]{11,30}|(?: [A-Z0-9]{4}){2,7}(?: [A-Z0-9]{1,4})?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex IbanRegex();

    [GeneratedRegex(@"(?<first>[A-Za-z0-9])[A-Za-z0-9._%+\-]*@(?<domain>[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,})", RegexOptions.CultureInvariant)]
    private static partial Regex EmailRegex();

    // 13–19 digits, optionally separated by single spaces or dashes, not glued to other digits, letters or decimals.
    [GeneratedRegex(@"(?<![\w.,])\d(?:[ \-]?\d){12,18}(?![\w]|[.,]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex CardRegex();

    // Optional +, then digits with spaces, dashes and parentheses; not part of a word, decimal amount or time.
    [GeneratedRegex(@"(?<![\w+.,:/*])\+?\(?\d[\d \-()]{4,}\d(?![\w*]|[.,:/]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneRegex();

    [GeneratedRegex(@"^\d{4}-\d{1,2}-\d{1,2}$|^\d{1,2}-\d{1,2}-\d{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex DateRegex();

    [GeneratedRegex(@"(?:\b(?:ticket|order|transaction|tx|ref|reference|id|no|nr)\.?|#)\s*[:#]?\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ReferencePrefixRegex();
}
