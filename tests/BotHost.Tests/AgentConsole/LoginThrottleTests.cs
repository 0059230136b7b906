using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BotHost.AgentConsole;
using BotHost.Tests.Infrastructure;

namespace BotHost.Tests.AgentConsole;

/// <summary>Password guessing on the agent console is slowed down (own host: the throttle is per host).</summary>
public sealed class LoginThrottleTests(BotAppFactory factory) : IClassFixture<BotAppFactory>
{
    [Fact]
    public async Task Login_FiveWrongPasswords_RightPasswordRefusedUntilTheWindowPasses()
    {
        var client = factory.CreateClient();
        for (var i = 0; i < LoginThrottle.MaxFailuresPerAgent; i++)
        {
            using var wrong = await client.PostAsJsonAsync("/agent/api/login", new { id = "Dora", password = "guess " + i });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var refused = await client.PostAsJsonAsync("/agent/api/login", new { id = "dora", password = BotAppFactory.AgentPassword });
        var problem = await refused.Content.ReadFromJsonAsync<JsonObject>();
        using var otherAgent = await client.PostAsJsonAsync("/agent/api/login", new { id = "carol", password = BotAppFactory.AgentPassword });
        factory.Clock.Advance(LoginThrottle.Window);
        using var later = await client.PostAsJsonAsync("/agent/api/login", new { id = "dora", password = BotAppFactory.AgentPassword });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("Too many failed sign-ins. Try again in 15 minutes.", problem!["title"]!.GetValue<string>());
        Assert.Equal("900", refused.Headers.RetryAfter!.ToString());
        Assert.Equal(HttpStatusCode.OK, otherAgent.StatusCode);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    [Fact]
    public void RetryAfter_ManyIdsGuessedFromOneAddress_TheAddressWaitsOthersDoNot()
    {
        var clock = new FakeTimeProvider();
        var sut = new LoginThrottle(clock);
        var attacker = IPAddress.Parse("203.0.113.7");
        for (var i = 0; i < LoginThrottle.MaxFailuresPerAddress; i++)
        {
            sut.Failed("agent" + i, attacker);
            clock.Advance(TimeSpan.FromSeconds(10));
        }

        var first = sut.RetryAfter("sam", attacker);
        var other = sut.RetryAfter("sam", IPAddress.Parse("198.51.100.1"));
        clock.Advance(first!.Value);

        // The oldest failure is 200 s old: the address may try again when it is 15 minutes old.
        Assert.Equal(LoginThrottle.Window - TimeSpan.FromSeconds(200), first);
        Assert.Null(other);
        Assert.Null(sut.RetryAfter("sam", attacker));
    }

    [Fact]
    public void Succeeded_AfterFailures_ClearsTheAgentsCount()
    {
        var sut = new LoginThrottle(new FakeTimeProvider());
        for (var i = 0; i < LoginThrottle.MaxFailuresPerAgent - 1; i++)
        {
            sut.Failed("alice", null);
        }

        sut.Succeeded("alice");
        sut.Failed("alice", null);

        Assert.Null(sut.RetryAfter("alice", null));
    }
}
