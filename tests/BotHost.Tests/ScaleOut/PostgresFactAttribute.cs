namespace BotHost.Tests.ScaleOut;

/// <summary>A PostgreSQL-only fact: skipped with a visible reason without a server, failing under CI=true instead.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        Skip = PostgresTestEnvironment.SkipReason;
    }
}
