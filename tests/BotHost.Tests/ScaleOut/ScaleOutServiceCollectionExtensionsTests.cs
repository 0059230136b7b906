using BotHost.ScaleOut;
using Handoff;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BotHost.Tests.ScaleOut;

public sealed class ScaleOutServiceCollectionExtensionsTests
{
    private static ServiceProvider CreateSut(string provider)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<HandoffOptions>().Configure(o =>
        {
            o.Provider = provider;
            o.ConnectionString = provider == HandoffOptions.PostgresProvider ? "Host=127.0.0.1;Database=unused" : null;
        });
        services.AddHostEvents();
        return services.BuildServiceProvider();
    }

    [Fact]
    public void AddHostEvents_SqliteProvider_RegistersInProcessEventsWithoutListener()
    {
        using var sut = CreateSut(HandoffOptions.SqliteProvider);

        var hostEvents = sut.GetRequiredService<IHostEvents>();

        Assert.IsType<InProcessHostEvents>(hostEvents);
        Assert.IsNotAssignableFrom<IHostedService>(hostEvents);
    }

    [Fact]
    public void AddHostEvents_PostgresProvider_RegistersPostgresListenerAsHostedService()
    {
        using var sut = CreateSut(HandoffOptions.PostgresProvider);

        var hostEvents = sut.GetRequiredService<IHostEvents>();

        Assert.IsType<PostgresHostEvents>(hostEvents);
        Assert.Contains(sut.GetServices<IHostedService>(), s => s is HostEventsListener);
    }
}
