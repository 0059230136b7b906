using BotHost.Knowledge;
using BotHost.Tests.Infrastructure;

namespace BotHost.Tests.Knowledge;

/// <summary>A running host picks up data/faq edited on disk by itself, and survives a file that does not parse.</summary>
public sealed class KnowledgeReloaderTests(KnowledgeReloaderTests.PollingFaqFactory factory) : IClassFixture<KnowledgeReloaderTests.PollingFaqFactory>
{
    /// <summary>Checks data/faq every second.</summary>
    public sealed class PollingFaqFactory : EditableFaqFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
            [.. base.Settings(), new("Intents:ReloadCheckSeconds", "1")];
    }

    [Fact]
    public async Task FileEditedOnDisk_BrokenFileThenFixed_OldModelKeepsAnsweringAndTheFixIsLive()
    {
        var knowledge = factory.Get<KnowledgeRuntime>();
        var goodbye = Path.Combine(factory.FaqDirectory, "en", "goodbye.md");
        var broken = Path.Combine(factory.FaqDirectory, "en", "broken.md");
        await File.WriteAllTextAsync(goodbye, WithBody(await File.ReadAllTextAsync(goodbye), "Goodbye from the edited file."));
        await knowledge.UntilTrainedOnAsync(factory.FaqDirectory);
        var edited = await factory.NewTestChannel("en").AskAsync("bye, thanks that's all");

        await File.WriteAllTextAsync(broken, "no front matter here\n");
        await File.WriteAllTextAsync(goodbye, WithBody(await File.ReadAllTextAsync(goodbye), "Goodbye after the broken file."));
        await Task.Delay(TimeSpan.FromSeconds(3));
        var whileBroken = await factory.NewTestChannel("en").AskAsync("bye, thanks that's all");
        File.Delete(broken);
        await knowledge.UntilTrainedOnAsync(factory.FaqDirectory);
        var fixedAnswer = await factory.NewTestChannel("en").AskAsync("bye, thanks that's all");

        Assert.Contains("Goodbye from the edited file.", edited, StringComparison.Ordinal);
        Assert.Contains("Goodbye from the edited file.", whileBroken, StringComparison.Ordinal);
        Assert.Contains("Goodbye after the broken file.", fixedAnswer, StringComparison.Ordinal);
    }

    private static string WithBody(string article, string body) =>
        article[..(article.IndexOf("\n---", 4, StringComparison.Ordinal) + 4)] + "\n" + body + "\n";
}
