using System.Collections.Frozen;
using System.Globalization;

namespace BotHost.Bot;

/// <summary>The bot's own sentences in each supported language; English is the fallback.</summary>
public static class BotTexts
{
    public static readonly IReadOnlyList<string> Languages = ["en", "ru", "pl", "vi"];

    private static readonly FrozenDictionary<string, FrozenDictionary<string, string>> Texts =
        new Dictionary<string, FrozenDictionary<string, string>>
        {
            ["en"] = new Dictionary<string, string>
            {
                ["welcome"] = "Hi! I'm the support assistant. Ask me about deposits, withdrawals, verification, bonuses or bets — or ask for a person at any time.",
                ["clarify"] = "I want to get this right. Did you mean one of these?",
                ["search_offer"] = "This article may answer your question:",
                ["did_it_help"] = "Did this help?",
                ["yes"] = "Yes",
                ["no"] = "No",
                ["feedback_yes"] = "Great, glad it helped! Anything else?",
                ["feedback_no"] = "Sorry about that. Could you describe it in other words, or shall I connect you with a person?",
                ["not_understood"] = "Sorry, I didn't catch that. Could you put it another way? I can also connect you with a person.",
                ["out_of_scope"] = "That's outside what I can help with here. I answer questions about this site: payments, bonuses, bets, games and your account. I can also connect you with a person.",
                ["talk_to_person"] = "Talk to a person",
                ["handoff_started"] = "I'm connecting you with a member of our support team. Your ticket is **#{0}** — you won't need to repeat anything. Expected wait: about {1} min.",
                ["handoff_closed"] = "Our team for this topic is offline right now. Your ticket **#{0}** is in the queue and an agent will reply by **{1}**. You can keep writing here — everything is added to your ticket.",
                ["still_waiting"] = "You're still in the queue — an agent will be with you shortly. Everything you write is added to your ticket.",
                ["agent_joined"] = "**{0}** from our support team has joined the conversation.",
                ["transferred"] = "I've passed your conversation to a specialist team; they can see everything so far.",
                ["resolved_rate"] = "The agent has closed this conversation. How would you rate the help you got, from 1 (poor) to 5 (excellent)?",
                ["rating_thanks"] = "Thank you for your rating! If you'd like, write a short comment — or just ask me anything.",
                ["comment_thanks"] = "Thanks, your comment has been passed on.",
                ["sign_in_needed"] = "To show your personal account details I need to know it's you. Please **sign in on our website** and open the chat there, or link your account with the one-time code from *Profile → Linked apps*.",
                ["account_unavailable"] = "I can't reach the account system right now, sorry. Please try again in a few minutes — or ask for a person and an agent will check it for you.",
                ["error_apology"] = "Sorry, something went wrong on my side. Let's start again — what can I help you with?",
                ["unsupported_media"] = "I can only read text messages. Please describe your question in words.",
                ["too_long"] = "That message is too long for me to read at once. Please send it in shorter parts.",
                ["balance"] = "Your balance is **{0}**{1}.",
                ["bonus_balance"] = " (including bonus money: {0})",
                ["withdrawal_pending"] = "Your withdrawal of **{0}** to {1}, requested on {2}, is **{3}**. Expected payout by **{4}**.",
                ["withdrawal_status_pending"] = "waiting for review",
                ["withdrawal_status_approved"] = "approved",
                ["withdrawal_status_processing"] = "being paid out",
                ["withdrawal_status_on_hold"] = "on hold for a check",
                ["withdrawal_overdue"] = "This is later than it should be. I can connect you with our payments team to check it.",
                ["withdrawal_none"] = "You have no pending withdrawals. Completed withdrawals are listed under *Cashier → History*.",
                ["verification_verified"] = "Your account is **fully verified**. Withdrawals are not held up by verification.",
                ["verification_pending"] = "Your documents are **being reviewed** (usually within 48 hours).",
                ["verification_missing"] = "Your verification is **not complete**. Still needed: {0}. Upload them under *Profile → Verification*.",
                ["wagering"] = "Bonus **{0}**: wagered {1} of {2} — **{3} left** to wager by **{4}**.",
                ["wagering_none"] = "You have no active bonus with wagering requirements.",
                ["handoff_external"] = "Connecting you with a person…",
                ["agent_unavailable_failed"] = "I couldn't reach an agent just now: {0}. I'm still here to help.",
            }.ToFrozenDictionary(),
            ["ru"] = new Dictionary<string, string>
            {
                ["welcome"] = "Здравствуйте! Я помощник службы поддержки. Спросите о депозитах, выводе средств, верификации, бонусах или ставках — или попросите оператора в любой момент.",
                ["clarify"] = "Хочу ответить точно. Вы имели в виду одно из этого?",
                ["search_offer"] = "Возможно, на ваш вопрос отвечает эта статья:",
                ["did_it_help"] = "Это помогло?",
                ["yes"] = "Да",
                ["no"] = "Нет",
                ["feedback_yes"] = "Отлично, рад помочь! Что-нибудь ещё?",
                ["feedback_no"] = "Жаль. Опишите вопрос другими словами — или соединить вас с сотрудником?",
                ["not_understood"] = "Извините, я не понял. Можете сформулировать иначе? Я также могу соединить вас с сотрудником.",
                ["out_of_scope"] = "С этим я здесь не помогу. Я отвечаю на вопросы о нашем сайте: платежи, бонусы, ставки, игры и ваш аккаунт. Могу также соединить вас с сотрудником.",
                ["talk_to_person"] = "Связаться с оператором",
                ["handoff_started"] = "Соединяю вас с сотрудником службы поддержки. Номер обращения — **#{0}**, повторять ничего не придётся. Ожидание: около {1} мин.",
                ["handoff_closed"] = "Команда по этой теме сейчас не работает. Обращение **#{0}** в очереди, сотрудник ответит до **{1}**. Можете продолжать писать — всё добавится к обращению.",
                ["still_waiting"] = "Вы всё ещё в очереди — сотрудник скоро подключится. Всё, что вы пишете, добавляется к обращению.",
                ["agent_joined"] = "К разговору подключился сотрудник поддержки **{0}**.",
                ["transferred"] = "Я передал ваш разговор профильной команде; они видят всю переписку.",
                ["resolved_rate"] = "Сотрудник завершил разговор. Оцените, пожалуйста, помощь от 1 (плохо) до 5 (отлично).",
                ["rating_thanks"] = "Спасибо за оценку! Если хотите, напишите короткий комментарий — или задайте любой вопрос.",
                ["comment_thanks"] = "Спасибо, ваш комментарий передан.",
                ["sign_in_needed"] = "Чтобы показать данные вашего счёта, мне нужно убедиться, что это вы. **Войдите на сайт** и откройте чат там или привяжите аккаунт одноразовым кодом из раздела *Профиль → Привязанные приложения*.",
                ["account_unavailable"] = "Сейчас не удаётся связаться с системой счетов, извините. Попробуйте через несколько минут — или попросите оператора, и сотрудник проверит.",
                ["error_apology"] = "Извините, у меня что-то пошло не так. Давайте начнём сначала — чем могу помочь?",
                ["unsupported_media"] = "Я понимаю только текстовые сообщения. Опишите, пожалуйста, вопрос словами.",
                ["too_long"] = "Сообщение слишком длинное. Пожалуйста, отправьте его частями.",
                ["balance"] = "Ваш баланс: **{0}**{1}.",
                ["bonus_balance"] = " (в том числе бонусные средства: {0})",
                ["withdrawal_pending"] = "Ваш вывод **{0}** на {1}, запрошенный {2}, — статус: **{3}**. Ожидаемая выплата до **{4}**.",
                ["withdrawal_status_pending"] = "ожидает проверки",
                ["withdrawal_status_approved"] = "одобрен",
                ["withdrawal_status_processing"] = "в процессе выплаты",
                ["withdrawal_status_on_hold"] = "приостановлен для проверки",
                ["withdrawal_overdue"] = "Срок уже прошёл. Могу соединить вас с платёжным отделом, чтобы проверить.",
                ["withdrawal_none"] = "У вас нет выводов в обработке. Завершённые выводы — в разделе *Касса → История*.",
                ["verification_verified"] = "Ваш аккаунт **полностью верифицирован**. Верификация не задерживает выводы.",
                ["verification_pending"] = "Ваши документы **на проверке** (обычно до 48 часов).",
                ["verification_missing"] = "Верификация **не завершена**. Ещё нужно: {0}. Загрузите в разделе *Профиль → Верификация*.",
                ["wagering"] = "Бонус **{0}**: отыграно {1} из {2} — осталось **{3}** до **{4}**.",
                ["wagering_none"] = "У вас нет активных бонусов с условиями отыгрыша.",
                ["handoff_external"] = "Соединяю с сотрудником…",
                ["agent_unavailable_failed"] = "Не удалось связаться с сотрудником: {0}. Я по-прежнему готов помочь.",
            }.ToFrozenDictionary(),
            ["pl"] = new Dictionary<string, string>
            {
                ["welcome"] = "Cześć! Jestem asystentem obsługi klienta. Zapytaj o wpłaty, wypłaty, weryfikację, bonusy lub zakłady — albo w każdej chwili poproś o konsultanta.",
                ["clarify"] = "Chcę dobrze zrozumieć. Czy chodzi o jedno z tych?",
                ["search_offer"] = "Ten artykuł może odpowiedzieć na Twoje pytanie:",
                ["did_it_help"] = "Czy to pomogło?",
                ["yes"] = "Tak",
                ["no"] = "Nie",
                ["feedback_yes"] = "Świetnie, cieszę się! Coś jeszcze?",
                ["feedback_no"] = "Przykro mi. Opiszesz to innymi słowami, czy połączyć Cię z konsultantem?",
                ["not_understood"] = "Przepraszam, nie zrozumiałem. Możesz napisać to inaczej? Mogę też połączyć Cię z konsultantem.",
                ["out_of_scope"] = "Z tym niestety nie pomogę. Odpowiadam na pytania o naszą stronę: płatności, bonusy, zakłady, gry i Twoje konto. Mogę też połączyć Cię z konsultantem.",
                ["talk_to_person"] = "Porozmawiaj z konsultantem",
                ["handoff_started"] = "Łączę Cię z konsultantem. Numer zgłoszenia: **#{0}** — nie musisz niczego powtarzać. Szacowany czas oczekiwania: ok. {1} min.",
                ["handoff_closed"] = "Zespół od tego tematu jest teraz niedostępny. Zgłoszenie **#{0}** czeka w kolejce, konsultant odpowie do **{1}**. Możesz dalej pisać — wszystko trafi do zgłoszenia.",
                ["still_waiting"] = "Nadal jesteś w kolejce — konsultant wkrótce dołączy. Wszystko, co napiszesz, trafia do zgłoszenia.",
                ["agent_joined"] = "Do rozmowy dołączył(a) **{0}** z zespołu obsługi.",
                ["transferred"] = "Przekazałem rozmowę do wyspecjalizowanego zespołu; widzą całą dotychczasową rozmowę.",
                ["resolved_rate"] = "Konsultant zakończył rozmowę. Jak oceniasz pomoc w skali od 1 (słabo) do 5 (świetnie)?",
                ["rating_thanks"] = "Dziękujemy za ocenę! Jeśli chcesz, dodaj krótki komentarz — albo zadaj dowolne pytanie.",
                ["comment_thanks"] = "Dziękujemy, komentarz został przekazany.",
                ["sign_in_needed"] = "Aby pokazać dane Twojego konta, muszę wiedzieć, że to Ty. **Zaloguj się na stronie** i otwórz tam czat lub połącz konto jednorazowym kodem z *Profil → Połączone aplikacje*.",
                ["account_unavailable"] = "Nie mogę teraz połączyć się z systemem kont, przepraszam. Spróbuj za kilka minut — albo poproś o konsultanta, który to sprawdzi.",
                ["error_apology"] = "Przepraszam, coś poszło nie tak po mojej stronie. Zacznijmy od nowa — w czym mogę pomóc?",
                ["unsupported_media"] = "Rozumiem tylko wiadomości tekstowe. Opisz proszę swoje pytanie słowami.",
                ["too_long"] = "Ta wiadomość jest za długa. Wyślij ją proszę w krótszych częściach.",
                ["balance"] = "Twoje saldo to **{0}**{1}.",
                ["bonus_balance"] = " (w tym środki bonusowe: {0})",
                ["withdrawal_pending"] = "Twoja wypłata **{0}** na {1}, zlecona {2}, ma status **{3}**. Przewidywana wypłata do **{4}**.",
                ["withdrawal_status_pending"] = "oczekuje na weryfikację",
                ["withdrawal_status_approved"] = "zatwierdzona",
                ["withdrawal_status_processing"] = "w trakcie realizacji",
                ["withdrawal_status_on_hold"] = "wstrzymana do sprawdzenia",
                ["withdrawal_overdue"] = "Termin już minął. Mogę połączyć Cię z działem płatności, aby to sprawdzić.",
                ["withdrawal_none"] = "Nie masz oczekujących wypłat. Zakończone wypłaty znajdziesz w *Kasa → Historia*.",
                ["verification_verified"] = "Twoje konto jest **w pełni zweryfikowane**. Weryfikacja nie wstrzymuje wypłat.",
                ["verification_pending"] = "Twoje dokumenty są **w trakcie sprawdzania** (zwykle do 48 godzin).",
                ["verification_missing"] = "Weryfikacja **nie jest zakończona**. Brakuje: {0}. Prześlij je w *Profil → Weryfikacja*.",
                ["wagering"] = "Bonus **{0}**: obrócono {1} z {2} — pozostało **{3}** do **{4}**.",
                ["wagering_none"] = "Nie masz aktywnego bonusu z wymogiem obrotu.",
                ["handoff_external"] = "Łączę z konsultantem…",
                ["agent_unavailable_failed"] = "Nie udało się teraz połączyć z konsultantem: {0}. Nadal mogę pomóc.",
            }.ToFrozenDictionary(),
            ["vi"] = new Dictionary<string, string>
            {
                ["welcome"] = "Xin chào! Tôi là trợ lý hỗ trợ. Hãy hỏi tôi về nạp tiền, rút tiền, xác minh tài khoản, khuyến mãi hoặc cá cược — hoặc yêu cầu gặp nhân viên bất cứ lúc nào.",
                ["clarify"] = "Tôi muốn trả lời chính xác. Bạn muốn hỏi về một trong những chủ đề này?",
                ["search_offer"] = "Bài viết này có thể trả lời câu hỏi của bạn:",
                ["did_it_help"] = "Thông tin này có hữu ích không?",
                ["yes"] = "Có",
                ["no"] = "Không",
                ["feedback_yes"] = "Tuyệt vời, rất vui vì đã giúp được bạn! Bạn cần gì thêm không?",
                ["feedback_no"] = "Rất tiếc. Bạn có thể diễn đạt lại, hoặc tôi kết nối bạn với nhân viên nhé?",
                ["not_understood"] = "Xin lỗi, tôi chưa hiểu. Bạn có thể nói cách khác không? Tôi cũng có thể kết nối bạn với nhân viên.",
                ["out_of_scope"] = "Việc này nằm ngoài phạm vi tôi có thể hỗ trợ ở đây. Tôi trả lời các câu hỏi về trang này: nạp và rút tiền, khuyến mãi, cược, trò chơi và tài khoản của bạn. Tôi cũng có thể kết nối bạn với nhân viên hỗ trợ.",
                ["talk_to_person"] = "Gặp nhân viên hỗ trợ",
                ["handoff_started"] = "Tôi đang kết nối bạn với nhân viên hỗ trợ. Mã yêu cầu của bạn là **#{0}** — bạn không cần nhắc lại gì cả. Thời gian chờ dự kiến: khoảng {1} phút.",
                ["handoff_closed"] = "Bộ phận phụ trách chủ đề này hiện đang ngoài giờ làm việc. Yêu cầu **#{0}** đang chờ và nhân viên sẽ trả lời trước **{1}**. Bạn cứ tiếp tục nhắn — mọi tin nhắn đều được thêm vào yêu cầu.",
                ["still_waiting"] = "Bạn vẫn đang trong hàng chờ — nhân viên sẽ sớm tham gia. Mọi tin nhắn của bạn đều được thêm vào yêu cầu.",
                ["agent_joined"] = "Nhân viên hỗ trợ **{0}** đã tham gia cuộc trò chuyện.",
                ["transferred"] = "Tôi đã chuyển cuộc trò chuyện tới bộ phận chuyên trách; họ có thể xem toàn bộ nội dung.",
                ["resolved_rate"] = "Nhân viên đã kết thúc cuộc trò chuyện. Bạn đánh giá sự hỗ trợ thế nào, từ 1 (kém) đến 5 (rất tốt)?",
                ["rating_thanks"] = "Cảm ơn bạn đã đánh giá! Nếu muốn, hãy viết một nhận xét ngắn — hoặc hỏi tôi bất cứ điều gì.",
                ["comment_thanks"] = "Cảm ơn, nhận xét của bạn đã được chuyển đi.",
                ["sign_in_needed"] = "Để xem thông tin tài khoản, tôi cần xác nhận đó là bạn. Vui lòng **đăng nhập trên trang web** và mở chat tại đó, hoặc liên kết tài khoản bằng mã một lần trong *Hồ sơ → Ứng dụng liên kết*.",
                ["account_unavailable"] = "Hiện tôi không kết nối được với hệ thống tài khoản, xin lỗi bạn. Vui lòng thử lại sau vài phút — hoặc yêu cầu gặp nhân viên để được kiểm tra.",
                ["error_apology"] = "Xin lỗi, đã có lỗi xảy ra từ phía tôi. Hãy bắt đầu lại — tôi có thể giúp gì cho bạn?",
                ["unsupported_media"] = "Tôi chỉ đọc được tin nhắn văn bản. Vui lòng mô tả câu hỏi bằng chữ.",
                ["too_long"] = "Tin nhắn quá dài. Vui lòng gửi thành nhiều phần ngắn hơn.",
                ["balance"] = "Số dư của bạn là **{0}**{1}.",
                ["bonus_balance"] = " (bao gồm tiền thưởng: {0})",
                ["withdrawal_pending"] = "Yêu cầu rút **{0}** về {1}, tạo ngày {2}, có trạng thái **{3}**. Dự kiến nhận tiền trước **{4}**.",
                ["withdrawal_status_pending"] = "chờ duyệt",
                ["withdrawal_status_approved"] = "đã duyệt",
                ["withdrawal_status_processing"] = "đang chi trả",
                ["withdrawal_status_on_hold"] = "tạm giữ để kiểm tra",
                ["withdrawal_overdue"] = "Yêu cầu này đã quá hạn. Tôi có thể kết nối bạn với bộ phận thanh toán để kiểm tra.",
                ["withdrawal_none"] = "Bạn không có yêu cầu rút tiền nào đang chờ. Các giao dịch đã hoàn tất nằm trong *Thu ngân → Lịch sử*.",
                ["verification_verified"] = "Tài khoản của bạn đã **được xác minh đầy đủ**. Việc rút tiền không bị ảnh hưởng.",
                ["verification_pending"] = "Giấy tờ của bạn **đang được xét duyệt** (thường trong vòng 48 giờ).",
                ["verification_missing"] = "Việc xác minh **chưa hoàn tất**. Còn thiếu: {0}. Tải lên tại *Hồ sơ → Xác minh*.",
                ["wagering"] = "Khuyến mãi **{0}**: đã cược {1} trên {2} — **còn {3}** cần cược trước **{4}**.",
                ["wagering_none"] = "Bạn không có khuyến mãi nào đang yêu cầu cược.",
                ["handoff_external"] = "Đang kết nối bạn với nhân viên…",
                ["agent_unavailable_failed"] = "Hiện không kết nối được với nhân viên: {0}. Tôi vẫn ở đây để giúp bạn.",
            }.ToFrozenDictionary(),
        }.ToFrozenDictionary();

    /// <summary>The sentence for <paramref name="key"/> in <paramref name="language"/>, or English.</summary>
    public static string Get(string language, string key) =>
        (Texts.TryGetValue(Supported(language), out var table) && table.TryGetValue(key, out var text)) ||
        Texts["en"].TryGetValue(key, out text)
            ? text
            : throw new KeyNotFoundException($"No bot text '{key}'.");

    public static string Format(string language, string key, params object?[] args) =>
        string.Format(Culture(language), Get(language, key), args);

    /// <summary>The supported language for a tag ("pl-PL" → "pl"), or English.</summary>
    public static string Supported(string? language)
    {
        if (string.IsNullOrEmpty(language))
        {
            return "en";
        }

        var primary = language.Split('-', '_')[0].ToLowerInvariant();
        return Languages.Contains(primary) ? primary : "en";
    }

    public static CultureInfo Culture(string language) => Supported(language) switch
    {
        "ru" => CultureInfo.GetCultureInfo("ru-RU"),
        "pl" => CultureInfo.GetCultureInfo("pl-PL"),
        "vi" => CultureInfo.GetCultureInfo("vi-VN"),
        _ => CultureInfo.GetCultureInfo("en-GB"),
    };
}
