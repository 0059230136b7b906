using System.Globalization;
using System.Text;

namespace BotHost.Bot;

/// <summary>Cues that make the bot hand off regardless of intent: an explicit request for a person, visible frustration.</summary>
public static class Signals
{
    // Safety net beside the human_agent intent: in a short message these words are a request for a person in any of
    // our languages. In a longer one they are as often just mentioned ("someone claiming to be your staff asked for my
    // code"), and the classifier, which reads the whole sentence, decides.
    private const int MaxWordsForHumanWords = 6;

    private static readonly string[] HumanWords =
    [
        "human", "operator", "live agent", "real person", "consultant", "talk to a person", "talk to someone",
        "оператор", "живой человек", "живого человека", "консультант", "сотрудник",
        "konsultant", "konsultanta", "człowiek", "czlowiek", "operatora",
        "nhân viên", "nhan vien", "tư vấn viên", "tu van vien", "người thật", "nguoi that",
    ];

    // Insults only. Fraud words ("scam", "мошенник", "lừa đảo") are how players ask about phishing and fake mirrors;
    // an accusation of fraud is a complaint, which the classifier routes to a person anyway.
    private static readonly string[] Insults =
    [
        "idiot", "stupid", "useless", "fuck", "shit", "crap", "thieves",
        "идиот", "тупой", "бесполезн", "бля", "хрен",
        "idiota", "głupi", "glupi", "bezużyteczn", "kurwa", "złodzieje",
        "ngu", "vô dụng", "vo dung", "đồ tồi", "vcl",
    ];

    public static bool AsksForHuman(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length > MaxWordsForHumanWords)
        {
            return false;
        }

        var folded = text.ToLowerInvariant();
        return HumanWords.Any(w => ContainsWord(folded, w));
    }

    /// <summary>All caps (at least 8 letters, 80 % upper case) or an insult.</summary>
    public static bool IsFrustrated(string text)
    {
        var letters = text.Where(char.IsLetter).ToList();
        if (letters.Count >= 8 && letters.Count(char.IsUpper) >= letters.Count * 0.8)
        {
            return true;
        }

        var folded = text.ToLowerInvariant();
        return Insults.Any(w => ContainsWord(folded, w));
    }

    /// <summary>Lower-case letters and digits only, for spotting the same question asked again.</summary>
    public static string Fingerprint(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static bool ContainsWord(string text, string word)
    {
        var index = text.IndexOf(word, StringComparison.Ordinal);
        while (index >= 0)
        {
            var startOk = index == 0 || !char.IsLetter(text[index - 1]);
            // Stems ("бесполезн") may continue; whole short words must end at a boundary.
            var end = index + word.Length;
            var endOk = word.Length >= 6 || end == text.Length || !char.IsLetter(text[end]);
            if (startOk && endOk)
            {
                return true;
            }

            index = text.IndexOf(word, index + 1, StringComparison.Ordinal);
        }

        return false;
    }
}
