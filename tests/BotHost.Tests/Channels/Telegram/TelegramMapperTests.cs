using System.Text.Json;
using BotHost.Channels.Telegram;
using BotHost.Turns;
using Handoff.Conversations;

namespace BotHost.Tests.Channels.Telegram;

public sealed class TelegramMapperTests
{
    [Fact]
    public void FromMessage_Text_MapsConversationLocaleUserAndUpdateId()
    {
        var update = Parse("""
            {"update_id":42,"message":{"message_id":7,"date":1764000000,"text":"Cześć",
             "from":{"id":5,"is_bot":false,"first_name":"Ola","last_name":"Nowak","language_code":"pl"},
             "chat":{"id":-1005,"type":"private"}}}
            """);

        var turn = TelegramMapper.FromMessage(update, update.Message!);

        Assert.Equal("tg:-1005", turn.ConversationId);
        Assert.Equal("telegram", turn.Channel);
        Assert.Equal("tg-update:42", turn.ActivityId);
        Assert.Equal(TurnKind.Message, turn.Kind);
        Assert.Equal("Cześć", turn.Text);
        Assert.Equal("pl", turn.Locale);
        Assert.Equal("Ola Nowak", turn.UserName);
        Assert.Null(turn.VerifiedPlayerId);
        Assert.Equal(-1005, TelegramMapper.ChatId(new ConversationRecord { Id = turn.ConversationId, Channel = "telegram", ReferenceJson = turn.ReferenceJson }));
    }

    [Theory]
    [InlineData("/start", true, "")]
    [InlineData("/start link-abc_DEF-1", true, "link-abc_DEF-1")]
    [InlineData("/start@support_bot link-x", true, "link-x")]
    [InlineData("/started", false, "")]
    [InlineData("start", false, "")]
    [InlineData("/help", false, "")]
    public void TryGetStartPayload_Commands_ReadDeepLinkPayload(string text, bool isStart, string payload)
    {
        var found = TelegramMapper.TryGetStartPayload(text, out var actual);

        Assert.Equal(isStart, found);
        Assert.Equal(payload, actual);
    }

    [Fact]
    public void FromMessage_Start_IsConversationStart()
    {
        var update = Parse("""{"update_id":1,"message":{"message_id":1,"date":1,"text":"/start","chat":{"id":9}}}""");

        var turn = TelegramMapper.FromMessage(update, update.Message!);

        Assert.Equal(TurnKind.ConversationStart, turn.Kind);
    }

    [Theory]
    [InlineData("""{"photo":[{"file_id":"a","width":1,"height":1}]}""", true)]
    [InlineData("""{"sticker":{"file_id":"a"}}""", true)]
    [InlineData("""{"voice":{"file_id":"a","duration":2}}""", true)]
    [InlineData("""{"document":{"file_id":"a"},"caption":"my id"}""", true)]
    [InlineData("""{"text":"hello"}""", false)]
    public void IsUnsupportedMedia_MessageKinds(string fields, bool unsupported)
    {
        var message = JsonSerializer.Deserialize<TelegramMessage>(fields, TelegramJson.Options)!;

        Assert.Equal(unsupported, TelegramMapper.IsUnsupportedMedia(message));
    }

    [Fact]
    public void FromCallback_ButtonPress_ValueIsDataAndTextIsButtonTitle()
    {
        var update = Parse("""
            {"update_id":43,"callback_query":{"id":"cb1","data":"feedback:yes:deposit-card",
             "from":{"id":5,"first_name":"Ola","language_code":"en"},
             "message":{"message_id":8,"date":1,"chat":{"id":5},"text":"Did this help?",
               "reply_markup":{"inline_keyboard":[[{"text":"Yes","callback_data":"feedback:yes:deposit-card"}],[{"text":"No","callback_data":"feedback:no:deposit-card"}]]}}}}
            """);

        var turn = TelegramMapper.FromCallback(update, update.CallbackQuery!);

        Assert.NotNull(turn);
        Assert.Equal("tg:5", turn.ConversationId);
        Assert.Equal("feedback:yes:deposit-card", turn.Value);
        Assert.Equal("Yes", turn.Text);
        Assert.Equal("tg-update:43", turn.ActivityId);
    }

    private static TelegramUpdate Parse(string json) => JsonSerializer.Deserialize<TelegramUpdate>(json, TelegramJson.Options)!;
}
