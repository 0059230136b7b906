using BotHost.Handoffs;

namespace BotHost.Channels.Teams;

public static class TeamsServiceCollectionExtensions
{
    /// <summary>
    /// The Bot Framework / Teams channel: JWT checks, the Connector client (typed HttpClient with retries), the
    /// adapter, and — when <c>Teams:AgentChannel</c> is configured — ticket cards for agents in Teams, with the sweep that
    /// posts the cards Teams missed.
    /// </summary>
    public static IServiceCollection AddTeamsChannel(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<BotFrameworkOptions>().BindConfiguration(BotFrameworkOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<TeamsOptions>().BindConfiguration(TeamsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(BotFrameworkAuthenticator.MetadataClient, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddHttpClient<ConnectorClient>(c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<BotFrameworkAuthenticator>();
        services.AddSingleton<ConnectorCredentials>();
        services.AddSingleton<TeamsAgentThreads>();
        services.AddSingleton<TeamsCardClaims>();
        services.AddSingleton<TeamsAgentActions>();
        services.AddSingleton<Turns.IChannelAdapter, TeamsAdapter>();
        var teams = configuration.GetSection(TeamsOptions.SectionName).Get<TeamsOptions>();
        if (teams?.AgentChannelEnabled == true)
        {
            services.AddSingleton<TeamsAgentNotifier>();
            services.AddSingleton<IAgentNotifier>(sp => sp.GetRequiredService<TeamsAgentNotifier>());
            services.AddHostedService<TeamsCardSweep>();
        }

        return services;
    }
}
