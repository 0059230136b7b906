using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using BotHost.Bot;
using BotHost.Channels.WebChat;
using BotHost.Identity;
using BotHost.Tests.Infrastructure;
using Handoff.Conversations;
using Handoff.Persistence;

namespace BotHost.Tests.Channels.WebChat;

public sealed class DirectLineApiTests(BotAppFactory factory) : IClassFixture<BotAppFactory>
{
    private const string Base = "/v3/directline";

    private DirectLineClient CreateSut() => new(factory.CreateClient());

    private static async Task<JsonObject> ErrorOf(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.AsObject();

    [Fact]
    public async Task GenerateToken_WithoutSecret_Returns401()
    {
        var sut = CreateSut();

        using var noCredential = await sut.Http.SendAsync(DirectLineClient.Request(HttpMethod.Post, Base + "/tokens/generate", null, new { }));
        using var wrongSecret = await sut.Http.SendAsync(DirectLineClient.Request(HttpMethod.Post, Base + "/tokens/generate", "not-the-secret", new { }));

        Assert.Equal(HttpStatusCode.Unauthorized, noCredential.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
    }

    [Fact]
    public async Task GenerateToken_ValidPlayerToken_TokenCarriesVerifiedPlayer()
    {
        var sut = CreateSut();
        var playerToken = factory.Get<PlayerTokenValidator>().Issue("p-1001", TimeSpan.FromMinutes(5));

        var token = await sut.GenerateTokenAsync(playerToken);

        var check = factory.Get<DirectLineTokens>().Check(token);
        Assert.Equal(TokenStatus.Valid, check.Status);
        Assert.Equal("p-1001", check.Token!.PlayerId);
    }

    [Fact]
    public async Task GenerateToken_PlayerTokenSignedWithConfiguredKey_IsVerified()
    {
        var sut = CreateSut();
        var now = factory.Clock.GetUtcNow();
        var playerToken = PlayerTokens.Sign(BotAppFactory.SigningKey, "p-1002", now, now.AddMinutes(5));

        var token = await sut.GenerateTokenAsync(playerToken);

        Assert.Equal("p-1002", factory.Get<DirectLineTokens>().Check(token).Token!.PlayerId);
    }

    [Fact]
    public async Task PostActivity_VerifiedPlayerAsksBalance_AnsweredFromTheirAccount()
    {
        var sut = CreateSut();
        var playerToken = factory.Get<PlayerTokenValidator>().Issue("p-1001", TimeSpan.FromMinutes(5));
        var (conversationId, token) = await sut.StartAsync(playerToken);

        await sut.SayAsync(conversationId, token, "what is my balance");

        var (activities, _) = await sut.GetAsync(conversationId, token);
        var answer = DirectLineClient.BotMessages(activities).Last();
        Assert.Contains("€1,250.40", answer["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(answer["channelData"]!["account"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("forged")]
    [InlineData("expired")]
    [InlineData("replayed")]
    public async Task GenerateToken_BadPlayerToken_Returns401InvalidPlayerToken(string kind)
    {
        var sut = CreateSut();
        var now = factory.Clock.GetUtcNow();
        var playerToken = kind switch
        {
            "forged" => PlayerTokens.Sign("another-key-that-is-long-enough-0123456789abcdef", "p-1001", now, now.AddMinutes(5)),
            "expired" => PlayerTokens.Sign(BotAppFactory.SigningKey, "p-1001", now.AddMinutes(-20), now.AddMinutes(-10)),
            _ => factory.Get<PlayerTokenValidator>().Issue("p-1001", TimeSpan.FromMinutes(5)),
        };
        if (kind == "replayed")
        {
            await sut.GenerateTokenAsync(playerToken);
        }

        using var response = await sut.Http.SendAsync(DirectLineClient.Request(
            HttpMethod.Post, Base + "/tokens/generate", BotAppFactory.DirectLineSecret, new { playerToken }));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("InvalidPlayerToken", (await ErrorOf(response))["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task StartConversation_WithToken_ReturnsIdTokenExpiryAndStreamUrl()
    {
        var sut = CreateSut();
        var token = await sut.GenerateTokenAsync();

        var body = await sut.SendJsonAsync(HttpMethod.Post, Base + "/conversations", token);

        var conversationId = body["conversationId"]!.GetValue<string>();
        Assert.False(string.IsNullOrWhiteSpace(conversationId));
        Assert.False(string.IsNullOrWhiteSpace(body["token"]!.GetValue<string>()));
        Assert.True(body["expires_in"]!.GetValue<int>() > 0);
        var streamUrl = new Uri(body["streamUrl"]!.GetValue<string>());
        Assert.Equal("ws", streamUrl.Scheme);
        Assert.Contains("t=", streamUrl.Query, StringComparison.Ordinal);
        Assert.Contains(conversationId, streamUrl.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostActivity_Message_ComesBackWithClientActivityIdAndId()
    {
        var sut = CreateSut();
        var (conversationId, token) = await sut.StartAsync();

        var posted = await sut.SayAsync(conversationId, token, "how do I deposit?", "client-42");

        var (activities, _) = await sut.GetAsync(conversationId, token);
        var mine = Assert.Single(activities, a => a["from"]?["role"]?.GetValue<string>() == "user");
        Assert.Equal("client-42", mine["channelData"]!["clientActivityID"]!.GetValue<string>());
        Assert.Equal(posted["id"]!.GetValue<string>(), mine["id"]!.GetValue<string>());
        Assert.Equal("how do I deposit?", mine["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetActivities_WithWatermark_ReturnsOnlyLaterActivities()
    {
        var sut = CreateSut();
        var (conversationId, token) = await sut.StartAsync();
        await sut.SayAsync(conversationId, token, "hello");
        var (before, watermark) = await sut.GetAsync(conversationId, token);

        await sut.SayAsync(conversationId, token, "how do I deposit?");
        var (after, next) = await sut.GetAsync(conversationId, token, watermark);

        Assert.NotEmpty(after);
        Assert.DoesNotContain(after, a => before.Any(b => b["id"]!.GetValue<string>() == a["id"]!.GetValue<string>()));
        Assert.Equal("how do I deposit?", after[0]["text"]!.GetValue<string>());
        Assert.True(long.Parse(next, System.Globalization.CultureInfo.InvariantCulture) > long.Parse(watermark, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task PostActivity_RetriedWithSameClientActivityId_StoredAndAnsweredOnce()
    {
        var sut = CreateSut();
        var (conversationId, token) = await sut.StartAsync();

        var first = await sut.SayAsync(conversationId, token, "how do I deposit?", "retry-1");
        var second = await sut.SayAsync(conversationId, token, "how do I deposit?", "retry-1");

        var (activities, _) = await sut.GetAsync(conversationId, token);
        Assert.Equal(first["id"]!.GetValue<string>(), second["id"]!.GetValue<string>());
        Assert.Single(activities, a => a["from"]?["role"]?.GetValue<string>() == "user");
        var answers = DirectLineClient.BotMessages(activities).Where(a => a["channelData"]?["intent"] is not null).ToList();
        Assert.Single(answers);
    }

    [Fact]
    public async Task PostActivity_ExpiredToken_Returns403()
    {
        var sut = CreateSut();
        var (conversationId, token) = await sut.StartAsync();

        factory.Clock.Advance(TimeSpan.FromSeconds(factory.Get<DirectLineTokens>().LifetimeSeconds + 60));
        using var response = await sut.PostAsync(conversationId, token, DirectLineClient.Message("hello"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task GetActivities_OtherConversationsToken_Returns403()
    {
        var sut = CreateSut();
        var (conversationId, _) = await sut.StartAsync();
        var (_, otherToken) = await sut.StartAsync();

        using var response = await sut.Http.SendAsync(DirectLineClient.Request(HttpMethod.Get, $"{Base}/conversations/{conversationId}/activities", otherToken));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task PostActivity_UnknownConversation_Returns404()
    {
        var sut = CreateSut();
        var token = factory.Get<DirectLineTokens>().Issue("NoSuchConversation0000", "dl_x", null, null, null);

        using var response = await sut.PostAsync("NoSuchConversation0000", token, DirectLineClient.Message("hello"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PostActivity_MalformedJson_Returns400BadArgument()
    {
        var sut = CreateSut();
        var (conversationId, token) = await sut.StartAsync();

        using var response = await sut.PostAsync(conversationId, token, "{\"type\": \"message\", \"text\": ");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BadArgument", (await ErrorOf(response))["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task PostActivity_OversizedBody_Returns413()
    {
        var sut = CreateSut();
        var (conversationId, token) = await sut.StartAsync();

        using var response = await sut.PostAsync(conversationId, token, DirectLineClient.Message(new string('a', 300 * 1024)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task PostActivity_FloodInOneConversation_429ThrottledBeyondTheBurstNothingStoredAndOthersUnaffected()
    {
        var sut = CreateSut();
        var (flooded, token) = await sut.StartAsync();
        var (other, otherToken) = await sut.StartAsync();
        var burst = new DirectLineOptions().MessageBurst;
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= burst; i++)
        {
            using var response = await sut.PostAsync(flooded, token, DirectLineClient.Message("spam " + i));
            statuses.Add(response.StatusCode);
        }

        using var throttled = await sut.PostAsync(flooded, token, DirectLineClient.Message("one more"));
        var error = await ErrorOf(throttled);
        using var typing = await sut.PostAsync(flooded, token, new { type = "typing", from = new { id = "player" } });
        using var elsewhere = await sut.PostAsync(other, otherToken, DirectLineClient.Message("how do I deposit?"));
        factory.Clock.Advance(TimeSpan.FromSeconds(2));
        using var later = await sut.PostAsync(flooded, token, DirectLineClient.Message("after a pause"));
        var stored = await factory.Get<IHandoffStore>().GetMessagesAsync(flooded, 0, 1000, includeInternal: false, CancellationToken.None);

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, burst), HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal((HttpStatusCode.TooManyRequests, "Throttled"), (throttled.StatusCode, error["code"]!.GetValue<string>()));
        Assert.Equal("2", throttled.Headers.GetValues("Retry-After").Single());
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (typing.StatusCode, elsewhere.StatusCode, later.StatusCode));
        Assert.Equal(burst + 1, stored.Count(m => m.Sender == MessageSender.Player));
        Assert.DoesNotContain(stored, m => m.Text == "one more" || m.Text == "spam " + burst);
    }

    [Fact]
    public async Task PostActivity_LongerThanMaxMessageLength_StoredInFullAndAnsweredTooLong()
    {
        var sut = CreateSut();
        var (conversationId, token) = await sut.StartAsync();
        var text = string.Concat(Enumerable.Repeat("withdrawal ", 500)).Trim();
        Assert.True(text.Length > new DirectLineOptions().MaxMessageLength);

        await sut.SayAsync(conversationId, token, text);

        var (activities, _) = await sut.GetAsync(conversationId, token);
        var mine = Assert.Single(activities, a => a["from"]?["role"]?.GetValue<string>() == "user");
        Assert.Equal(text, mine["text"]!.GetValue<string>());
        Assert.Equal(BotTexts.Get("en", "too_long"), DirectLineClient.BotMessages(activities).Last()["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Preflight_FromAnotherOrigin_AllowsDirectLineHeaders()
    {
        var sut = CreateSut();
        using var request = new HttpRequestMessage(HttpMethod.Options, Base + "/conversations");
        request.Headers.Add("Origin", "https://casino.example");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-ms-bot-agent,x-requested-with");

        using var response = await sut.Http.SendAsync(request);

        Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString());
        var allowed = string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant();
        foreach (var header in new[] { "authorization", "content-type", "x-ms-bot-agent", "x-requested-with" })
        {
            Assert.Contains(header, allowed, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Reconnect_WithWatermark_ReturnsFreshStreamUrl()
    {
        var sut = CreateSut();
        var (conversationId, token) = await sut.StartAsync();

        var body = await sut.SendJsonAsync(HttpMethod.Get, $"{Base}/conversations/{conversationId}?watermark=1", token);

        var streamUrl = new Uri(body["streamUrl"]!.GetValue<string>());
        Assert.Equal("ws", streamUrl.Scheme);
        Assert.Contains("watermark=1", streamUrl.Query, StringComparison.Ordinal);
        var fresh = body["token"]!.GetValue<string>();
        Assert.Contains("t=" + Uri.EscapeDataString(fresh), streamUrl.Query, StringComparison.Ordinal);
        Assert.Equal(TokenStatus.Valid, factory.Get<DirectLineTokens>().Check(fresh).Status);
    }

    [Fact]
    public async Task Stream_AfterPlayerMessage_SendsFramesWithBotReply()
    {
        var sut = CreateSut();
        var token = await sut.GenerateTokenAsync();
        var started = await sut.SendJsonAsync(HttpMethod.Post, Base + "/conversations", token);
        var conversationId = started["conversationId"]!.GetValue<string>();
        var socketClient = factory.Server.CreateWebSocketClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var socket = await socketClient.ConnectAsync(new Uri(started["streamUrl"]!.GetValue<string>()), timeout.Token);

        await sut.SayAsync(conversationId, started["token"]!.GetValue<string>(), "how do I deposit?");

        var sawReply = false;
        while (!sawReply)
        {
            var frame = await ReceiveFrameAsync(socket, timeout.Token);
            if (frame is null)
            {
                continue;
            }

            Assert.NotNull(frame["watermark"]);
            sawReply = frame["activities"]!.AsArray().Any(a =>
                a!["type"]?.GetValue<string>() == "message" && a["from"]?["role"]?.GetValue<string>() == "bot" &&
                a["channelData"]?["intent"]?.GetValue<string>() == "deposit_methods");
        }

        Assert.True(sawReply);
        socket.Abort();
    }

    [Fact]
    public async Task RefreshToken_ValidToken_ReturnsNewTokenForSameConversation()
    {
        var sut = CreateSut();
        var (conversationId, token) = await sut.StartAsync();
        factory.Clock.Advance(TimeSpan.FromSeconds(5));

        var body = await sut.SendJsonAsync(HttpMethod.Post, Base + "/tokens/refresh", token);

        var refreshed = body["token"]!.GetValue<string>();
        Assert.NotEqual(token, refreshed);
        Assert.Equal(conversationId, body["conversationId"]!.GetValue<string>());
        Assert.Equal(conversationId, factory.Get<DirectLineTokens>().Check(refreshed).Token!.ConversationId);
    }

    [Fact]
    public async Task BotReply_FromArticle_CarriesIntentConfidenceLanguageAndArticleId()
    {
        var sut = CreateSut();
        var (conversationId, token) = await sut.StartAsync();

        await sut.SayAsync(conversationId, token, "how do I deposit?");

        var (activities, _) = await sut.GetAsync(conversationId, token);
        var bot = DirectLineClient.BotMessages(activities).ToList();
        Assert.All(bot, a =>
        {
            var data = a["channelData"]!.AsObject();
            Assert.True(data.ContainsKey("intent") && data.ContainsKey("confidence") && data.ContainsKey("language"), data.ToJsonString());
        });
        var answer = bot.Last()["channelData"]!;
        Assert.Equal("deposit_methods", answer["intent"]!.GetValue<string>());
        Assert.Equal("deposit_methods", answer["articleId"]!.GetValue<string>());
        Assert.Equal("en", answer["language"]!.GetValue<string>());
        Assert.True(answer["confidence"]!.GetValue<double>() > 0);
    }

    [Fact]
    public async Task BotReply_Handoff_CarriesTicketIdAndReason()
    {
        var sut = CreateSut();
        var (conversationId, token) = await sut.StartAsync();

        await sut.SayAsync(conversationId, token, "I want to talk to a human");

        var (activities, _) = await sut.GetAsync(conversationId, token);
        var handoff = DirectLineClient.BotMessages(activities).Single(a => a["channelData"]?["handoff"] is not null)["channelData"]!["handoff"]!;
        Assert.True(handoff["ticketId"]!.GetValue<long>() > 0);
        Assert.Equal("human_request", handoff["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task HandoffStatusEvent_AcceptedThenCompleted_AgentHoldsThenBotAsksForRating()
    {
        var sut = CreateSut();
        var (conversationId, token) = await sut.StartAsync();
        await sut.SayAsync(conversationId, token, "I want to talk to a human");
        var store = factory.Get<IHandoffStore>();

        await sut.SendJsonAsync(HttpMethod.Post, $"{Base}/conversations/{conversationId}/activities", token, StatusEvent("accepted"));
        var accepted = await store.GetConversationAsync(conversationId, CancellationToken.None);
        await sut.SendJsonAsync(HttpMethod.Post, $"{Base}/conversations/{conversationId}/activities", token, StatusEvent("completed"));
        var completed = await store.GetConversationAsync(conversationId, CancellationToken.None);

        Assert.Equal(ConversationMode.WithAgent, accepted!.Mode);
        Assert.Equal(ConversationMode.Bot, completed!.Mode);
        var (activities, _) = await sut.GetAsync(conversationId, token);
        Assert.Equal(BotTexts.Get("en", "resolved_rate"), DirectLineClient.BotMessages(activities).Last()["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task HandoffStatusEvent_Failed_BackToBotWithHubMessage()
    {
        var sut = CreateSut();
        var (conversationId, token) = await sut.StartAsync();
        await sut.SayAsync(conversationId, token, "I want to talk to a human");

        await sut.SendJsonAsync(HttpMethod.Post, $"{Base}/conversations/{conversationId}/activities", token, StatusEvent("failed", "no agents tonight"));

        var conversation = await factory.Get<IHandoffStore>().GetConversationAsync(conversationId, CancellationToken.None);
        Assert.Equal(ConversationMode.Bot, conversation!.Mode);
        var (activities, _) = await sut.GetAsync(conversationId, token);
        Assert.Contains("no agents tonight", DirectLineClient.BotMessages(activities).Last()["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static object StatusEvent(string state, string? message = null) => new
    {
        type = "event",
        name = "handoff.status",
        value = new { state, message },
        from = new { id = "dl_user" },
        channelData = new { clientActivityID = Guid.NewGuid().ToString("N") },
    };

    private static async Task<JsonObject?> ReceiveFrameAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, cancellationToken);
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        return message.Length == 0 ? null : JsonNode.Parse(Encoding.UTF8.GetString(message.ToArray()))?.AsObject();
    }
}
