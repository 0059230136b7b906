using Handoff.Persistence;
using Handoff.Tickets;
using Microsoft.Extensions.Options;

namespace BotHost.Channels.Teams;

/// <summary>
/// Posts the ticket cards that never reached the agents' Teams channel (Teams or the network was down when the ticket
/// came): every <see cref="TeamsOptions.CardSweepSeconds"/>, each waiting ticket without a thread (one store query for
/// all their threads) gets its card through
/// <see cref="TeamsAgentNotifier.PostCardAsync"/>, whose claim keeps the sweeps of several hosts to one card.
/// </summary>
internal sealed class TeamsCardSweep(
    TeamsAgentNotifier notifier,
    TeamsAgentThreads threads,
    IHandoffStore store,
    IOptions<TeamsOptions> options,
    TimeProvider clock,
    ILogger<TeamsCardSweep> logger)
    : BackgroundService
{
    // Far more than ever wait at once; past it, the highest-priority and oldest tickets come first.
    private const int MaxTickets = 1000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!threads.IsEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.CardSweepSeconds), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await SweepAsync(stoppingToken);
        }
    }

    /// <summary>One pass; returns how many cards it posted. Stops at the first Connector failure: Teams is still down.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var posted = 0;
        long? current = null;
        try
        {
            var waiting = await store.ListTicketsAsync(new TicketQuery { Statuses = [TicketStatus.Waiting], Limit = MaxTickets }, cancellationToken);
            var withThreads = await threads.WithThreadsAsync([.. waiting.Select(t => t.Id)], cancellationToken);
            foreach (var listed in waiting.Where(t => !withThreads.Contains(t.Id)))
            {
                current = listed.Id;
                // Read again: an agent may have picked it up since the list was read, and a picked-up ticket gets no card.
                if (await store.GetTicketAsync(listed.Id, cancellationToken) is { Status: TicketStatus.Waiting } ticket
                    && await notifier.PostCardAsync(ticket, cancellationToken))
                {
                    posted++;
                }
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            Log.TeamsCardSweepStopped(logger, current ?? 0, options.Value.CardSweepSeconds, ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.TeamsCardSweepFailed(logger, ex);
        }

        if (posted > 0)
        {
            Log.TeamsMissedCardsPosted(logger, posted);
        }

        return posted;
    }
}
