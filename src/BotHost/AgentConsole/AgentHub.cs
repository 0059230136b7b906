using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace BotHost.AgentConsole;

/// <summary>Pushes tickets and messages to signed-in agents: each joins its queues' groups (supervisors see all).</summary>
[Authorize(AuthenticationSchemes = AgentConsoleApi.Scheme)]
public sealed class AgentHub(AgentDirectory agents, AgentPresence presence) : Hub<IAgentConsoleClient>
{
    public const string SupervisorsGroup = "supervisors";

    public static string QueueGroup(string queue) => "queue:" + queue;

    public static string AgentGroup(string agentId) => "agent:" + agentId;

    public override async Task OnConnectedAsync()
    {
        if (agents.FromPrincipal(Context.User!) is not { } agent)
        {
            Context.Abort();
            return;
        }

        presence.Connected(agent.Id);
        await Groups.AddToGroupAsync(Context.ConnectionId, AgentGroup(agent.Id));
        if (agent.IsSupervisor)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, SupervisorsGroup);
        }

        foreach (var queue in agent.Queues)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, QueueGroup(queue));
        }

        await base.OnConnectedAsync();
    }

    /// <summary>
    /// Returns once this connection has joined its groups. SignalR completes the client's handshake before
    /// <see cref="OnConnectedAsync"/> runs, and invocations are handled only after it, so a client that awaits this
    /// knows that from now on no ticket or message for its queues is pushed past it.
    /// </summary>
    public string Ready() => "ready";

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        if (agents.FromPrincipal(Context.User!) is { } agent)
        {
            presence.Disconnected(agent.Id);
        }

        return base.OnDisconnectedAsync(exception);
    }
}
