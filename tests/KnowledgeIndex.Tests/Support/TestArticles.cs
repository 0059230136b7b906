using KnowledgeIndex.Indexing;

namespace KnowledgeIndex.Tests.Support;

/// <summary>A small fixed knowledge base in four languages with look-alike topics (deposit vs withdrawal).</summary>
internal static class TestArticles
{
    /// <summary>A well-formed article file, <c>en/withdrawal_how.md</c>.</summary>
    public const string WithdrawalHowFile = """
        ---
        id: withdrawal_how
        intent: withdrawal_how
        language: en
        title: How to withdraw your winnings
        tags: [payments, withdrawal]
        questions:
          - how do i withdraw my money
          - cash out winnings to my card?
        ---
        Open **Cashier**, then *Withdraw*.
        """;

    public static IReadOnlyList<FaqArticle> All { get; } =
    [
        new ArticleBuilder("withdrawal_how", "en").Intent("withdrawal_how").Title("How to withdraw your winnings")
            .Tags("payments", "withdrawal")
            .Questions("how do i withdraw my money", "cash out winnings to my card")
            .Body("Open **Cashier → Withdraw**, choose a method and enter the amount.\n\nWithdrawals go back to the method you deposited with.")
            .Build(),
        new ArticleBuilder("deposit_methods", "en").Intent("deposit_methods").Title("How to deposit")
            .Tags("payments", "deposit")
            .Questions("how do i deposit money", "which payment methods can i use to top up")
            .Body("Open **Cashier → Deposit** and pick a card, e-wallet or bank transfer. The minimum deposit is 10 EUR.")
            .Build(),
        new ArticleBuilder("password_reset", "en").Intent("password_reset").Title("Reset a forgotten password")
            .Tags("account")
            .Questions("i forgot my password", "reset link does not arrive")
            .Body("Click **Forgot password** on the login page; we e-mail you a reset link valid for one hour.")
            .Build(),
        new ArticleBuilder("withdrawal_how", "pl").Intent("withdrawal_how").Title("Jak wypłacić wygraną")
            .Tags("płatności")
            .Questions("jak wypłacić pieniądze", "wypłata środków na kartę")
            .Body("Otwórz **Kasa → Wypłata**, wybierz metodę i wpisz kwotę.")
            .Build(),
        new ArticleBuilder("deposit_methods", "pl").Intent("deposit_methods").Title("Jak wpłacić pieniądze")
            .Tags("płatności")
            .Questions("jak zrobić wpłatę", "jakie metody płatności są dostępne")
            .Body("Otwórz **Kasa → Wpłata** i wybierz kartę lub przelew bankowy.")
            .Build(),
        new ArticleBuilder("withdrawal_how", "ru").Intent("withdrawal_how").Title("Как вывести выигрыш")
            .Tags("платежи")
            .Questions("как вывести деньги", "вывод средств на карту")
            .Body("Откройте **Касса → Вывод**, выберите способ и введите сумму.")
            .Build(),
        new ArticleBuilder("deposit_methods", "ru").Intent("deposit_methods").Title("Как пополнить счёт")
            .Tags("платежи")
            .Questions("как пополнить баланс", "какие способы пополнения есть")
            .Body("Откройте **Касса → Пополнение** и выберите карту или электронный кошелёк.")
            .Build(),
        new ArticleBuilder("withdrawal_how", "vi").Intent("withdrawal_how").Title("Cách rút tiền thắng cược")
            .Tags("thanh toán")
            .Questions("làm sao để rút tiền", "rút tiền về thẻ ngân hàng")
            .Body("Mở **Thu ngân → Rút tiền**, chọn phương thức và nhập số tiền.")
            .Build(),
        new ArticleBuilder("deposit_methods", "vi").Intent("deposit_methods").Title("Cách nạp tiền")
            .Tags("thanh toán")
            .Questions("làm sao để nạp tiền", "nạp tiền bằng ví điện tử")
            .Body("Mở **Thu ngân → Nạp tiền** và chọn thẻ hoặc ví điện tử.")
            .Build(),
    ];
}
