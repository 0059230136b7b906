namespace BotHost.Tests.Channels.Teams;

/// <summary>The host with no BotFramework:AppId: authentication off, as for local development with the Emulator.</summary>
public sealed class UnauthenticatedTeamsHostFixture : TeamsHostFixture
{
    public UnauthenticatedTeamsHostFixture()
        : base(authenticated: false)
    {
    }
}
