using System.Net.Http.Json;
using System.Text.Json;
using BotHost.Tests.Infrastructure;
using Microsoft.Playwright;

namespace BotHost.Tests.EndToEnd;

/// <summary>
/// Microsoft's botframework-directlinejs client, unchanged, in Chromium on another origin (so CORS is exercised),
/// over polling and over WebSocket, including a reconnect from a watermark.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class DirectLineClientTests(EndToEndFixture fixture) : IClassFixture<EndToEndFixture>
{
    private const string Converse = """
        async ({ domain, token, webSocket, conversationId, watermark, text }) => {
          const dl = new DirectLine.DirectLine({ domain, token, webSocket, conversationId, watermark, pollingInterval: 250 });
          const received = [];
          const statuses = [];
          dl.connectionStatus$.subscribe(s => statuses.push(s));
          dl.activity$.subscribe(a => received.push(a));
          // A new conversation starts with the bot's welcome; once it has arrived the stream is live, so ephemeral
          // activities (typing) sent from now on reach this client.
          for (let i = 0; !conversationId && i < 100 && !received.some(a => a.from.role === 'bot'); i++) {
            await new Promise(r => setTimeout(r, 50));
          }
          const id = await new Promise(resolve => dl.postActivity({ type: 'message', from: { id: 'player' }, text })
            .subscribe(resolve, e => resolve('error:' + (e && e.status))));
          for (let i = 0; i < 150 && !received.some(a => a.from.role === 'bot' && a.replyToId === undefined && a.text && a.channelData && a.channelData.intent); i++) {
            await new Promise(r => setTimeout(r, 100));
          }
          const result = { id, statuses, watermark: dl.watermark, conversationId: dl.conversationId,
            activities: received.map(a => ({ id: a.id, role: a.from.role, type: a.type, text: a.text, intent: a.channelData && a.channelData.intent,
              articleId: a.channelData && a.channelData.articleId })) };
          dl.end();
          return result;
        }
        """;

    [ChromiumFact]
    public Task Polling_PostAndReceive_GetsTheArticleAnswer() => PostAndReceiveAsync(webSocket: false);

    [ChromiumFact]
    public Task WebSocket_PostAndReceive_GetsTheArticleAnswer() => PostAndReceiveAsync(webSocket: true);

    [ChromiumFact]
    public async Task WebSocket_ReconnectWithWatermark_ReceivesOnlyNewActivities()
    {
        var page = await OpenClientPageAsync();
        var token = await NewTokenAsync();
        var first = await ConverseAsync(page, token, webSocket: true, null, null, "how do I make a deposit");

        var second = await ConverseAsync(page, token, webSocket: true, first.GetProperty("conversationId").GetString(),
            first.GetProperty("watermark").GetString(), "what is the minimum withdrawal");

        var firstIds = Stored(first).Select(a => a.GetProperty("id").GetString()).ToHashSet();
        var secondActivities = Stored(second);
        Assert.NotEmpty(secondActivities);
        Assert.DoesNotContain(secondActivities, a => firstIds.Contains(a.GetProperty("id").GetString()));
        Assert.Contains(secondActivities, a => a.GetProperty("role").GetString() == "bot" && a.GetProperty("intent").GetString() == "withdrawal_limits");
    }

    /// <summary>Activities with an id (stored ones); typing indicators are ephemeral and carry none.</summary>
    private static List<JsonElement> Stored(JsonElement result) =>
        result.GetProperty("activities").EnumerateArray().Where(a => a.GetProperty("id").ValueKind == JsonValueKind.String).ToList();

    [ChromiumFact]
    public async Task WebSocket_BotWorking_SendsTypingBeforeTheAnswer()
    {
        var page = await OpenClientPageAsync();
        var token = await NewTokenAsync();

        var result = await ConverseAsync(page, token, webSocket: true, null, null, "how do I make a deposit");

        var kinds = result.GetProperty("activities").EnumerateArray()
            .Where(a => a.GetProperty("role").GetString() == "bot").Select(a => a.GetProperty("type").GetString()).ToList();
        Assert.Contains("typing", kinds);
        Assert.True(kinds.IndexOf("typing") < kinds.LastIndexOf("message"), string.Join(",", kinds));
    }

    [ChromiumFact]
    public async Task RefreshToken_ThroughTheClient_NewTokenKeepsTheConversationGoing()
    {
        var page = await OpenClientPageAsync();
        var token = await NewTokenAsync();

        var result = await page.EvaluateAsync<JsonElement>("""
            async ({ domain, token }) => {
              const dl = new DirectLine.DirectLine({ domain, token, webSocket: false, pollingInterval: 250 });
              const received = [];
              dl.activity$.subscribe(a => received.push(a));
              await new Promise(r => dl.postActivity({ type: 'message', from: { id: 'player' }, text: 'hi' }).subscribe(r, r));
              const before = dl.token;
              // The client refreshes every 15 minutes on its own (refreshTokenLoop); do what that loop does, now.
              const after = await new Promise(r => dl.refreshToken().subscribe(r, e => r('error:' + (e && e.status))));
              dl.token = after;
              const id = await new Promise(r => dl.postActivity({ type: 'message', from: { id: 'player' }, text: 'how do I withdraw my winnings' })
                .subscribe(r, e => r('error:' + (e && e.status))));
              for (let i = 0; i < 100 && !received.some(a => a.channelData && a.channelData.articleId === 'withdrawal_how'); i++) {
                await new Promise(r => setTimeout(r, 100));
              }
              dl.end();
              return { changed: before !== after && !String(after).startsWith('error'), id, answered: received.some(a => a.channelData && a.channelData.articleId === 'withdrawal_how') };
            }
            """, new { domain = fixture.Host.BaseUrl + "/v3/directline", token });

        Assert.True(result.GetProperty("changed").GetBoolean());
        Assert.DoesNotContain("error", result.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.True(result.GetProperty("answered").GetBoolean());
    }

    private async Task PostAndReceiveAsync(bool webSocket)
    {
        var page = await OpenClientPageAsync();
        var token = await NewTokenAsync();

        var result = await ConverseAsync(page, token, webSocket, null, null, "how do I withdraw my winnings");

        var activities = result.GetProperty("activities").EnumerateArray().ToList();
        Assert.DoesNotContain("error", result.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Contains(activities, a => a.GetProperty("role").GetString() == "user" && a.GetProperty("text").GetString() == "how do I withdraw my winnings");
        Assert.Contains(activities, a => a.GetProperty("role").GetString() == "bot" && a.GetProperty("articleId").GetString() == "withdrawal_how");
        // directlinejs' ConnectionStatus: 0 Uninitialized, 1 Connecting, 2 Online, 5 Ended (the test's own end()).
        // Connected once and stayed up: no reconnect, no failure, until the client ended it.
        var statuses = result.GetProperty("statuses").EnumerateArray().Select(s => s.GetInt32()).ToList();
        Assert.Equal([0, 1, 2, 5], statuses);
    }

    private async Task<IPage> OpenClientPageAsync()
    {
        var page = await fixture.Browser.NewPageAsync();
        await page.SetContentAsync("<!doctype html><title>directlinejs</title>");
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = DirectLineBundle() });
        return page;
    }

    private async Task<JsonElement> ConverseAsync(IPage page, string token, bool webSocket, string? conversationId, string? watermark, string text) =>
        await page.EvaluateAsync<JsonElement>(Converse, new
        {
            domain = fixture.Host.BaseUrl + "/v3/directline",
            token,
            webSocket,
            conversationId,
            watermark,
            text,
        });

    private async Task<string> NewTokenAsync()
    {
        using var http = new HttpClient();
        var response = await http.PostAsJsonAsync(fixture.Host.BaseUrl + "/demo/token", new { locale = "en-GB" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    private static string DirectLineBundle()
    {
        return Path.Combine(RepoPaths.Root, "tests", "BotHost.Tests", "EndToEnd", "clients", "node_modules", "botframework-directlinejs", "dist", "directline.js");
    }
}
