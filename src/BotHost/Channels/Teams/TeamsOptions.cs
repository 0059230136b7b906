namespace BotHost.Channels.Teams;

/// <summary>Agents in Teams: the channel where ticket cards are posted and picked up.</summary>
public sealed class TeamsOptions
{
    public const string SectionName = "Teams";

    /// <summary>Teams conversation id of the agents' channel (<c>19:…@thread.tacv2</c>). <value>Default: none (ticket cards off).</value></summary>
    public string? AgentChannel { get; set; }

    /// <summary>Connector service URL of the agents' team (for example https://smba.trafficmanager.net/emea/). <value>Default: none.</value></summary>
    public string? AgentServiceUrl { get; set; }

    public bool AgentChannelEnabled => !string.IsNullOrWhiteSpace(AgentChannel) && !string.IsNullOrWhiteSpace(AgentServiceUrl);
}
