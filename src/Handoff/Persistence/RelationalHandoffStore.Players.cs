using Handoff.Conversations;

namespace Handoff.Persistence;

// A verified player's data: erasure on a data request.
public abstract partial class RelationalHandoffStore
{
    private const string PlayerConversations = "SELECT id FROM conversations WHERE player_id = @player";

    /// <inheritdoc />
    public async Task<PlayerErasure> ErasePlayerAsync(string playerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(playerId);
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                // Rows stay, so the statistics and every conversation's sequence numbers stay right; what identifies
                // or quotes the player goes.
                var messages = await EraseAsync(
                    $"UPDATE messages SET text = @erased, payload_json = NULL, sender_name = CASE WHEN sender = @playerSender THEN NULL ELSE sender_name END " +
                    $"WHERE conversation_id IN ({PlayerConversations})");
                _ = await EraseAsync($"UPDATE unanswered SET text = @erased WHERE conversation_id IN ({PlayerConversations})");
                var tickets = await EraseAsync(
                    "UPDATE tickets SET player_id = NULL, account_snapshot_json = NULL, csat_comment = NULL, version = version + 1 " +
                    $"WHERE player_id = @player OR conversation_id IN ({PlayerConversations})");
                var conversations = await EraseAsync("UPDATE conversations SET player_id = NULL WHERE player_id = @player");
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return new PlayerErasure(conversations, messages, tickets);

                async Task<int> EraseAsync(string sql)
                {
                    using var command = CreateCommand(connection, transaction, sql);
                    AddParameter(command, "player", playerId);
                    AddParameter(command, "erased", PlayerErasure.ErasedText);
                    AddParameter(command, "playerSender", nameof(MessageSender.Player));
                    return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }
}
