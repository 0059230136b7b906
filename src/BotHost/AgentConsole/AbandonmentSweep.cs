using BotHost.Handoffs;
using Handoff;
using Microsoft.Extensions.Options;

namespace BotHost.AgentConsole;

/// <summary>Marks waiting tickets whose player went silent as abandoned and gives the conversation back to the bot.</summary>
internal sealed class AbandonmentSweep(
    HandoffService handoff, HandoffCoordinator coordinator, IOptions<AgentConsoleOptions> options, TimeProvider clock, ILogger<AbandonmentSweep> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await SweepAsync(stoppingToken);
        }
    }

    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var ticket in await handoff.AbandonStaleAsync(TimeSpan.FromMinutes(options.Value.AbandonAfterMinutes), cancellationToken))
            {
                Log.TicketAbandoned(logger, ticket.Id, ticket.ConversationId);
                await coordinator.ReturnToBotAsync(ticket, askRating: false, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.SweepFailed(logger, ex);
        }
    }
}
