namespace BotHost.Identity;

/// <summary>What the bot says about account linking, per supported language; English is the fallback. Channel-neutral.</summary>
public static class LinkingTexts
{
    private static readonly Dictionary<string, (string Linked, string Failed, string SharedRefused)> Texts = new(StringComparer.Ordinal)
    {
        ["en"] = ("Your account is now linked to this chat — I can answer questions about your balance, withdrawals and verification here.",
            "That code is not valid: it has expired or was already used. Please create a new one under *Profile → Linked apps* on our website.",
            "For your security I don't link accounts in a group chat or channel, where others can read along. Create a new code under *Profile → Linked apps* (this one no longer works) and send it to me in a private chat."),
        ["ru"] = ("Ваш аккаунт привязан к этому чату — теперь я могу отвечать здесь на вопросы о балансе, выводе средств и верификации.",
            "Этот код недействителен: он устарел или уже использован. Создайте новый в разделе *Профиль → Привязанные приложения* на сайте.",
            "В целях безопасности я не привязываю аккаунты в групповом чате или канале, где сообщения видят другие. Создайте новый код в разделе *Профиль → Привязанные приложения* (этот больше не действует) и отправьте его мне в личном чате."),
        ["pl"] = ("Twoje konto jest teraz połączone z tym czatem — mogę tu odpowiadać na pytania o saldo, wypłaty i weryfikację.",
            "Ten kod jest nieważny: wygasł lub został już użyty. Utwórz nowy w *Profil → Połączone aplikacje* na naszej stronie.",
            "Ze względów bezpieczeństwa nie łączę kont na czacie grupowym ani na kanale, gdzie inni widzą wiadomości. Utwórz nowy kod w *Profil → Połączone aplikacje* (ten już nie działa) i wyślij mi go na czacie prywatnym."),
        ["vi"] = ("Tài khoản của bạn đã được liên kết với cuộc trò chuyện này — tôi có thể trả lời về số dư, rút tiền và xác minh tại đây.",
            "Mã này không hợp lệ: mã đã hết hạn hoặc đã được sử dụng. Vui lòng tạo mã mới trong *Hồ sơ → Ứng dụng liên kết* trên trang web.",
            "Vì lý do bảo mật, tôi không liên kết tài khoản trong nhóm chat hoặc kênh, nơi người khác có thể đọc tin nhắn. Hãy tạo mã mới trong *Hồ sơ → Ứng dụng liên kết* (mã này không còn dùng được) và gửi cho tôi trong cuộc trò chuyện riêng."),
    };

    public static string Linked(string language) => For(language).Linked;

    public static string Failed(string language) => For(language).Failed;

    /// <summary>Linking was asked for in a conversation several people read; the code has been spent.</summary>
    public static string SharedRefused(string language) => For(language).SharedRefused;

    private static (string Linked, string Failed, string SharedRefused) For(string language) =>
        Texts.TryGetValue(language, out var texts) ? texts : Texts["en"];
}
