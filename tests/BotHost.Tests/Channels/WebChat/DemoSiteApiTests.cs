using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BotHost.Tests.Infrastructure;

namespace BotHost.Tests.Channels.WebChat;

/// <summary>The demo page's stand-in for the operator's back end must not become a way to sign in as anyone.</summary>
public sealed class DemoSiteApiTests(BotAppFactory factory) : IClassFixture<BotAppFactory>
{
    [Fact]
    public async Task DemoToken_DemoPlayer_IsVerified()
    {
        var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/demo/token", new { playerId = "p-1001", locale = "en" });
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body!["verified"]!.GetValue<bool>());
    }

    [Fact]
    public async Task DemoToken_AnyOtherPlayerId_IsForbidden()
    {
        var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/demo/token", new { playerId = "real-player-42", locale = "en" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task DemoToken_OperatorAccountApiConfigured_DemoSignInIsForbidden()
    {
        using var withApi = factory.WithWebHostBuilder(b => b.UseSetting("AccountApi:BaseUrl", "http://127.0.0.1:9/"));
        var client = withApi.CreateClient();

        using var response = await client.PostAsJsonAsync("/demo/token", new { playerId = "p-1001", locale = "en" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task LinkCode_DemoPlayerTelegramOff_CodeAndTeamsCommand()
    {
        var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/demo/link-code", new { playerId = "p-1001" });
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("link " + body!["code"]!.GetValue<string>(), body["teamsCommand"]!.GetValue<string>());
        Assert.Null(body["telegramUrl"]);
    }

    [Fact]
    public async Task LinkCode_AnyOtherPlayerId_IsForbidden()
    {
        var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/demo/link-code", new { playerId = "real-player-42" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task LinkCode_OperatorAccountApiConfigured_IsForbidden()
    {
        using var withApi = factory.WithWebHostBuilder(b => b.UseSetting("AccountApi:BaseUrl", "http://127.0.0.1:9/"));
        var client = withApi.CreateClient();

        using var response = await client.PostAsJsonAsync("/demo/link-code", new { playerId = "p-1001" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
