using System.Text.Json.Nodes;
using BotHost.Tests.Infrastructure;

namespace BotHost.Tests.Dashboard;

/// <summary>The dashboard's day-by-day figures (own host: it counts everything).</summary>
public sealed class DashboardDailyTests(BotAppFactory factory) : IClassFixture<BotAppFactory>
{
    [Fact]
    public async Task Stats_ConversationsOnTwoDays_EveryDayOfThePeriodWithItsCounts()
    {
        var firstDay = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);
        await factory.NewTestChannel("en").SendAsync("how do I deposit?");
        await factory.NewTestChannel("en").SendAsync("I want to talk to a human");
        factory.Clock.Advance(TimeSpan.FromDays(2));
        await factory.NewTestChannel("ru").SendAsync("кто выиграет сегодня, зенит или спартак?");
        var sam = await factory.SignInAsync("sam");

        var stats = JsonNode.Parse(await sam.GetStringAsync("/dashboard/api/stats?days=3"))!;

        var daily = stats["daily"]!.AsArray()
            .Select(d => (Day: DateOnly.Parse(d!["day"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture),
                Conversations: d["conversations"]!.GetValue<long>(), HandedOff: d["handedOff"]!.GetValue<long>(), Unanswered: d["unanswered"]!.GetValue<int>()))
            .ToList();
        Assert.Equal(
            [(firstDay.AddDays(-1), 0L, 0L, 0), (firstDay, 2L, 1L, 0), (firstDay.AddDays(1), 0L, 0L, 0), (firstDay.AddDays(2), 1L, 0L, 1)],
            daily);
        Assert.Equal(stats["conversations"]!.GetValue<long>(), daily.Sum(d => d.Conversations));
    }
}
