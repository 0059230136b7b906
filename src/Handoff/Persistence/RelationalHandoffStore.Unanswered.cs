using System.Data.Common;
using Handoff.Conversations;
using Handoff.Masking;

namespace Handoff.Persistence;

// Player messages the bot could not answer, for the operator's dashboard.
public abstract partial class RelationalHandoffStore
{
    private const string UnansweredColumns = "id, conversation_id, language, text, outcome, at, reviewed_as";

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
                $"SELECT {UnansweredColumns} FROM unanswered WHERE at >= @since ORDER BY at DESC, id DESC LIMIT @limit");
            AddParameter(command, "since", DbTime(since));
            AddParameter(command, "limit", limit);
            return await ReadUnansweredAsync(command, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<UnansweredQuestion?> GetUnansweredAsync(long id, CancellationToken cancellationToken)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = CreateCommand(connection, null, $"SELECT {UnansweredColumns} FROM unanswered WHERE id = @id");
            AddParameter(command, "id", id);
            return (await ReadUnansweredAsync(command, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
        }
    }

    /// <inheritdoc />
    public async Task<int> ReviewUnansweredAsync(IReadOnlyCollection<long> ids, string reviewedAs, string reviewedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentException.ThrowIfNullOrWhiteSpace(reviewedAs);
        ArgumentException.ThrowIfNullOrWhiteSpace(reviewedBy);
        var reviewed = 0;
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            foreach (var chunk in ids.Distinct().Chunk(InListBatch))
            {
                // Only rows nobody reviewed yet: two supervisors reviewing the same message at once do not overwrite each other.
                using var command = CreateCommand(connection, null,
                    $"UPDATE unanswered SET reviewed_as = @as, reviewed_by = @by, reviewed_at = @at WHERE reviewed_as IS NULL AND id IN ({string.Join(", ", chunk.Select((_, i) => $"@id{i}"))})");
                AddParameter(command, "as", reviewedAs);
                AddParameter(command, "by", reviewedBy);
                AddParameter(command, "at", DbTime(TimeProvider.GetUtcNow()));
                for (var i = 0; i < chunk.Length; i++)
                {
                    AddParameter(command, $"id{i}", chunk[i]);
                }

                reviewed += await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return reviewed;
    }

    private async Task<List<UnansweredQuestion>> ReadUnansweredAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var result = new List<UnansweredQuestion>();
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                result.Add(new UnansweredQuestion(
                    reader.GetInt64(0),
                    reader.GetString(1),
                    reader.GetString(2),
                    reader.GetString(3),
                    reader.GetString(4),
                    ReadTime(reader, 5),
                    reader.IsDBNull(6) ? null : reader.GetString(6)));
            }
        }

        return result;
    }
}
