namespace BotHost.Knowledge;

/// <summary>Trains or loads the knowledge before the server starts listening.</summary>
internal sealed class KnowledgeStartup(KnowledgeRuntime runtime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = runtime.EnsureLoaded();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
