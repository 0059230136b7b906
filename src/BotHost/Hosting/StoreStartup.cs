using Handoff.Persistence;

namespace BotHost.Hosting;

/// <summary>Creates or migrates the store before the server listens.</summary>
internal sealed class StoreStartup(IHandoffStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
