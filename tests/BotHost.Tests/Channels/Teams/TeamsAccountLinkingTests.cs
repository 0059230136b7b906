using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BotHost.Channels.Teams;
using BotHost.Identity;
using Handoff.Conversations;
using Handoff.Persistence;

namespace BotHost.Tests.Channels.Teams;

/// <summary>A Teams player links the chat to a website account with the one-time code from <c>/demo/link-code</c>.</summary>
public sealed class TeamsAccountLinkingTests(TeamsHostFixture host) : IClassFixture<TeamsHostFixture>
{
    private ChannelEmulator Emulator => host.Emulator;

    private IHandoffStore Store => host.Factory.Get<IHandoffStore>();

    [Fact]
    public async Task LinkCommand_PersonalChat_LinkedAndAccountQuestionsGetRealAnswers()
    {
        var conversation = ActivityBuilder.NewPersonalConversation();
        var before = await SayAsync(conversation, "what is my balance");
        var code = await NewCodeAsync("p-1001");

        var linked = await SayAsync(conversation, "link " + code);
        var balance = await SayAsync(conversation, "what is my balance");
        var withdrawal = await SayAsync(conversation, "where is my withdrawal");

        Assert.Contains("sign in", before.Text, StringComparison.Ordinal);
        Assert.Equal(LinkingTexts.Linked("en"), linked.Text);
        Assert.Contains("€1,250.40", balance.Text, StringComparison.Ordinal);
        Assert.Contains("€300.00", withdrawal.Text, StringComparison.Ordinal);
        Assert.Equal("p-1001", (await ConversationAsync(conversation)).PlayerId);
    }

    [Fact]
    public async Task LinkCommand_SameCodeInAnotherChat_FailsAndStaysUnverified()
    {
        var code = await NewCodeAsync("p-1001");
        var first = ActivityBuilder.NewPersonalConversation();
        var second = ActivityBuilder.NewPersonalConversation();
        await SayAsync(first, "link " + code);

        var again = await SayAsync(second, "link " + code, userId: "29:someone-else");
        var balance = await SayAsync(second, "what is my balance", userId: "29:someone-else");

        Assert.Equal(LinkingTexts.Failed("en"), again.Text);
        Assert.Contains("sign in", balance.Text, StringComparison.Ordinal);
        Assert.Null((await ConversationAsync(second)).PlayerId);
    }

    [Fact]
    public async Task LinkCommand_ExpiredCode_Fails()
    {
        var code = await NewCodeAsync("p-1001");
        var conversation = ActivityBuilder.NewPersonalConversation();
        host.Factory.Clock.Advance(TimeSpan.FromMinutes(16));

        var reply = await SayAsync(conversation, "link " + code);

        Assert.Equal(LinkingTexts.Failed("en"), reply.Text);
        Assert.Null((await ConversationAsync(conversation)).PlayerId);
    }

    [Fact]
    public async Task LinkCommand_RandomCode_Fails()
    {
        var conversation = ActivityBuilder.NewPersonalConversation();

        var reply = await SayAsync(conversation, "link XXXX");

        Assert.Equal(LinkingTexts.Failed("en"), reply.Text);
        Assert.Null((await ConversationAsync(conversation)).PlayerId);
    }

    [Fact]
    public async Task LinkCommand_GroupChat_RefusedCodeSpentAndStillUnverified()
    {
        var code = await NewCodeAsync("p-1001");
        var group = "19:group-" + Guid.NewGuid().ToString("N") + "@thread.v2";
        var activity = ActivityBuilder.Message(Emulator.ServiceUrl, group, "link " + code);
        activity["conversation"]!["conversationType"] = "groupChat";
        activity["conversation"]!["isGroup"] = true;

        var refused = await SendAsync(activity);
        var balance = await SendAsync(ActivityBuilder.Message(Emulator.ServiceUrl, group, "what is my balance"));
        var laterInPrivate = await SayAsync(ActivityBuilder.NewPersonalConversation(), "link " + code);

        Assert.Equal(LinkingTexts.SharedRefused("en"), refused.Text);
        Assert.Contains("sign in", balance.Text, StringComparison.Ordinal);
        Assert.Null((await ConversationAsync(group)).PlayerId);
        Assert.Equal(LinkingTexts.Failed("en"), laterInPrivate.Text);
    }

