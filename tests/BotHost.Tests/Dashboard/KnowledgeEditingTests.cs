using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BotHost.Knowledge;
using BotHost.Tests.Infrastructure;

namespace BotHost.Tests.Dashboard;

/// <summary>A supervisor edits an article in the browser's API; the bot answers with the new text (on a private copy of data/faq).</summary>
public sealed class KnowledgeEditingTests(EditableFaqFactory factory) : IClassFixture<EditableFaqFactory>
{
    [Fact]
    public async Task Save_NewAnswerAndQuestion_TheBotAnswersTheNewQuestionWithTheNewText()
    {
        var sam = await factory.SignInAsync("sam");
        var article = JsonNode.Parse(await sam.GetStringAsync("/dashboard/api/articles/pl/free_spins"))!;
        var questions = article["questions"]!.AsArray().Select(q => q!.GetValue<string>()).Append("gdzie są moje kręcioły za darmo").ToList();

        using var response = await sam.PutAsJsonAsync("/dashboard/api/articles/pl/free_spins", new
        {
            title = "Darmowe spiny — gdzie je znaleźć",
            questions,
            body = "Darmowe spiny znajdziesz w zakładce **Moje bonusy** (edytowane).",
            version = article["version"]!.GetValue<string>(),
        });
        await factory.Get<KnowledgeRuntime>().UntilTrainedOnAsync(factory.FaqDirectory);
        var reply = await factory.NewTestChannel("pl").AskAsync("gdzie są moje kręcioły za darmo");
        var reread = JsonNode.Parse(await sam.GetStringAsync("/dashboard/api/articles/pl/free_spins"))!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("(edytowane)", reply, StringComparison.Ordinal);
        Assert.Equal("Darmowe spiny — gdzie je znaleźć", reread["title"]!.GetValue<string>());
        Assert.Equal(("free_spins", "free_spins", "pl"), (reread["id"]!.GetValue<string>(), reread["intent"]!.GetValue<string>(), reread["language"]!.GetValue<string>()));
        Assert.Equal((await response.Content.ReadFromJsonAsync<JsonObject>())!["version"]!.GetValue<string>(), reread["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task Save_WithAnOldVersion_ConflictAndTheOtherEditStays()
    {
        var sam = await factory.SignInAsync("sam");
        var opened = JsonNode.Parse(await sam.GetStringAsync("/dashboard/api/articles/ru/goodbye"))!;
        var edit = new { title = "Прощание", questions = new[] { "пока" }, body = "Первая правка.", version = opened["version"]!.GetValue<string>() };

        using var first = await sam.PutAsJsonAsync("/dashboard/api/articles/ru/goodbye", edit);
        using var second = await sam.PutAsJsonAsync("/dashboard/api/articles/ru/goodbye", edit with { });
        var stored = JsonNode.Parse(await sam.GetStringAsync("/dashboard/api/articles/ru/goodbye"))!;

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Conflict), (first.StatusCode, second.StatusCode));
        Assert.Equal("Первая правка.", stored["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task BadEdits_ClearErrorsAndNothingChanges()
    {
        var sam = await factory.SignInAsync("sam");
        var alice = await factory.SignInAsync("alice");
        var path = Path.Combine(factory.FaqDirectory, "vi", "balance.md");
        var before = await File.ReadAllTextAsync(path);
        var version = JsonNode.Parse(await sam.GetStringAsync("/dashboard/api/articles/vi/balance"))!["version"]!.GetValue<string>();

        using var emptyBody = await sam.PutAsJsonAsync("/dashboard/api/articles/vi/balance", new { title = "Số dư", questions = new[] { "số dư" }, body = " ", version });
        using var missing = await sam.PutAsJsonAsync("/dashboard/api/articles/vi/balance", new { title = "Số dư" });
        using var unknown = await sam.GetAsync("/dashboard/api/articles/vi/no-such-article");
        using var traversal = await sam.GetAsync("/dashboard/api/articles/vi/..%2Fen%2Fbalance");
        using var notSupervisor = await alice.GetAsync("/dashboard/api/articles/vi/balance");

        Assert.Equal(HttpStatusCode.BadRequest, emptyBody.StatusCode);
        Assert.Contains("answer", (await emptyBody.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, traversal.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notSupervisor.StatusCode);
        Assert.Equal(before, await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task ArticlesList_Russian_EveryRussianArticleWithItsTitle()
    {
        var sam = await factory.SignInAsync("sam");

        var articles = JsonNode.Parse(await sam.GetStringAsync("/dashboard/api/articles?language=ru"))!.AsArray();
        using var noLanguage = await sam.GetAsync("/dashboard/api/articles");

        Assert.Equal(Directory.GetFiles(Path.Combine(factory.FaqDirectory, "ru"), "*.md").Length, articles.Count);
        Assert.Equal("Как вывести выигрыш", articles.Single(a => a!["id"]!.GetValue<string>() == "withdrawal_how")!["title"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, noLanguage.StatusCode);
    }
}
