using BotHost.AgentConsole;
using BotHost.Channels.WebChat;
using BotHost.Hosting;
using BotHost.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace BotHost.Tests.Hosting;

public sealed class OptionsTests
{
    [Fact]
    public void DirectLineOptions_Defaults_AsDocumented()
    {
        var sut = new DirectLineOptions();

        Assert.Equal("DirectLine", DirectLineOptions.SectionName);
        Assert.Null(sut.Secret);
        Assert.Equal(3600, sut.TokenLifetimeSeconds);
        Assert.Equal(4000, sut.MaxMessageLength);
        Assert.Equal(256 * 1024, sut.MaxActivityBytes);
    }

    [Fact]
    public void StorageOptions_Defaults_AsDocumented()
    {
        var sut = new StorageOptions();

        Assert.Equal("Storage", StorageOptions.SectionName);
        Assert.Equal(".data", sut.DataDirectory);
        Assert.Null(sut.FaqDirectory);
    }

    [Fact]
    public void AgentConsoleOptions_Defaults_AsDocumented()
    {
        var sut = new AgentConsoleOptions();

        Assert.Equal("AgentConsole", AgentConsoleOptions.SectionName);
        Assert.Empty(sut.Agents);
        Assert.Empty(sut.CannedResponses);
        Assert.Equal(30, sut.AbandonAfterMinutes);
    }

    [Fact]
    public void AccountApiOptions_Defaults_AsDocumented()
    {
        var sut = new BotHost.Accounts.AccountApiOptions();

        Assert.Equal("AccountApi", BotHost.Accounts.AccountApiOptions.SectionName);
        Assert.Null(sut.BaseUrl);
        Assert.Null(sut.ApiKey);
        Assert.Equal(3, sut.TimeoutSeconds);
    }

    [Theory]
    [InlineData("AccountApi:TimeoutSeconds", "0", "TimeoutSeconds")]
    [InlineData("DirectLine:MaxMessageLength", "5", "MaxMessageLength")]
    [InlineData("DirectLine:TokenLifetimeSeconds", "1", "TokenLifetimeSeconds")]
    [InlineData("DirectLine:MaxActivityBytes", "10", "MaxActivityBytes")]
    public void Start_InvalidOptionValue_FailsAtStartup(string key, string value, string member)
    {
        using var factory = new SettingsFactory(key, value);

        var exception = Record.Exception(() => factory.CreateClient());

        var validation = Flatten(exception).OfType<OptionsValidationException>().FirstOrDefault();
        Assert.True(validation is not null, exception?.ToString() ?? "no exception");
        Assert.Contains(member, validation.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<Exception> Flatten(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Flatten))
                {
                    yield return inner;
                }
            }
        }
    }

    private sealed class SettingsFactory(string key, string value) : BotAppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings() => [new(key, value)];
    }
}
