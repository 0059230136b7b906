namespace BotHost.Accounts;

/// <summary>The operator's player accounts: the embedded demo store, or the operator's player API.</summary>
public interface IAccountDirectory
{
    /// <summary>The account, or null when the player does not exist. Throws <see cref="AccountDirectoryUnavailableException"/> when the source is down.</summary>
    Task<AccountSummary?> FindAsync(string playerId, CancellationToken cancellationToken);
}

public sealed class AccountDirectoryUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
