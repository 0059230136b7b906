using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Handoff.Masking;

namespace BotHost.Identity;

/// <summary>
/// The shape of an account-linking code: 8 characters of Crockford base32 (no I, L, O or U), shown as
/// <c>K7QM-4XPD</c>, read back case-insensitively, without regard to dashes or spaces, with O/I/L taken as 0/1/1.
/// Also finds a code in what a player wrote (<c>link K7QM-4XPD</c>) and masks it, because a code is a credential.
/// </summary>
public static partial class LinkCode
{
    public const int Length = 8;
    public const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    /// <summary>What the stored transcript shows instead of a code.</summary>
    public const string Masked = "****-****";

    /// <summary>A new code (normalised, without the dash): 40 bits from the system's cryptographic generator.</summary>
    public static string Generate()
    {
        Span<char> code = stackalloc char[Length];
        for (var i = 0; i < code.Length; i++)
        {
            code[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return new string(code);
    }

    /// <summary>The code as people read and type it: <c>K7QM-4XPD</c>.</summary>
    public static string Format(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return code.Length == Length ? $"{code[..4]}-{code[4..]}" : code;
    }

    /// <summary>The normalised code a player typed, or null when it cannot be a code.</summary>
    public static string? Normalize(string? typed)
    {
        if (typed is null || typed.Length > 32)
        {
            return null;
        }

        var builder = new StringBuilder(Length);
        foreach (var c in typed)
        {
            if (c is '-' or ' ' or '\t')
            {
                continue;
            }

            var upper = char.ToUpperInvariant(c) switch
            {
                'O' => '0',
                'I' or 'L' => '1',
                var other => other,
            };
            if (!Alphabet.Contains(upper, StringComparison.Ordinal) || builder.Length == Length)
            {
                return null;
            }

            builder.Append(upper);
        }

        return builder.Length == Length ? builder.ToString() : null;
    }

    /// <summary>
    /// <c>link K7QM-4XPD</c> (or <c>привязать</c>, <c>połącz</c>, <c>liên kết</c>): the message asks to link an account.
    /// The code as typed is returned even when it is malformed, so the player hears that it did not work.
    /// </summary>
    public static bool TryParseCommand(string? text, out string typedCode)
    {
        // Vietnamese may arrive decomposed (e + combining marks); the verbs are matched composed.
        var match = text is null ? null : CommandRegex().Match(text.Normalize(NormalizationForm.FormC));
        typedCode = match is { Success: true } ? match.Groups["code"].Value : "";
        return typedCode.Length > 0;
    }

    /// <summary>The language of a localised link verb (<c>привязать</c> → ru); null for <c>link</c> or a bare code.</summary>
    public static string? VerbLanguage(string? text)
    {
        var match = text is null ? null : VerbRegex().Match(text.Normalize(NormalizationForm.FormC));
        return match is not { Success: true } ? null
            : match.Groups["ru"].Success ? "ru"
            : match.Groups["pl"].Success ? "pl"
            : "vi";
    }

    /// <summary>A message that is nothing but a code in its displayed form (<c>K7QM-4XPD</c>).</summary>
    public static bool IsBareCode(string? text) => text is not null && BareRegex().IsMatch(text) && Normalize(text) is not null;

    /// <summary><paramref name="text"/> with every occurrence of <paramref name="typedCode"/> (any case, dashes or spaces) masked.</summary>
    public static string MaskIn(string text, string typedCode)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(typedCode);
        return Pattern(typedCode).Replace(text, Masked);
    }

    /// <summary>The channel payload with the code masked wherever it carries the player's text (see <see cref="PayloadText"/>).</summary>
    public static string? MaskInPayload(string? payloadJson, string typedCode)
    {
        ArgumentException.ThrowIfNullOrEmpty(typedCode);
        var pattern = Pattern(typedCode);
        return PayloadText.Map(payloadJson, text => pattern.Replace(text, Masked));
    }

    // The typed characters in order, with any dashes or spaces between them, not inside a longer word or id.
    private static Regex Pattern(string typedCode)
    {
        var chars = typedCode.Where(char.IsLetterOrDigit).Select(c => Regex.Escape(c.ToString()));
        return new Regex($@"(?<![\p{{L}}\p{{N}}])(?:{string.Join(@"[\s\-]*", chars)})(?![\p{{L}}\p{{N}}])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    // The verb, then one or two groups of letters/digits (K7QM-4XPD, k7qm 4xpd, K7QM4XPD), and nothing else.
    [GeneratedRegex(@"^\s*(?:link|привязать|połącz|polacz|liên\s+kết|lien\s+ket)\s*:?\s+(?<code>[0-9A-Za-z]{1,16}(?:[\s\-]+[0-9A-Za-z]{1,16})?)[\s.!]*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CommandRegex();

    [GeneratedRegex(@"^\s*(?:(?<ru>привязать)|(?<pl>połącz|polacz)|(?<vi>liên\s+kết|lien\s+ket))(?=[\s:])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VerbRegex();

    [GeneratedRegex(@"^\s*[0-9A-Za-z]{4}-[0-9A-Za-z]{4}\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex BareRegex();
}
