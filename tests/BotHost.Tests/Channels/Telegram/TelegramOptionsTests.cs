using System.ComponentModel.DataAnnotations;
using BotHost.Channels.Telegram;

namespace BotHost.Tests.Channels.Telegram;

public sealed class TelegramOptionsTests
{
    [Fact]
    public void Defaults_AreDocumentedValues()
    {
        var options = new TelegramOptions();

        Assert.Equal("Telegram", TelegramOptions.SectionName);
        Assert.Equal("https://api.telegram.org", options.ApiBaseUrl);
        Assert.Equal(TelegramMode.Polling, options.Mode);
        Assert.Equal(25, options.PollTimeoutSeconds);
        Assert.Equal(30, options.PollLeaseSeconds);
        Assert.Equal(10, options.PollLeaseRenewSeconds);
        Assert.Equal(5000, options.PollLeaseRetryMilliseconds);
        Assert.Null(options.BotToken);
        Assert.False(options.Enabled);
        Assert.Empty(Validate(options));
    }

    [Theory]
    [InlineData(null, "https://bot.example.com")]
    [InlineData("s3cret", null)]
    [InlineData("not a valid secret!", "https://bot.example.com")]
    public void Validate_WebhookModeWithoutSecretOrUrl_Fails(string? secret, string? publicUrl)
    {
        var options = new TelegramOptions { BotToken = "1:x", Mode = TelegramMode.Webhook, WebhookSecret = secret, PublicUrl = publicUrl };

        Assert.NotEmpty(Validate(options));
    }

    [Fact]
    public void Validate_CompleteWebhookSettings_Passes()
    {
        var options = new TelegramOptions { BotToken = "1:x", Mode = TelegramMode.Webhook, WebhookSecret = "s3cret_-", PublicUrl = "https://bot.example.com" };

        Assert.Empty(Validate(options));
    }

    [Theory]
    [InlineData(25, 29, 10)]
    [InlineData(50, 30, 10)]
    [InlineData(5, 30, 16)]
    [InlineData(25, 4, 1)]
    [InlineData(25, 30, 0)]
    public void Validate_PollingLeaseTooShortForTheLongPollOrItsRenewal_Fails(int pollTimeout, int lease, int renew)
    {
        var options = new TelegramOptions { BotToken = "1:x", PollTimeoutSeconds = pollTimeout, PollLeaseSeconds = lease, PollLeaseRenewSeconds = renew };

        Assert.NotEmpty(Validate(options));
    }

    [Fact]
    public void Validate_LongLeaseAndLongPoll_Passes()
    {
        var options = new TelegramOptions { BotToken = "1:x", PollTimeoutSeconds = 50, PollLeaseSeconds = 60, PollLeaseRenewSeconds = 30 };

        Assert.Empty(Validate(options));
    }

    private static List<ValidationResult> Validate(TelegramOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
