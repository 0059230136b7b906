namespace BotHost.ScaleOut;

/// <summary>Runs the listener of the registered <see cref="IHostEvents"/> when it has one (PostgreSQL); in process, nothing.</summary>
internal sealed class HostEventsListener(IHostEvents hostEvents) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        hostEvents is IHostedService listener ? listener.StartAsync(cancellationToken) : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) =>
        hostEvents is IHostedService listener ? listener.StopAsync(cancellationToken) : Task.CompletedTask;
}
