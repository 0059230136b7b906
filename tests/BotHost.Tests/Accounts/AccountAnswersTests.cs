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
}
