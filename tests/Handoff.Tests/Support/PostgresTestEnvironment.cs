namespace Handoff.Tests.Support;

/// <summary>Where the PostgreSQL tests (stores here, scale-out in BotHost.Tests, which links this file) find their server.</summary>
public static class PostgresTestEnvironment
{
    public const string VariableName = "BOT_TEST_POSTGRES";

    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(VariableName) is { Length: > 0 } value ? value : null;

    public static bool IsCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Null when the tests should run (a server is configured, or CI requires them and they must fail).</summary>
    public static string? SkipReason => ConnectionString is null && !IsCi
        ? $"{VariableName} is not set; start a server with scripts/postgres-test-server.sh start and export the line it prints."
        : null;

    public static string MissingUnderCiMessage =>
        $"{VariableName} is not set but CI=true: the PostgreSQL tests must run in CI (scripts/postgres-test-server.sh start).";
}
