using Handoff.Conversations;
using Handoff.Masking;

namespace Handoff.Persistence;

// Player messages the bot could not answer, for the operator's dashboard.
public abstract partial class RelationalHandoffStore
{
    /// <inheritdoc />
    public async Task RecordUnansweredAsync(string conversationId, string language, string text, string outcome, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrWhiteSpace(outcome);
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = CreateCommand(connection, null,
                "INSERT INTO unanswered (conversation_id, language, text, outcome, at) VALUES (@conversation, @language, @text, @outcome, @at)");
            AddParameter(command, "conversation", conversationId);
            AddParameter(command, "language", language);
            AddParameter(command, "text", PiiMasker.Mask(text));
            AddParameter(command, "outcome", outcome);
            AddParameter(command, "at", DbTime(TimeProvider.GetUtcNow()));
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<UnansweredQuestion>> ListUnansweredAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = CreateCommand(connection, null,
                "SELECT conversation_id, language, text, outcome, at FROM unanswered WHERE at >= @since ORDER BY at DESC, id DESC LIMIT @limit");
            AddParameter(command, "since", DbTime(since));
            AddParameter(command, "limit", limit);
            var result = new List<UnansweredQuestion>();
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    result.Add(new UnansweredQuestion(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), ReadTime(reader, 4)));
                }
            }

            return result;
        }
    }
}
