using System.Net;
using BotHost.Turns;

namespace BotHost.Channels.Telegram;

public static class TelegramServiceCollectionExtensions
{
    /// <summary>The Telegram channel (Bot API, polling or webhook). It stays off without <c>Telegram:BotToken</c>.</summary>
    public static IServiceCollection AddTelegramChannel(this IServiceCollection services)
    {
        services.AddOptions<TelegramOptions>().BindConfiguration(TelegramOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient<TelegramClient>(http => http.Timeout = TimeSpan.FromSeconds(90))
            // The client lives in singletons (adapter, receiver): pooled connections are recycled instead of handlers.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                AutomaticDecompression = DecompressionMethods.All,
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.AddSingleton<TelegramUpdateHandler>();
        services.AddSingleton<IChannelAdapter, TelegramAdapter>();
        services.AddHostedService<TelegramReceiver>();
        return services;
    }
}
