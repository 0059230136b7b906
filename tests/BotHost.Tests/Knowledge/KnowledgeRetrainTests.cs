using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BotHost.Tests.Infrastructure;

namespace BotHost.Tests.Knowledge;

/// <summary>An operator edits data/faq and retrains from the console without restarting the host.</summary>
public sealed class KnowledgeRetrainTests(EditableFaqFactory factory) : IClassFixture<EditableFaqFactory>
{
    [Fact]
    public async Task Retrain_AgentNotSupervisor_IsForbidden()
    {
        var alice = await factory.SignInAsync("alice");

        using var response = await alice.PostAsync("/agent/api/retrain", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Retrain_EditedArticle_NextAnswerUsesTheNewTextWithoutRestart()
    {
        var sam = await factory.SignInAsync("sam");
        var path = Path.Combine(factory.FaqDirectory, "en", "goodbye.md");
        var text = await File.ReadAllTextAsync(path);
        var bodyStart = text.IndexOf("\n---", 4, StringComparison.Ordinal) + 4;
        await File.WriteAllTextAsync(path, text[..bodyStart] + "\nFarewell from the freshly retrained knowledge base.\n");

        using var response = await sam.PostAsync("/agent/api/retrain", null);
        var result = await response.Content.ReadFromJsonAsync<JsonObject>();
        var replies = await factory.NewTestChannel("en").SendAsync("bye, thanks that's all");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(result!["reloaded"]!.GetValue<bool>());
        Assert.Contains(replies, r => r.Text.Contains("freshly retrained", StringComparison.Ordinal));
    }
}
