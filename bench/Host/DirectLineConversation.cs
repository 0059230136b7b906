namespace Bench.Host;

/// <summary>A Direct Line conversation the bench opened: its id, the token for it, and the locale the player sends.</summary>
internal sealed record DirectLineConversation(string Id, string Token, string Locale);
