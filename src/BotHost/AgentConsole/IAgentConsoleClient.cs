namespace BotHost.AgentConsole;

/// <summary>What the console receives over SignalR.</summary>
public interface IAgentConsoleClient
{
    Task Ticket(TicketView ticket);

    Task Message(long ticketId, MessageView message);
}
