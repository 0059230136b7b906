namespace BotHost.Channels.Telegram;

/// <summary>The channel's own sentences (account linking), per supported language; English is the fallback.</summary>
public static class TelegramTexts
{
    private static readonly Dictionary<string, (string Linked, string LinkFailed)> Texts = new(StringComparer.Ordinal)
    {
        ["en"] = ("Your account is now linked to this chat — I can answer questions about your balance, withdrawals and verification here.",
            "That link has expired or was already used. Please create a new one under *Profile → Linked apps* on our website."),
        ["ru"] = ("Ваш аккаунт привязан к этому чату — теперь я могу отвечать здесь на вопросы о балансе, выводе средств и верификации.",
            "Эта ссылка устарела или уже использована. Создайте новую в разделе *Профиль → Привязанные приложения* на сайте."),
        ["pl"] = ("Twoje konto jest teraz połączone z tym czatem — mogę tu odpowiadać na pytania o saldo, wypłaty i weryfikację.",
            "Ten link wygasł lub został już użyty. Utwórz nowy w *Profil → Połączone aplikacje* na naszej stronie."),
        ["vi"] = ("Tài khoản của bạn đã được liên kết với cuộc trò chuyện này — tôi có thể trả lời về số dư, rút tiền và xác minh tại đây.",
            "Liên kết này đã hết hạn hoặc đã được sử dụng. Vui lòng tạo liên kết mới trong *Hồ sơ → Ứng dụng liên kết* trên trang web."),
    };

    public static string Linked(string language) => (Texts.TryGetValue(language, out var t) ? t : Texts["en"]).Linked;

    public static string LinkFailed(string language) => (Texts.TryGetValue(language, out var t) ? t : Texts["en"]).LinkFailed;
}
