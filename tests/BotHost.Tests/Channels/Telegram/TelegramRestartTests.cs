using BotHost.Channels.Telegram;
using BotHost.Tests.Infrastructure;
using Handoff.Conversations;
using Handoff.Persistence;

namespace BotHost.Tests.Channels.Telegram;

/// <summary>The update offset lives in the store: a restarted host neither repeats nor misses an update.</summary>
public sealed class TelegramRestartTests
{
    private const string Token = "654321:restart-TEST-token";

    [Fact]
    public async Task Restart_UpdateArrivedWhileDown_IsHandledOnceAndEarlierOnesNotAgain()
    {
        await using var emulator = await TelegramEmulator.StartAsync();
        await using var proxy = await TelegramBotApiProxy.StartAsync(emulator.Url);
        using var http = new HttpClient();
        var user = new TelegramTestUser(http, emulator.Url, Token, 777, "en");
        var dataDirectory = TrainedModel.NewDataDirectory("telegram-restart");
        var settings = new Dictionary<string, string?>
        {
            ["Telegram:ApiBaseUrl"] = proxy.Url,
            ["Telegram:BotToken"] = Token,
            ["Telegram:PollTimeoutSeconds"] = "5",
        };
        var first = new TelegramBotHost(dataDirectory, settings);
        _ = first.Server;
        await user.SendTextAsync("hello");
        await user.WaitForAsync(_ => true, user.Mark);
        var savedOffset = await Eventually.ValueAsync(async () =>
            long.TryParse(await first.Get<IHandoffStore>().GetCursorAsync(TelegramReceiver.OffsetCursor, default), out var o) ? o : (long?)null);
        await first.DisposeAsync();
        await user.SettleAsync(TimeSpan.FromMilliseconds(300));
        var beforeRestart = user.Mark;
        var callsBeforeRestart = proxy.Calls.Count;

        await user.SendTextAsync("how long does a card withdrawal take?");
        await using var second = new TelegramBotHost(dataDirectory, settings);
        _ = second.Server;

        await user.WaitForTextAsync("withdraw", beforeRestart);
        await user.SettleAsync(TimeSpan.FromSeconds(1.5));
        var firstPollAfterRestart = proxy.Calls.Skip(callsBeforeRestart).First(c => c.Method == "getUpdates");
        Assert.Equal(savedOffset, firstPollAfterRestart.Body["offset"]!.GetValue<long>());
        Assert.DoesNotContain(user.Messages.Skip(beforeRestart), m => TelegramTestUser.Text(m).Contains("virtual assistant", StringComparison.Ordinal));
        var transcript = await second.Get<IHandoffStore>().GetMessagesAsync(user.ConversationId, 0, 100, false, default);
        Assert.Equal(["hello", "how long does a card withdrawal take?"],
            transcript.Where(m => m.Sender == MessageSender.Player).Select(m => m.Text));
    }
}
