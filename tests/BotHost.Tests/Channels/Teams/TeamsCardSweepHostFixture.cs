namespace BotHost.Tests.Channels.Teams;

/// <summary>The Teams host with its background card sweep slowed to an hour, so each test runs the sweeps itself.</summary>
public sealed class TeamsCardSweepHostFixture : TeamsHostFixture
{
    public TeamsCardSweepHostFixture()
        : base(authenticated: true, [new("Teams:CardSweepSeconds", "3600")])
    {
    }
}
