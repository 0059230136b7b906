using BotHost.Handoffs;

namespace BotHost.Dashboard;

public static class DashboardServiceCollectionExtensions
{
    /// <summary>The dashboard's query side: recorded pickup times and unanswered messages.</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddSingleton<PickupRecorder>();
        services.AddSingleton<UnansweredRecorder>();
        services.AddSingleton<IAgentNotifier>(sp => sp.GetRequiredService<PickupRecorder>());
        return services;
    }
}