    [Fact]
    public async Task LinkCommand_MentionInTeamChannel_Refused()
    {
        var code = await NewCodeAsync("p-1002");
        var channel = "19:channel-" + Guid.NewGuid().ToString("N") + "@thread.tacv2";

        var reply = await SendAsync(ActivityBuilder.Mention(Emulator.ServiceUrl, channel, "link " + code, "29:player-9"));

        Assert.Equal(LinkingTexts.SharedRefused("en"), reply.Text);
        Assert.Null((await ConversationAsync(channel)).PlayerId);
    }

    [Fact]
    public async Task LinkCommand_Linked_RawCodeNotInStoredTranscript()
    {
        var code = await NewCodeAsync("p-1001");
        var conversation = ActivityBuilder.NewPersonalConversation();

        await SayAsync(conversation, "link " + code.ToLowerInvariant());

        var messages = await Store.GetMessagesAsync(TeamsMapper.ConversationId(conversation), 0, 100, true, CancellationToken.None);
        var stored = Assert.Single(messages, m => m.Sender == MessageSender.Player);
        Assert.Equal("link " + LinkCode.Masked, stored.Text);
        Assert.Contains(LinkCode.Masked, stored.PayloadJson, StringComparison.Ordinal);
        foreach (var form in new[] { code, code.Replace("-", "", StringComparison.Ordinal), code[..4], code[5..] })
        {
            Assert.All(messages, m => Assert.DoesNotContain(form, m.Text + m.PayloadJson, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Theory]
    [InlineData("привязать", "ru-RU", "ru")]
    [InlineData("połącz", "pl-PL", "pl")]
    [InlineData("liên kết", "vi-VN", "vi")]
    public async Task LinkCommand_LocalizedVerb_LinkedInPlayersLanguage(string verb, string locale, string language)
    {
        var code = await NewCodeAsync("p-1002");
        var conversation = ActivityBuilder.NewPersonalConversation();

        var reply = await SayAsync(conversation, $"{verb} {code}", locale: locale);

        Assert.Equal(LinkingTexts.Linked(language), reply.Text);
        Assert.Equal("p-1002", (await ConversationAsync(conversation)).PlayerId);
    }

    [Theory]
    [InlineData("ru-RU", "ru")]
    [InlineData("pl-PL", "pl")]
    [InlineData("vi-VN", "vi")]
    public async Task LinkCommand_EnglishVerbFromTheSite_AnsweredInTheChatsLanguage(string locale, string language)
    {
        var code = await NewCodeAsync("p-1002");
        var conversation = ActivityBuilder.NewPersonalConversation();

        var reply = await SayAsync(conversation, "link " + code, locale: locale);

        Assert.Equal(LinkingTexts.Linked(language), reply.Text);
        Assert.Equal(language, (await ConversationAsync(conversation)).Language);
    }

    [Fact]
    public async Task BareCode_PersonalChat_Linked()
    {
        var code = await NewCodeAsync("p-1003");
        var conversation = ActivityBuilder.NewPersonalConversation();

        var reply = await SayAsync(conversation, code.ToLowerInvariant());

        Assert.Equal(LinkingTexts.Linked("en"), reply.Text);
        Assert.Equal("p-1003", (await ConversationAsync(conversation)).PlayerId);
    }

    [Fact]
    public async Task LinkCode_TelegramOff_CodeAndTeamsCommandWithoutTelegramUrl()
    {
        using var response = await host.Client.PostAsJsonAsync("/demo/link-code", new { playerId = "p-1001" });
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var code = body!["code"]!.GetValue<string>();
        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$", code);
        Assert.Equal("link " + code, body["teamsCommand"]!.GetValue<string>());
        Assert.False(body.ContainsKey("telegramUrl"));
    }

    private async Task<string> NewCodeAsync(string playerId)
    {
        using var response = await host.Client.PostAsJsonAsync("/demo/link-code", new { playerId });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>();
    }

    private Task<RecordedActivity> SayAsync(string conversation, string text, string userId = "29:player-1", string locale = "en-US") =>
        SendAsync(ActivityBuilder.Message(Emulator.ServiceUrl, conversation, text, userId, locale));

    /// <summary>Posts the activity and returns the bot's (first) message in reply to it.</summary>
    private async Task<RecordedActivity> SendAsync(JsonObject activity)
    {
        using var response = await host.Client.SendAsync(ActivityBuilder.Post(activity, Emulator.Sign(Emulator.ServiceUrl)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = activity["id"]!.GetValue<string>();
        return await Emulator.WaitForAsync(a => a.ReplyToId == id && a.Type == "message", $"the answer to '{activity["text"]}'");
    }

    private async Task<ConversationRecord> ConversationAsync(string channelConversationId) =>
        (await Store.GetConversationAsync(TeamsMapper.ConversationId(channelConversationId), CancellationToken.None))!;
}
