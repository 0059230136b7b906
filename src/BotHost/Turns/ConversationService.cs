using Handoff.Conversations;
using Handoff.Persistence;

namespace BotHost.Turns;

/// <summary>Loads and updates conversation records; serialises turns of one conversation within this process.</summary>
public sealed class ConversationService(IHandoffStore store, TimeProvider clock)
{
    private const int MaxAttempts = 8;
    private readonly SemaphoreSlim[] _stripes = Enumerable.Range(0, 256).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public async Task<IDisposable> LockAsync(string conversationId, CancellationToken cancellationToken)
    {
        var stripe = _stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(conversationId) % (uint)_stripes.Length)];
        await stripe.WaitAsync(cancellationToken);
        return new Releaser(stripe);
    }

    public Task<ConversationRecord?> GetAsync(string id, CancellationToken cancellationToken) =>
        store.GetConversationAsync(id, cancellationToken);

    public Task<ConversationRecord> GetOrCreateAsync(string id, string channel, string? referenceJson, string language, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return store.GetOrCreateConversationAsync(new ConversationRecord
        {
            Id = id,
            Channel = channel,
            ReferenceJson = referenceJson,
            Language = language,
            CreatedAt = now,
            LastPlayerActivityAt = now,
        }, cancellationToken);
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the record the caller already holds; only when someone else changed it
    /// meanwhile (a version conflict) is it re-read and the change re-applied. Saves a read per update on the turn path.
    /// </summary>
    public async Task<ConversationRecord> UpdateAsync(ConversationRecord current, Func<ConversationRecord, ConversationRecord> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        return await store.TryUpdateConversationAsync(change(current) with { Version = current.Version }, cancellationToken)
            ?? await UpdateAsync(current.Id, change, cancellationToken);
    }

    /// <summary>Applies <paramref name="change"/> with optimistic concurrency, re-reading and re-applying on conflict.</summary>
    public async Task<ConversationRecord> UpdateAsync(string id, Func<ConversationRecord, ConversationRecord> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var current = await store.GetConversationAsync(id, cancellationToken)
                ?? throw new InvalidOperationException($"Conversation '{id}' does not exist.");
            var updated = await store.TryUpdateConversationAsync(change(current) with { Version = current.Version }, cancellationToken);
            if (updated is not null)
            {
                return updated;
            }
        }

        throw new InvalidOperationException($"Conversation '{id}' kept changing under {MaxAttempts} update attempts.");
    }

    private sealed class Releaser(SemaphoreSlim semaphore) : IDisposable
    {
        public void Dispose() => semaphore.Release();
    }
}
