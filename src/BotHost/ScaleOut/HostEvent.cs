using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BotHost.ScaleOut;

/// <summary>
/// One NOTIFY payload on <c>bot_events</c>: a kind and ids, never stored content (the receiver re-reads the store).
/// The one exception is <see cref="Activity"/> of a typing event, which is never stored and so cannot be re-read.
/// </summary>
internal sealed record HostEvent
{
    public const string ConversationKind = "conversation";
    public const string EphemeralKind = "ephemeral";
    public const string TicketKind = "ticket";
    public const string MessageKind = "message";

    /// <summary>PostgreSQL refuses NOTIFY payloads of 8000 bytes or more.</summary>
    public const int MaxPayloadBytes = 7999;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public required string Kind { get; init; }

    /// <summary>The publishing host, so it can skip its own events.</summary>
    public required string Origin { get; init; }

    /// <summary>Conversation id (conversation and ephemeral events).</summary>
    public string? Id { get; init; }

    public long? TicketId { get; init; }

    public long? Seq { get; init; }

    /// <summary>The ephemeral activity's JSON (typing only).</summary>
    public string? Activity { get; init; }

    public string ToPayload() => JsonSerializer.Serialize(this, Json);

    public static bool FitsNotify(string payload) => Encoding.UTF8.GetByteCount(payload) <= MaxPayloadBytes;

    public static bool TryParse(string payload, [NotNullWhen(true)] out HostEvent? hostEvent)
    {
        hostEvent = null;
        try
        {
            hostEvent = JsonSerializer.Deserialize<HostEvent>(payload, Json);
        }
        catch (JsonException)
        {
            return false;
        }

        return hostEvent is { Kind.Length: > 0, Origin.Length: > 0 };
    }
}
