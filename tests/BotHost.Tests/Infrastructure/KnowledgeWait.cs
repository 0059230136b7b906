using System.Diagnostics;
using BotHost.Knowledge;
using KnowledgeIndex.Indexing;

namespace BotHost.Tests.Infrastructure;

/// <summary>Waits for the host's background retrain after data/faq was taught.</summary>
public static class KnowledgeWait
{
    /// <summary>Until the live model was trained from <paramref name="faqDirectory"/> as it is now (at most two minutes).</summary>
    public static async Task UntilTrainedOnAsync(this KnowledgeRuntime knowledge, string faqDirectory)
    {
        var current = FaqSource.Fingerprint(faqDirectory) + "|";
        var waited = Stopwatch.StartNew();
        while (!knowledge.Classifier.DataFingerprint.StartsWith(current, StringComparison.Ordinal) && waited.Elapsed < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(100);
        }

        Assert.StartsWith(current, knowledge.Classifier.DataFingerprint, StringComparison.Ordinal);
    }
}
