using System.Net;
using System.Text.Json.Nodes;
using BotHost.Channels.Teams;
using Handoff.Persistence;

namespace BotHost.Tests.Channels.Teams;

public sealed class BotFrameworkApiTests(TeamsHostFixture host) : IClassFixture<TeamsHostFixture>
{
    private ChannelEmulator Emulator => host.Emulator;

    private async Task<HttpResponseMessage> SendAsync(JsonObject activity, string? jwt) =>
        await host.Client.SendAsync(ActivityBuilder.Post(activity, jwt));

    private Task<HttpResponseMessage> SendSignedAsync(JsonObject activity) =>
        SendAsync(activity, Emulator.Sign(Emulator.ServiceUrl));

    [Fact]
    public async Task PostMessage_PolishQuestion_PolishAnswerReachesConnector()
    {
        var conversation = ActivityBuilder.NewPersonalConversation();
        var activity = ActivityBuilder.Message(Emulator.ServiceUrl, conversation, "Jak wpłacić pieniądze na konto?", locale: "pl-PL");

        using var response = await SendSignedAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await Emulator.WaitForAsync(a => a.ConversationId == conversation && a.Type == "message", "the Polish answer");
        Assert.Contains("10 EUR", reply.Text, StringComparison.Ordinal);
        Assert.Equal("pl", reply.Activity["locale"]!.GetValue<string>());
        Assert.Equal("markdown", reply.Activity["textFormat"]!.GetValue<string>());
        Assert.Equal(activity["id"]!.GetValue<string>(), reply.ReplyToId);
        Assert.Equal("29:player-1", reply.Activity["recipient"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task PostMessage_ForgedSignature_Returns401()
    {
        var activity = ActivityBuilder.Message(Emulator.ServiceUrl, ActivityBuilder.NewPersonalConversation(), "hello");

        using var response = await SendAsync(activity, Emulator.Sign(Emulator.ServiceUrl, forged: true));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task PostMessage_ExpiredToken_Returns401()
    {
        var activity = ActivityBuilder.Message(Emulator.ServiceUrl, ActivityBuilder.NewPersonalConversation(), "hello");

        using var response = await SendAsync(activity, Emulator.Sign(Emulator.ServiceUrl, expiresIn: TimeSpan.FromMinutes(-30)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task PostMessage_WrongAudience_Returns401()
    {
        var activity = ActivityBuilder.Message(Emulator.ServiceUrl, ActivityBuilder.NewPersonalConversation(), "hello");

        using var response = await SendAsync(activity, Emulator.Sign(Emulator.ServiceUrl, audience: "some-other-bot"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task PostMessage_ServiceUrlMismatch_Returns401()
    {
        var activity = ActivityBuilder.Message("https://attacker.example/", ActivityBuilder.NewPersonalConversation(), "hello");

        using var response = await SendAsync(activity, Emulator.Sign(Emulator.ServiceUrl));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task PostMessage_SigningKeyDoesNotEndorseChannel_Returns401()
    {
        var activity = ActivityBuilder.Message(Emulator.ServiceUrl, ActivityBuilder.NewPersonalConversation(), "hello");
        activity["channelId"] = "slack";

        using var response = await SendSignedAsync(activity);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task PostMessage_NoToken_Returns401AndStoresNothing()
    {
        var conversation = ActivityBuilder.NewPersonalConversation();
        var activity = ActivityBuilder.Message(Emulator.ServiceUrl, conversation, "hello");

        using var response = await SendAsync(activity, jwt: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(await host.Factory.Get<IHandoffStore>().GetConversationAsync(TeamsMapper.ConversationId(conversation), CancellationToken.None));
    }

    [Fact]
    public async Task PostMessage_BotMentioned_MentionStrippedFromTurn()
    {
        var conversation = "19:group-" + Guid.NewGuid().ToString("N") + "@thread.v2";
        var activity = ActivityBuilder.Mention(Emulator.ServiceUrl, conversation, "how do I deposit money?", "29:player-2");

        using var response = await SendSignedAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var messages = await host.Factory.Get<IHandoffStore>().GetMessagesAsync(TeamsMapper.ConversationId(conversation), 0, 10, false, CancellationToken.None);
        Assert.Equal("how do I deposit money?", messages[0].Text);
    }

    [Fact]
    public async Task ConversationUpdate_UserAdded_GreetingReachesConnectorOnce()
    {
        var conversation = ActivityBuilder.NewPersonalConversation();

        using var first = await SendSignedAsync(ActivityBuilder.MembersAdded(Emulator.ServiceUrl, conversation, "29:player-3", "ru-RU"));
        using var second = await SendSignedAsync(ActivityBuilder.MembersAdded(Emulator.ServiceUrl, conversation, "29:player-3", "ru-RU"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var greeting = await Emulator.WaitForAsync(a => a.ConversationId == conversation && a.Type == "message", "the greeting");
        Assert.Contains("Здравствуйте", greeting.Text, StringComparison.Ordinal);
        Assert.Single(Emulator.Activities, a => a.ConversationId == conversation && a.Type == "message");
    }

    [Fact]
    public async Task PostMessage_SameActivityTwice_AnsweredOnce()
    {
        var conversation = ActivityBuilder.NewPersonalConversation();
        var activity = ActivityBuilder.Message(Emulator.ServiceUrl, conversation, "how long does a withdrawal take?");

        using var first = await SendSignedAsync(activity);
        using var retry = await SendSignedAsync(activity);

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Single(Emulator.Activities, a => a.ConversationId == conversation && a.Type == "message");
    }

    [Fact]
    public async Task PostMessage_ConnectorAnswers429_RetriedUntilDelivered()
    {
        var conversation = ActivityBuilder.NewPersonalConversation();
        var activity = ActivityBuilder.Message(Emulator.ServiceUrl, conversation, "what is the minimum deposit?");
        // The typing indicator goes first; the 429s hit it and the answer after it, both retried.
        Emulator.FailNext(2);

        using var response = await SendSignedAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await Emulator.WaitForAsync(a => a.ConversationId == conversation && a.Type == "message", "the answer after 429s");
        Assert.Contains("10", reply.Text, StringComparison.Ordinal);
    }
}
