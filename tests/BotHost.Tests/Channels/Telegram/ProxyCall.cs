using System.Text.Json.Nodes;

namespace BotHost.Tests.Channels.Telegram;

/// <summary>A Bot API call the bot made through the proxy; <c>Host</c> is the path prefix of a host's <see cref="TelegramBotApiProxy.UrlFor"/>.</summary>
public sealed record ProxyCall(string Method, JsonObject Body, long Timestamp, string? Host = null);
