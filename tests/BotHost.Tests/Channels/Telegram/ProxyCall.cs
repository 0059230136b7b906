using System.Text.Json.Nodes;

namespace BotHost.Tests.Channels.Telegram;

/// <summary>A Bot API call the bot made through the proxy.</summary>
public sealed record ProxyCall(string Method, JsonObject Body, long Timestamp);
