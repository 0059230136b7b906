using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BotHost.Tests.Infrastructure;

namespace BotHost.Tests.Dashboard;

public sealed class DashboardApiTests(BotAppFactory factory) : IClassFixture<BotAppFactory>
{
    [Fact]
    public async Task Stats_AfterAnsweredAndHandedOffConversations_ReportsRatesPickupCsatAndTops()
    {
        var answered = factory.NewTestChannel("en");
        await answered.SendAsync("how do I deposit?");
        var claimed = factory.NewTestChannel("en");
        await claimed.SendAsync("I want to talk to a human");
        var waiting = factory.NewTestChannel("en");
        await waiting.SendAsync("I want to exclude myself");
        var ticketId = (await claimed.TicketAsync())!.Id;
        var alice = await factory.SignInAsync("alice");
        factory.Clock.Advance(TimeSpan.FromSeconds(90));
        (await alice.PostAsync($"/agent/api/tickets/{ticketId}/claim", null)).EnsureSuccessStatusCode();
        (await alice.PostAsJsonAsync($"/agent/api/tickets/{ticketId}/resolve", new { resolutionCode = "answered" })).EnsureSuccessStatusCode();
        await claimed.SendAsync("4");
        var sam = await factory.SignInAsync("sam");

        var stats = JsonNode.Parse(await sam.GetStringAsync("/dashboard/api/stats?days=7"))!;

        Assert.Equal(3, stats["conversations"]!.GetValue<long>());
        Assert.Equal(2, stats["handedOff"]!.GetValue<long>());
        Assert.Equal(0.3333, stats["containmentRate"]!.GetValue<double>(), 3);
        Assert.Equal(0.6667, stats["handoffRate"]!.GetValue<double>(), 3);
        Assert.Equal(90, stats["medianPickupSeconds"]!.GetValue<double>(), 0);
        Assert.Equal(1, stats["pickups"]!.GetValue<int>());
        Assert.Equal(4, stats["csatAverage"]!.GetValue<double>());
        Assert.Equal(1, stats["csatCount"]!.GetValue<int>());
        var reasons = stats["topReasons"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("human_request", reasons);
        Assert.Contains("sensitive:self_exclusion", reasons);
        Assert.Contains(stats["topIntents"]!.AsArray(), i => i!["name"]!.GetValue<string>() == "self_exclusion");
    }

    [Fact]
    public async Task Stats_NotASupervisor_Refused()
    {
        var anonymous = factory.CreateClient();
        var alice = await factory.SignInAsync("alice");

        using var unauthenticated = await anonymous.GetAsync("/dashboard/api/stats");
        using var agent = await alice.GetAsync("/dashboard/api/stats");

        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, agent.StatusCode);
    }

    [Fact]
    public async Task Page_Get_ServesDashboardHtml()
    {
        var client = factory.CreateClient();

        using var response = await client.GetAsync("/dashboard");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("/dashboard/api/stats", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
