using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BotHost.Knowledge;
using BotHost.Tests.Infrastructure;
using Handoff.Persistence;
using KnowledgeIndex.Indexing;

namespace BotHost.Tests.Dashboard;

/// <summary>A supervisor teaches the bot from the dashboard what it could not answer (on a private copy of data/faq).</summary>
public sealed class UnansweredReviewTests(EditableFaqFactory factory) : IClassFixture<EditableFaqFactory>
{
    [Fact]
    public async Task Review_AsSuggestedArticle_TheQuestionJoinsTheArticleAndTheBotAnswersItOnceRetrained()
    {
        const string question = "refer a friend reward?";
        Assert.Equal("declined", await OutcomeAsync(question));
        await OutcomeAsync(question);
        var sam = await factory.SignInAsync("sam");
        var group = (await ToReviewAsync(sam)).Single(g => g["text"]!.GetValue<string>() == question);

        using var response = await sam.PostAsJsonAsync($"/dashboard/api/unanswered/{group["id"]}/review", new { @as = "article", articleId = "bonus-types" });
        var result = await response.Content.ReadFromJsonAsync<JsonObject>();
        await factory.Get<KnowledgeRuntime>().UntilTrainedOnAsync(factory.FaqDirectory);
        var replies = await factory.NewTestChannel("en").SendAsync(question);

        Assert.Contains("bonus-types", group["suggested"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((2, "article:bonus-types", true), (result!["reviewed"]!.GetValue<int>(), result["reviewedAs"]!.GetValue<string>(), result["added"]!.GetValue<bool>()));
        Assert.Contains("  - " + question + "\n", await File.ReadAllTextAsync(Path.Combine(factory.FaqDirectory, "en", "bonus-types.md")), StringComparison.Ordinal);
        Assert.Contains(replies, r => r.ChannelData.TryGetValue("articleId", out var id) && Equals(id, "bonus-types"));
        Assert.DoesNotContain(await ToReviewAsync(sam), g => g["text"]!.GetValue<string>() == question);
    }

    [Fact]
    public async Task Review_OutOfScopeTwice_TheLineIsAddedOnceAndTheSecondReviewConflicts()
    {
        const string message = "do you sponsor any football club";
        await OutcomeAsync(message);
        var sam = await factory.SignInAsync("sam");
        var id = (await ToReviewAsync(sam)).Single(g => g["text"]!.GetValue<string>() == message)["id"]!.GetValue<long>();
        var openBefore = (await StatsAsync(sam))["unansweredOpen"]!.GetValue<int>();

        using var first = await sam.PostAsJsonAsync($"/dashboard/api/unanswered/{id}/review", new { @as = "out_of_scope" });
        using var second = await sam.PostAsJsonAsync($"/dashboard/api/unanswered/{id}/review", new { @as = "dismissed" });
        var stats = await StatsAsync(sam);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Conflict), (first.StatusCode, second.StatusCode));
        Assert.Equal(message, File.ReadLines(Path.Combine(factory.FaqDirectory, "en", FaqSource.OutOfScopeFileName)).Last());
        Assert.Equal(openBefore - 1, stats["unansweredOpen"]!.GetValue<int>());
        Assert.Equal("out_of_scope", (await factory.Get<IHandoffStore>().GetUnansweredAsync(id, CancellationToken.None))!.ReviewedAs);
    }

    [Fact]
    public async Task Review_Dismissed_LeavesTheListAndTheKnowledgeBaseUntouched()
    {
        const string message = "where is your company registered";
        await OutcomeAsync(message);
        var sam = await factory.SignInAsync("sam");
        var id = (await ToReviewAsync(sam)).Single(g => g["text"]!.GetValue<string>() == message)["id"];
        var fingerprint = FaqSource.Fingerprint(factory.FaqDirectory);

        using var response = await sam.PostAsJsonAsync($"/dashboard/api/unanswered/{id}/review", new { @as = "dismissed" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False((await response.Content.ReadFromJsonAsync<JsonObject>())!["added"]!.GetValue<bool>());
        Assert.Equal(fingerprint, FaqSource.Fingerprint(factory.FaqDirectory));
        Assert.DoesNotContain(await ToReviewAsync(sam), g => g["text"]!.GetValue<string>() == message);
    }

    [Fact]
    public async Task Review_BadRequests_ClearErrorAndTheMessageStaysOpen()
    {
        const string message = "какая погода завтра в питере";
        await factory.NewTestChannel("ru").SendAsync(message);
        var sam = await factory.SignInAsync("sam");
        var alice = await factory.SignInAsync("alice");
        var id = (await ToReviewAsync(sam)).Single(g => g["text"]!.GetValue<string>() == message)["id"]!.GetValue<long>();
        var url = $"/dashboard/api/unanswered/{id}/review";

        using var unknownArticle = await sam.PostAsJsonAsync(url, new { @as = "article", articleId = "weather" });
        using var noArticle = await sam.PostAsJsonAsync(url, new { @as = "article" });
        using var unknownChoice = await sam.PostAsJsonAsync(url, new { @as = "maybe" });
        using var traversal = await sam.PostAsJsonAsync(url, new { @as = "article", articleId = "../en/bonus-types" });
        using var unknownId = await sam.PostAsJsonAsync("/dashboard/api/unanswered/999999/review", new { @as = "dismissed" });
        using var notSupervisor = await alice.PostAsJsonAsync(url, new { @as = "dismissed" });

        Assert.Equal(HttpStatusCode.NotFound, unknownArticle.StatusCode);
        Assert.Contains("weather", (await unknownArticle.Content.ReadFromJsonAsync<JsonObject>())!["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noArticle.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownChoice.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, traversal.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownId.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notSupervisor.StatusCode);
        Assert.Null((await factory.Get<IHandoffStore>().GetUnansweredAsync(id, CancellationToken.None))!.ReviewedAs);
    }

    private async Task<string?> OutcomeAsync(string message)
    {
        var channel = factory.NewTestChannel("en");
        await channel.SendAsync(message);
        var recorded = await factory.Get<IHandoffStore>().ListUnansweredAsync(DateTimeOffset.MinValue, 1000, CancellationToken.None);
        return recorded.FirstOrDefault(u => u.ConversationId == channel.ConversationId)?.Outcome;
    }

    private static async Task<JsonObject> StatsAsync(HttpClient client) =>
        JsonNode.Parse(await client.GetStringAsync("/dashboard/api/stats?days=7"))!.AsObject();

    private static async Task<List<JsonNode>> ToReviewAsync(HttpClient client) =>
        [.. (await StatsAsync(client))["toReview"]!.AsArray().Select(g => g!)];
}
