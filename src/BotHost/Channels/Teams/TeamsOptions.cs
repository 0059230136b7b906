using System.ComponentModel.DataAnnotations;

namespace BotHost.Channels.Teams;

/// <summary>Agents in Teams: the channel where ticket cards are posted and picked up.</summary>
public sealed class TeamsOptions
{
    public const string SectionName = "Teams";

    /// <summary>Teams conversation id of the agents' channel (<c>19:…@thread.tacv2</c>). <value>Default: none (ticket cards off).</value></summary>
    public string? AgentChannel { get; set; }

    /// <summary>Connector service URL of the agents' team (for example https://smba.trafficmanager.net/emea/). <value>Default: none.</value></summary>
    public string? AgentServiceUrl { get; set; }

    /// <summary>
    /// How often a host looks for waiting tickets whose card never reached the channel (Teams was down) and posts them.
    /// <value>Default 30 s.</value>
    /// </summary>
    [Range(1, 3600)]
    public int CardSweepSeconds { get; set; } = 30;

    public bool AgentChannelEnabled => !string.IsNullOrWhiteSpace(AgentChannel) && !string.IsNullOrWhiteSpace(AgentServiceUrl);
}
