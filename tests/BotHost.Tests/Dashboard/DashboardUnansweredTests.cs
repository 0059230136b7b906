using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BotHost.Tests.Infrastructure;

namespace BotHost.Tests.Dashboard;

/// <summary>The dashboard's list of what players asked that the bot could not answer (own host: it counts everything).</summary>
public sealed class DashboardUnansweredTests(BotAppFactory factory) : IClassFixture<BotAppFactory>
{
    [Fact]
    public async Task Stats_OffTopicAndAnsweredQuestions_ListsOnlyTheUnansweredOncePerTextWithRepeatsCountedCardsMaskedAndByLanguage()
    {
        await factory.NewTestChannel("en").SendAsync("how do I deposit?");
        await factory.NewTestChannel("en").SendAsync("Who wins tonight, Real or Barca?");
        await factory.NewTestChannel("en").SendAsync("who wins  tonight, real or barca?");
        await factory.NewTestChannel("ru").SendAsync("какая погода завтра в питере, карта 4111 1111 1111 1111");
        var client = await factory.SignInAsync("sam");

        var stats = JsonNode.Parse(await client.GetStringAsync("/dashboard/api/stats?days=7"))!;
        var russianOnly = JsonNode.Parse(await client.GetStringAsync("/dashboard/api/stats?days=7&language=ru"))!["toReview"]!.AsArray();

        Assert.Equal((3, 3), (stats["unanswered"]!.GetValue<int>(), stats["unansweredOpen"]!.GetValue<int>()));
        var toReview = stats["toReview"]!.AsArray();
        Assert.Equal(2, toReview.Count);
        var tonight = toReview[0]!;
        Assert.Equal(2, tonight["count"]!.GetValue<int>());
        Assert.Equal("who wins  tonight, real or barca?", tonight["text"]!.GetValue<string>());
        var russian = toReview[1]!;
        Assert.Equal(("ru", "declined", 1), (russian["language"]!.GetValue<string>(), russian["outcome"]!.GetValue<string>(), russian["count"]!.GetValue<int>()));
        Assert.StartsWith("какая погода", russian["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("4111 1111", russian["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(toReview, r => r!["text"]!.GetValue<string>().Contains("deposit", StringComparison.Ordinal));
        Assert.Equal("ru", Assert.Single(russianOnly)!["language"]!.GetValue<string>());
    }
}
