using Handoff.Tickets;

namespace Handoff.Tests.Support;

/// <summary>Builds tickets with sensible defaults.</summary>
public sealed class TicketBuilder
{
    private Ticket _ticket = new()
    {
        ConversationId = "webchat:c1",
        Channel = "webchat",
        Language = "en",
        Reason = "human_request",
        Queue = "l1_general",
        Status = TicketStatus.Waiting,
        CreatedAt = FakeTimeProvider.DefaultStart,
        SlaDueAt = FakeTimeProvider.DefaultStart.AddMinutes(5),
    };

    public TicketBuilder WithConversation(string conversationId)
    {
        _ticket = _ticket with { ConversationId = conversationId };
        return this;
    }

    public TicketBuilder WithPriority(int priority)
    {
        _ticket = _ticket with { Priority = priority };
        return this;
    }

    public TicketBuilder WithQueue(string queue)
    {
        _ticket = _ticket with { Queue = queue };
        return this;
    }

    public TicketBuilder CreatedAt(DateTimeOffset at)
    {
        _ticket = _ticket with { CreatedAt = at, SlaDueAt = at.AddMinutes(5) };
        return this;
    }

    public TicketBuilder With(Func<Ticket, Ticket> change)
    {
        _ticket = change(_ticket);
        return this;
    }

    public Ticket Build() => _ticket;
}
