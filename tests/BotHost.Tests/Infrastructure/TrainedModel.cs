using BotHost.Hosting;
using BotHost.Knowledge;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BotHost.Tests.Infrastructure;

/// <summary>
/// Trains the intent model and builds the index from data/faq once per test run, then copies them into each test's
/// data folder; KnowledgeRuntime reuses them because the fingerprint matches.
/// </summary>
public static class TrainedModel
{
    private static readonly string[] Files = ["intents.model", "knowledge.db", "knowledge.db.fingerprint"];
    private static readonly Lazy<string> Template = new(Train, LazyThreadSafetyMode.ExecutionAndPublication);

    public static void CopyTo(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        foreach (var file in Files)
        {
            File.Copy(Path.Combine(Template.Value, file), Path.Combine(dataDirectory, file), overwrite: true);
        }
    }

    public static string NewDataDirectory(string prefix)
    {
        var path = Path.Combine(Path.GetTempPath(), "bothost-tests", prefix + "-" + Guid.NewGuid().ToString("N")[..8]);
        CopyTo(path);
        return path;
    }

    private static string Train()
    {
        var path = Path.Combine(Path.GetTempPath(), "bothost-tests", "model-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(path);
        using var runtime = new KnowledgeRuntime(
            Options.Create(new StorageOptions { DataDirectory = path }), Options.Create(new IntentTrainingOptions()), NullLogger<KnowledgeRuntime>.Instance);
        _ = runtime.EnsureLoaded();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(path, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: it is a temp folder.
            }
        };
        return path;
    }
}
