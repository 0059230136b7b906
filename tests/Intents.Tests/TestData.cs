using Intents.Training;

namespace Intents.Tests;

/// <summary>A tiny fixed multilingual training set: four intents in en, ru, pl and vi (with and without diacritics).</summary>
internal static class TestData
{
    public static IReadOnlyList<TrainingExample> Examples { get; } = Build();

    private static List<TrainingExample> Build()
    {
        var rows = new (string Intent, string Language, string[] Texts)[]
        {
            ("withdrawal", "en", ["how do i withdraw my money", "withdraw funds to my card", "i want to cash out my winnings", "how long does a withdrawal take", "where is my withdrawal", "can i withdraw to my bank account", "withdrawal pending for two days", "how to get my money out"]),
            ("deposit", "en", ["how do i deposit money", "deposit with a credit card", "my deposit did not arrive", "how can i top up my account", "which payment methods can i use to deposit", "minimum deposit amount", "add funds to my balance", "deposit with paypal"]),
            ("password_reset", "en", ["i forgot my password", "reset my password please", "how do i change my password", "password reset link does not work", "i can not remember my password", "send me a new password", "change password", "my password is not accepted"]),
            ("greeting", "en", ["hello", "hi there", "good morning", "hey", "hello is anyone there", "hi", "good evening", "hey there how are you"]),
            ("withdrawal", "ru", ["как вывести деньги", "вывод средств на карту", "хочу вывести выигрыш", "сколько идет вывод", "где мой вывод денег", "можно вывести на банковский счет", "вывод в ожидании два дня", "как забрать свои деньги"]),
            ("deposit", "ru", ["как пополнить счет", "пополнение картой", "мой депозит не пришел", "как внести деньги на счет", "какие способы пополнения есть", "минимальная сумма депозита", "пополнить баланс", "депозит через киви"]),
            ("password_reset", "ru", ["я забыл пароль", "сбросьте мой пароль", "как сменить пароль", "ссылка для сброса пароля не работает", "не помню пароль", "пришлите новый пароль", "смена пароля", "мой пароль не принимается"]),
            ("greeting", "ru", ["привет", "здравствуйте", "доброе утро", "добрый день", "привет есть кто", "здрасте", "добрый вечер", "приветствую вас"]),
            ("withdrawal", "pl", ["jak wypłacić pieniądze", "wypłata na kartę", "chcę wypłacić wygraną", "ile trwa wypłata", "gdzie jest moja wypłata", "czy mogę wypłacić na konto bankowe", "wyplata czeka dwa dni", "jak wyplacic pieniadze z konta"]),
            ("deposit", "pl", ["jak wpłacić pieniądze", "wpłata kartą kredytową", "moja wpłata nie dotarła", "jak doładować konto", "jakie są metody wpłaty", "minimalna kwota wpłaty", "doladowanie salda", "wplata przez blik"]),
            ("password_reset", "pl", ["zapomniałem hasła", "zresetuj moje hasło", "jak zmienić hasło", "link do resetu hasła nie działa", "nie pamiętam hasła", "wyślijcie nowe hasło", "zmiana hasla", "moje haslo nie dziala"]),
            ("greeting", "pl", ["cześć", "dzień dobry", "witam", "hej", "czesc jest ktos", "siema", "dobry wieczór", "witam serdecznie"]),
            ("withdrawal", "vi", ["làm sao để rút tiền", "rút tiền về thẻ", "tôi muốn rút tiền thắng", "rút tiền mất bao lâu", "tiền rút của tôi đâu", "có thể rút về tài khoản ngân hàng không", "rut tien cho hai ngay roi", "lam sao rut tien ve"]),
            ("deposit", "vi", ["làm sao để nạp tiền", "nạp tiền bằng thẻ tín dụng", "tiền nạp chưa vào tài khoản", "nạp tiền vào tài khoản thế nào", "có những cách nạp tiền nào", "số tiền nạp tối thiểu", "nap tien vao so du", "nap tien qua momo"]),
            ("password_reset", "vi", ["tôi quên mật khẩu", "đặt lại mật khẩu giúp tôi", "đổi mật khẩu thế nào", "link đặt lại mật khẩu không hoạt động", "không nhớ mật khẩu", "gửi mật khẩu mới cho tôi", "doi mat khau", "mat khau khong dung"]),
            ("greeting", "vi", ["xin chào", "chào bạn", "chào buổi sáng", "alo", "xin chao co ai khong", "chao ban", "chào buổi tối", "xin chào shop"]),
        };

        return rows.SelectMany(r => r.Texts.Select(t => new TrainingExample(t, r.Intent, r.Language))).ToList();
    }
}
