namespace Handoff.Conversations;

/// <summary>What erasing a player's data changed.</summary>
/// <param name="Conversations">Conversations no longer linked to the player.</param>
/// <param name="Messages">Messages whose text was replaced by <see cref="ErasedText"/>.</param>
/// <param name="Tickets">Tickets stripped of the player id, account snapshot and rating comment.</param>
public sealed record PlayerErasure(int Conversations, int Messages, int Tickets)
{
    /// <summary>What an erased message says instead.</summary>
    public const string ErasedText = "[erased at the player's request]";
}
