using System.Globalization;
using BotHost.Bot;

namespace BotHost.Accounts;

/// <summary>Answers to account intents from a verified player's account, in their language and locale formats.</summary>
public static class AccountAnswers
{
    public static readonly IReadOnlySet<string> AccountIntents =
        new HashSet<string>(["balance", "withdrawal_status", "verification_status", "wagering_progress"]);

    private static readonly Dictionary<string, Dictionary<string, string>> DocumentNames = new(StringComparer.Ordinal)
    {
        ["passport"] = new() { ["en"] = "passport", ["ru"] = "паспорт", ["pl"] = "paszport", ["vi"] = "hộ chiếu" },
        ["id card"] = new() { ["en"] = "ID card", ["ru"] = "удостоверение личности", ["pl"] = "dowód osobisty", ["vi"] = "căn cước công dân" },
        ["driving licence"] = new() { ["en"] = "driving licence", ["ru"] = "водительское удостоверение", ["pl"] = "prawo jazdy", ["vi"] = "giấy phép lái xe" },
        ["proof of address"] = new() { ["en"] = "proof of address", ["ru"] = "подтверждение адреса", ["pl"] = "potwierdzenie adresu", ["vi"] = "giấy tờ xác nhận địa chỉ" },
        ["proof of payment"] = new() { ["en"] = "proof of payment method", ["ru"] = "подтверждение способа оплаты", ["pl"] = "potwierdzenie metody płatności", ["vi"] = "giấy tờ xác nhận phương thức thanh toán" },
        ["selfie"] = new() { ["en"] = "selfie with your ID", ["ru"] = "селфи с документом", ["pl"] = "selfie z dokumentem", ["vi"] = "ảnh selfie cầm giấy tờ" },
        ["source of funds"] = new() { ["en"] = "source of funds documents", ["ru"] = "документы об источнике средств", ["pl"] = "dokumenty o źródle środków", ["vi"] = "giấy tờ chứng minh nguồn tiền" },
    };

    /// <summary>The answer text, and whether the player should be offered a person (an overdue withdrawal).</summary>
    public static (string Text, bool OfferPerson) Answer(string intent, AccountSummary account, string language, DateTimeOffset now)
    {
        var culture = BotTexts.Culture(language);
        return intent switch
        {
            "balance" => (BotTexts.Format(language, "balance", Money(account.Balance, account.Currency, culture),
                account.BonusBalance > 0
                    ? BotTexts.Format(language, "bonus_balance", Money(account.BonusBalance, account.Currency, culture))
                    : ""), false),
            "withdrawal_status" => Withdrawals(account, language, culture, now),
            "verification_status" => (account.Verification switch
            {
                VerificationState.Verified => BotTexts.Get(language, "verification_verified"),
                VerificationState.Pending => BotTexts.Get(language, "verification_pending"),
                _ => BotTexts.Format(language, "verification_missing", string.Join(", ", account.MissingDocuments.Select(d => Document(d, language)))),
            }, false),
            "wagering_progress" => (account.Wagering.Count == 0
                ? BotTexts.Get(language, "wagering_none")
                : string.Join("\n\n", account.Wagering.Select(w => BotTexts.Format(language, "wagering", w.BonusName,
                    Money(w.Wagered, account.Currency, culture), Money(w.Required, account.Currency, culture),
                    Money(w.Remaining, account.Currency, culture), Date(w.ExpiresAt, culture)))), false),
            _ => throw new ArgumentOutOfRangeException(nameof(intent), intent, "Not an account intent."),
        };
    }

    private static (string, bool) Withdrawals(AccountSummary account, string language, CultureInfo culture, DateTimeOffset now)
    {
        if (account.PendingWithdrawals.Count == 0)
        {
            return (BotTexts.Get(language, "withdrawal_none"), false);
        }

        var overdue = account.PendingWithdrawals.Any(w => w.ExpectedBy < now);
        var lines = account.PendingWithdrawals.Select(w => BotTexts.Format(language, "withdrawal_pending",
            Money(w.Amount, account.Currency, culture), w.Method, Date(w.RequestedAt, culture), WithdrawalStatus(w.Status, language), Date(w.ExpectedBy, culture)));
        var text = string.Join("\n\n", lines);
        return (overdue ? text + "\n\n" + BotTexts.Get(language, "withdrawal_overdue") : text, overdue);
    }

    public static string Money(decimal amount, string currency, CultureInfo culture)
    {
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        format.CurrencySymbol = currency switch
        {
            "EUR" => "€",
            "USD" => "$",
            "RUB" => "₽",
            "PLN" => "zł",
            "VND" => "₫",
            _ => currency,
        };
        return amount.ToString(currency == "VND" ? "C0" : "C2", format);
    }

    public static string Date(DateTimeOffset value, CultureInfo culture) => value.ToString("d MMMM yyyy", culture);

    /// <summary>
    /// The documented status codes (pending, approved, processing, on_hold; any case, '-' or ' ' for '_') in the
    /// player's language; another code is shown as the operator's API wrote it.
    /// </summary>
    public static string WithdrawalStatus(string status, string language)
    {
        var code = Code(status);
        return code is "pending" or "approved" or "processing" or "on hold" ? BotTexts.Get(language, "withdrawal_status_" + code.Replace(' ', '_')) : status;
    }

    /// <summary>
    /// A missing document in the player's language for the documented names (passport, id card, driving licence,
    /// proof of address, proof of payment, selfie, source of funds; any case); another name is shown as written.
    /// </summary>
    public static string Document(string document, string language) =>
        DocumentNames.TryGetValue(Code(document), out var names) &&
        names.TryGetValue(BotTexts.Supported(language), out var name)
            ? name
            : document;

    /// <summary>An operator API code as looked up here: lower case, '_' and '-' as spaces, runs of spaces as one.</summary>
    private static string Code(string value) =>
        string.Join(' ', value.ToLowerInvariant().Split([' ', '_', '-'], StringSplitOptions.RemoveEmptyEntries));
}
