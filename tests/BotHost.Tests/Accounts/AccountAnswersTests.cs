using BotHost.Accounts;

namespace BotHost.Tests.Accounts;

public sealed class AccountAnswersTests
{
    [Theory]
    [InlineData("processing", "pl", "w trakcie realizacji")]
    [InlineData("On-Hold", "ru", "приостановлен для проверки")]
    [InlineData("ON HOLD", "en", "on hold for a check")]
    [InlineData(" pending ", "vi", "chờ duyệt")]
    [InlineData("sent_to_bank", "pl", "sent_to_bank")]
    public void WithdrawalStatus_DocumentedCodeAnyCase_InThePlayersLanguageElseAsWritten(string status, string language, string expected)
    {
        var text = AccountAnswers.WithdrawalStatus(status, language);

        Assert.Equal(expected, text);
    }

    [Theory]
    [InlineData("proof of address", "pl", "potwierdzenie adresu")]
    [InlineData("ID_Card", "ru", "удостоверение личности")]
    [InlineData("selfie", "vi", "ảnh selfie cầm giấy tờ")]
    [InlineData("utility bill", "ru", "utility bill")]
    public void Document_DocumentedNameAnyCase_InThePlayersLanguageElseAsWritten(string document, string language, string expected)
    {
        var text = AccountAnswers.Document(document, language);

        Assert.Equal(expected, text);
    }
}
