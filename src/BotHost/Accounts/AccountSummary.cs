namespace BotHost.Accounts;

public enum VerificationState
{
    NotStarted,
    Pending,
    Verified,
}

public sealed record PendingWithdrawal(
    string Id, decimal Amount, string Method, string Status, DateTimeOffset RequestedAt, DateTimeOffset ExpectedBy);

public sealed record WageringProgress(string BonusName, decimal Required, decimal Wagered, DateTimeOffset ExpiresAt)
{
    public decimal Remaining => Math.Max(0, Required - Wagered);
}

/// <summary>What the bot may tell a verified player about their own account.</summary>
public sealed record AccountSummary
{
    public required string PlayerId { get; init; }
    public required string DisplayName { get; init; }
    public required string Currency { get; init; }
    public decimal Balance { get; init; }
    public decimal BonusBalance { get; init; }
    public bool IsVip { get; init; }
    public VerificationState Verification { get; init; }
    public IReadOnlyList<string> MissingDocuments { get; init; } = [];
    public IReadOnlyList<PendingWithdrawal> PendingWithdrawals { get; init; } = [];
    public IReadOnlyList<WageringProgress> Wagering { get; init; } = [];
}
