using Handoff;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace BotHost.ScaleOut;

/// <summary>Registers what several hosts sharing PostgreSQL need: host events and a shared Data Protection key ring.</summary>
public static class ScaleOutServiceCollectionExtensions
{
    /// <summary><see cref="AddHostEvents"/>, and with PostgreSQL the Data Protection keys in the database.</summary>
    public static IServiceCollection AddScaleOut(this IServiceCollection services)
    {
        services.AddHostEvents();
        // Registered after AddBotHostDefaults' file-system key folder, so with PostgreSQL this repository wins.
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<HandoffOptions>>((keys, handoff) =>
        {
            if (UsesPostgres(handoff.Value) && handoff.Value.ConnectionString is { } connectionString)
            {
                keys.XmlRepository = new PostgresXmlRepository(connectionString);
            }
        });
        return services;
    }

    /// <summary>
    /// <see cref="IHostEvents"/>: in process with SQLite (one host), PostgreSQL LISTEN/NOTIFY with
    /// <c>Handoff:Provider=Postgres</c> (several hosts sharing the database), plus its listener as a hosted service.
    /// </summary>
    public static IServiceCollection AddHostEvents(this IServiceCollection services)
    {
        services.AddOptions<ScaleOutOptions>().BindConfiguration(ScaleOutOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<HostEventDispatcher>();
        services.AddSingleton<IHostEvents>(sp => UsesPostgres(sp.GetRequiredService<IOptions<HandoffOptions>>().Value)
            ? ActivatorUtilities.CreateInstance<PostgresHostEvents>(sp)
            : new InProcessHostEvents());
        services.AddHostedService<HostEventsListener>();
        return services;
    }

    private static bool UsesPostgres(HandoffOptions options) =>
        string.Equals(options.Provider, HandoffOptions.PostgresProvider, StringComparison.OrdinalIgnoreCase);
}
