using System.Text.Json.Nodes;
using BotHost.Channels.Teams;
using BotHost.Turns;

namespace BotHost.Tests.Channels.Teams;

public sealed class TeamsMapperTests
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    [Fact]
    public void ToTurn_Message_CarriesIdsLocaleAndReference()
    {
        var activity = ActivityBuilder.Message(ServiceUrl, "a:conv-1", "Cześć", "29:user-1", "pl-PL");

        var turn = TeamsMapper.ToTurn(activity, TeamsMapper.Reference(activity)!);

        Assert.Equal("bf:a:conv-1", turn.ConversationId);
        Assert.Equal("msteams", turn.Channel);
        Assert.Equal(activity["id"]!.GetValue<string>(), turn.ActivityId);
        Assert.Equal("pl-PL", turn.Locale);
        Assert.Equal("Cześć", turn.Text);
        var reference = TeamsReference.Parse(turn.ReferenceJson)!;
        Assert.Equal(ServiceUrl, reference.ServiceUrl);
        Assert.Equal("a:conv-1", reference.ConversationId);
        Assert.Equal(ActivityBuilder.BotId, reference.BotId);
        Assert.Equal("29:user-1", reference.UserId);
        Assert.Equal("tenant-1", reference.TenantId);
        Assert.Equal("msteams", reference.ChannelId);
    }

    [Theory]
    [InlineData("<at>Support</at> where is my withdrawal?", "where is my withdrawal?")]
    [InlineData("where is <at>Support</at> my withdrawal?", "where is my withdrawal?")]
    [InlineData("no mention here", "no mention here")]
    public void StripMention_BotMentioned_RemovesMentionText(string text, string expected)
    {
        var activity = ActivityBuilder.Mention(ServiceUrl, "19:x@thread.v2", "", "29:user-1");
        activity["text"] = text;

        var stripped = TeamsMapper.StripMention(activity, ActivityBuilder.BotId, ActivityBuilder.BotName);

        Assert.Equal(expected, stripped);
    }

    [Fact]
    public void StripMention_OtherUserMentioned_KeepsIt()
    {
        var activity = ActivityBuilder.Message(ServiceUrl, "19:x@thread.v2", "<at>Anna</at> can you check?");
        activity["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>Anna</at>",
            ["mentioned"] = new JsonObject { ["id"] = "29:anna", ["name"] = "Anna" },
        });

        var stripped = TeamsMapper.StripMention(activity, ActivityBuilder.BotId, ActivityBuilder.BotName);

        Assert.Equal("<at>Anna</at> can you check?", stripped);
    }

    [Fact]
    public void ToTurn_CardSubmit_ValueAndTitleFromData()
    {
        var activity = ActivityBuilder.Submit(ServiceUrl, "a:conv-1", new JsonObject { ["value"] = "rate:4", ["title"] = "★★★★" }, "29:user-1");

        var turn = TeamsMapper.ToTurn(activity, TeamsMapper.Reference(activity)!);

        Assert.Equal("rate:4", turn.Value);
        Assert.Equal("★★★★", turn.Text);
    }

    [Fact]
    public void IsGreeting_UserAddedToPersonalChat_True()
    {
        var activity = ActivityBuilder.MembersAdded(ServiceUrl, "a:conv-1", "29:user-1");

        Assert.True(TeamsMapper.IsGreeting(activity));
    }

    [Fact]
    public void IsGreeting_MembersAddedToChannel_False()
    {
        var activity = ActivityBuilder.MembersAdded(ServiceUrl, "19:team@thread.tacv2", "29:user-1");
        activity["conversation"]!["isGroup"] = true;

        Assert.False(TeamsMapper.IsGreeting(activity));
    }

    [Fact]
    public void ToActivity_ReplyWithActions_AdaptiveCardWithSubmitData()
    {
        var reference = TeamsMapper.Reference(ActivityBuilder.Message(ServiceUrl, "a:conv-1", "hi"))!;
        var reply = new Reply { Text = "**Pick one**", Actions = [new SuggestedAction("Deposits", "deposit_methods"), new SuggestedAction("A person", "handoff")] };

        var activity = TeamsMapper.ToActivity(reply, reference, "en");

        Assert.Equal("**Pick one**", activity["text"]!.GetValue<string>());
        Assert.Equal("markdown", activity["textFormat"]!.GetValue<string>());
        var attachment = activity["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment["contentType"]!.GetValue<string>());
        var actions = attachment["content"]!["actions"]!.AsArray();
        Assert.Equal(["deposit_methods", "handoff"], actions.Select(a => a!["data"]!["value"]!.GetValue<string>()));
        Assert.All(actions, a => Assert.Equal("Action.Submit", a!["type"]!.GetValue<string>()));
        Assert.Equal("29:player-1", activity["recipient"]!["id"]!.GetValue<string>());
        Assert.Equal(ActivityBuilder.BotId, activity["from"]!["id"]!.GetValue<string>());
    }
}
