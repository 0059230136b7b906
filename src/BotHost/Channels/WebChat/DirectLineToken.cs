namespace BotHost.Channels.WebChat;

/// <summary>What a Direct Line token grants: one conversation, as one user, possibly a verified player.</summary>
public sealed record DirectLineToken(string ConversationId, string UserId, string? UserName, string? PlayerId, string? Locale, DateTimeOffset ExpiresAt);
