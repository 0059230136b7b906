using Handoff.Tickets;

namespace Handoff.Tests.Support;

/// <summary>Compares tickets field by field, lists by content (records compare list references).</summary>
public sealed class TicketComparer : IEqualityComparer<Ticket?>
{
    public static TicketComparer Instance { get; } = new();

    public bool Equals(Ticket? x, Ticket? y) =>
        x is null || y is null
            ? x is null && y is null
            : x.TopIntents.SequenceEqual(y.TopIntents)
              && x.ArticlesShown.SequenceEqual(y.ArticlesShown)
              && x.Tags.SequenceEqual(y.Tags)
              && Normalize(x) == Normalize(y);

    public int GetHashCode(Ticket? obj) => obj?.Id.GetHashCode() ?? 0;

    private static Ticket Normalize(Ticket ticket) => ticket with { TopIntents = Array.Empty<IntentCandidate>(), ArticlesShown = Array.Empty<string>(), Tags = Array.Empty<string>() };
}
