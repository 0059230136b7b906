using BotHost.Tests.Infrastructure;

namespace BotHost.Tests.Channels.Teams;

/// <summary>
/// The host with the Bot Framework channel pointed at a <see cref="ChannelEmulator"/> (and, authenticated, the agents' channel),
/// plus the test class's own <c>settings</c>.
/// </summary>
public sealed class TeamsAppFactory(ChannelEmulator emulator, bool authenticated, IEnumerable<KeyValuePair<string, string?>>? settings = null)
    : BotAppFactory
{
    public const string AgentChannel = "19:agents0123456789@thread.tacv2";

    /// <summary>Teams user ids of the test agents alice, boris and sam (BotAppFactory.Agents order).</summary>
    public static readonly string[] TeamsUserIds = ["29:alice-teams", "29:boris-teams", "29:sam-teams"];

    protected override IEnumerable<KeyValuePair<string, string?>> Settings()
    {
        yield return new("BotFramework:RetryDelayMilliseconds", "100");
        foreach (var setting in settings ?? [])
        {
            yield return setting;
        }

        if (!authenticated)
        {
            yield break;
        }

        yield return new("BotFramework:AppId", ChannelEmulator.AppId);
        yield return new("BotFramework:AppPassword", ChannelEmulator.AppPassword);
        yield return new("BotFramework:OpenIdMetadataUrl", emulator.MetadataUrl);
        yield return new("BotFramework:TokenEndpoint", emulator.TokenEndpoint);
        yield return new("Teams:AgentChannel", AgentChannel);
        yield return new("Teams:AgentServiceUrl", emulator.ServiceUrl);
        for (var i = 0; i < TeamsUserIds.Length; i++)
        {
            yield return new($"AgentConsole:Agents:{i}:TeamsUserId", TeamsUserIds[i]);
        }
    }
}
