using System.Data.Common;
using Handoff.Conversations;
using Handoff.Masking;

namespace Handoff.Persistence;

// The transcript: masked, idempotent appends and reads by watermark.
public abstract partial class RelationalHandoffStore
{
    /// <inheritdoc />
    public Task<AppendResult> AppendMessageAsync(NewMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrWhiteSpace(message.ConversationId);
        ArgumentNullException.ThrowIfNull(message.Text);
        // The bot's own answers are published content (the support address is not personal data); everything a
        // person wrote is masked, in the text and wherever the channel payload carries it (Telegram nests it, Teams
        // adds an HTML copy).
        var masked = message.Sender == MessageSender.Bot
            ? message
            : message with { Text = PiiMasker.Mask(message.Text), PayloadJson = PayloadText.Map(message.PayloadJson, PiiMasker.Mask) };
        return AppendCoreAsync(masked, Truncate(TimeProvider.GetUtcNow()), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TranscriptMessage>> GetMessagesAsync(
        string conversationId, long afterSeq, int limit, bool includeInternal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = CreateCommand(connection, null,
                $"SELECT {MessageColumns} FROM messages WHERE conversation_id = @conversation AND seq > @after " +
                (includeInternal ? "" : "AND NOT internal ") +
                "ORDER BY seq LIMIT @limit");
            AddParameter(command, "conversation", conversationId);
            AddParameter(command, "after", afterSeq);
            AddParameter(command, "limit", limit);
            return await ReadListAsync(command, ReadMessage, cancellationToken).ConfigureAwait(false);
        }
    }

    private protected async Task<TranscriptMessage?> FindMessageByExternalIdAsync(
        DbConnection connection, DbTransaction? transaction, string conversationId, string externalId, CancellationToken cancellationToken)
    {
        using var command = CreateCommand(connection, transaction,
            $"SELECT {MessageColumns} FROM messages WHERE conversation_id = @conversation AND external_id = @external");
        AddParameter(command, "conversation", conversationId);
        AddParameter(command, "external", externalId);
        return await ReadSingleAsync(command, ReadMessage, cancellationToken).ConfigureAwait(false);
    }

    private protected async Task<TranscriptMessage> InsertMessageAsync(
        DbConnection connection, DbTransaction transaction, NewMessage message, long seq, DateTimeOffset at, CancellationToken cancellationToken)
    {
        using var command = CreateCommand(connection, transaction,
            $"INSERT INTO messages ({MessageColumns}) VALUES (@conversation, @seq, @external, @sender, @senderName, @text, @payload, @internal, @at)");
        AddMessageParameters(command, message, at);
        AddParameter(command, "seq", seq);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return ToMessage(message, seq, at);
    }

    /// <summary>Adds @conversation, @external, @sender, @senderName, @text, @payload, @internal and @at.</summary>
    private protected void AddMessageParameters(DbCommand command, NewMessage message, DateTimeOffset at)
    {
        AddParameter(command, "conversation", message.ConversationId);
        AddParameter(command, "external", message.ExternalId);
        AddParameter(command, "sender", message.Sender.ToString());
        AddParameter(command, "senderName", message.SenderName);
        AddParameter(command, "text", message.Text);
        AddParameter(command, "payload", message.PayloadJson);
        AddParameter(command, "internal", message.Internal);
        AddParameter(command, "at", DbTime(at));
    }

    private protected static TranscriptMessage ToMessage(NewMessage message, long seq, DateTimeOffset at) => new()
    {
        Seq = seq,
        ConversationId = message.ConversationId,
        ExternalId = message.ExternalId,
        Sender = message.Sender,
        SenderName = message.SenderName,
        Text = message.Text,
        PayloadJson = message.PayloadJson,
        Internal = message.Internal,
        At = at,
    };

    private TranscriptMessage ReadMessage(DbDataReader reader) => new()
    {
        ConversationId = reader.GetString(0),
        Seq = reader.GetInt64(1),
        ExternalId = NullableString(reader, 2),
        Sender = Enum.Parse<MessageSender>(reader.GetString(3)),
        SenderName = NullableString(reader, 4),
        Text = reader.GetString(5),
        PayloadJson = NullableString(reader, 6),
        Internal = reader.GetBoolean(7),
        At = ReadTime(reader, 8),
    };
}
