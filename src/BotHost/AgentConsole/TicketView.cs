using Handoff.Conversations;
using Handoff.Tickets;

namespace BotHost.AgentConsole;

/// <summary>A ticket as the console shows it.</summary>
public sealed record TicketView(
    long Id, string ConversationId, string Channel, string Language, string? PlayerId, string Reason, int Priority,
    string Queue, string Status, string? AssigneeId, DateTimeOffset CreatedAt, DateTimeOffset? FirstResponseAt,
    DateTimeOffset? ClosedAt, DateTimeOffset SlaDueAt, IReadOnlyList<IntentCandidate> TopIntents, IReadOnlyList<string> ArticlesShown,
    string? AccountSnapshotJson, int? CsatScore, string? CsatComment, string? ResolutionCode, long Version)
{
    public static TicketView From(Ticket t) => new(
        t.Id, t.ConversationId, t.Channel, t.Language, t.PlayerId, t.Reason, t.Priority, t.Queue, t.Status.ToString(),
        t.AssigneeId, t.CreatedAt, t.FirstResponseAt, t.ClosedAt, t.SlaDueAt, t.TopIntents, t.ArticlesShown,
        t.AccountSnapshotJson, t.CsatScore, t.CsatComment, t.ResolutionCode, t.Version);
}

/// <summary>A transcript message as the console shows it.</summary>
public sealed record MessageView(long Seq, string Sender, string? SenderName, string Text, bool Internal, DateTimeOffset At)
{
    public static MessageView From(TranscriptMessage m) => new(m.Seq, m.Sender.ToString(), m.SenderName, m.Text, m.Internal, m.At);
}
