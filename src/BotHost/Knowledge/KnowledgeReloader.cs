using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace BotHost.Knowledge;

/// <summary>
/// Retrains and re-indexes in the background when <c>data/faq</c> changes: at once after a supervisor taught the bot
/// from the dashboard, and every <see cref="IntentTrainingOptions.ReloadCheckSeconds"/> by comparing the fingerprint.
/// Requests made while a reload runs become one more reload. A knowledge base that no longer parses is logged and the
/// previous model keeps answering.
/// </summary>
public sealed class KnowledgeReloader(KnowledgeRuntime runtime, IOptions<IntentTrainingOptions> options, ILogger<KnowledgeReloader> logger)
    : BackgroundService
{
    private readonly Channel<bool> _requests = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Asks for a reload as soon as the current one, if any, has finished.</summary>
    public void Request() => _requests.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = options.Value.ReloadCheckSeconds;
        while (!stoppingToken.IsCancellationRequested)
        {
            using (var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
            {
                if (period > 0)
                {
                    wait.CancelAfter(TimeSpan.FromSeconds(period));
                }

                try
                {
                    await _requests.Reader.ReadAsync(wait.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    // The periodic check.
                }
            }

            try
            {
                if (await Task.Run(() => runtime.EnsureLoaded(), stoppingToken).ConfigureAwait(false))
                {
                    Log.KnowledgeReloaded(logger);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.KnowledgeReloadFailed(logger, ex);
            }
        }
    }
}
