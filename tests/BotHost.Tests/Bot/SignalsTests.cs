using BotHost.Bot;

namespace BotHost.Tests.Bot;

public sealed class SignalsTests
{
    [Theory]
    [InlineData("operator")]
    [InlineData("live agent please")]
    [InlineData("позовите живого человека")]
    [InlineData("poproszę konsultanta")]
    [InlineData("cho tôi gặp nhân viên")]
    public void AsksForHuman_ShortRequest_True(string text) => Assert.True(Signals.AsksForHuman(text));

    [Theory]
    [InlineData("có người nhắn zalo xưng là nhân viên nhà cái xin mã otp để nhận thưởng, có thật không")]
    [InlineData("someone who said he was a consultant from your team called me and asked for my password")]
    [InlineData("мне позвонил сотрудник казино и попросил код из смс, это правда ваш сотрудник?")]
    public void AsksForHuman_StaffMentionedInALongerQuestion_False(string text) => Assert.False(Signals.AsksForHuman(text));

    [Theory]
    [InlineData("WHERE IS MY MONEY ALREADY")]
    [InlineData("you are useless")]
    [InlineData("вы тупой бот")]
    [InlineData("kurwa, znowu nie działa")]
    public void IsFrustrated_CapsOrInsult_True(string text) => Assert.True(Signals.IsFrustrated(text));

    [Theory]
    [InlineData("someone posted a link to your casino on another domain, is it legit or a scam?")]
    [InlineData("как защитить аккаунт от мошенников")]
    [InlineData("tin nhắn này có phải lừa đảo không")]
    [InlineData("can I dm you my screenshots")]
    public void IsFrustrated_QuestionAboutFraud_False(string text) => Assert.False(Signals.IsFrustrated(text));
}
