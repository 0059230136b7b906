using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using BotHost.Channels.Telegram;
using Handoff.Conversations;
using Handoff.Persistence;

namespace BotHost.Tests.Channels.Telegram;

/// <summary>The channel in webhook mode: setWebhook with the secret at start, the secret checked on every call.</summary>
public sealed class TelegramWebhookTests(TelegramWebhookFixture fixture) : IClassFixture<TelegramWebhookFixture>
{
    [Fact]
    public void Start_WebhookMode_SetsWebhookWithSecret()
    {
        var call = fixture.Proxy.CallsOf("setWebhook").Single();

        Assert.Equal(fixture.BotUrl + "/api/telegram", call.Body["url"]!.GetValue<string>());
        Assert.Equal(TelegramWebhookFixture.Secret, call.Body["secret_token"]!.GetValue<string>());
        Assert.Equal(["message", "callback_query"], call.Body["allowed_updates"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Empty(fixture.Proxy.CallsOf("getUpdates"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("wrong-secret")]
    [InlineData("webhook-secret_012345678")]
    public async Task Post_MissingOrWrongSecret_Returns401(string? secret)
    {
        using var request = Request(Update(900_001, 50_999, "hello"), secret);

        using var response = await fixture.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(await fixture.Host.Get<IHandoffStore>().GetConversationAsync("tg:50999", default));
    }

    [Fact]
    public async Task Post_SameUpdateTwiceWithSecret_IsHandledOnce()
    {
        var user = fixture.NewUser("en");
        var update = Update(900_002, user.ChatId, "how long does a card withdrawal take?");

        using var first = await fixture.Http.SendAsync(Request(update, TelegramWebhookFixture.Secret));
        using var second = await fixture.Http.SendAsync(Request(update, TelegramWebhookFixture.Secret));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        await user.WaitForTextAsync("withdraw", 0);
        await user.SettleAsync(TimeSpan.FromSeconds(1));
        Assert.Single(user.Messages);
        var transcript = await fixture.Host.Get<IHandoffStore>().GetMessagesAsync(user.ConversationId, 0, 100, false, default);
        Assert.Single(transcript, m => m.Sender == MessageSender.Player);
    }

    [Fact]
    public async Task Webhook_UserMessageThroughEmulator_IsAnswered()
    {
        var user = fixture.NewUser("pl");

        await user.SendTextAsync("chcę rozmawiać z konsultantem");

        await user.WaitForTextAsync("#", user.Mark);
        await Eventually.TrueAsync(() => fixture.Proxy.Calls.Any(c => c.Method == "webhook:200"));
    }

    private HttpRequestMessage Request(string json, string? secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, fixture.BotUrl + TelegramApi.WebhookPath)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (secret is not null)
        {
            request.Headers.Add(TelegramApi.SecretHeader, secret);
        }

        return request;
    }

    private static string Update(long updateId, long chatId, string text) => new JsonObject
    {
        ["update_id"] = updateId,
        ["message"] = new JsonObject
        {
            ["message_id"] = 1,
            ["date"] = 1_764_000_000,
            ["from"] = new JsonObject { ["id"] = chatId, ["is_bot"] = false, ["first_name"] = "Ola", ["language_code"] = "en" },
            ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "private" },
            ["text"] = text,
        },
    }.ToJsonString();
}
