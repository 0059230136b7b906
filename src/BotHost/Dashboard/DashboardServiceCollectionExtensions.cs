using BotHost.Handoffs;

namespace BotHost.Dashboard;

public static class DashboardServiceCollectionExtensions
{
    /// <summary>The dashboard's query side: conversation counts and recorded pickup times.</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddSingleton<ConversationCounter>();
        services.AddSingleton<PickupRecorder>();
        services.AddSingleton<IAgentNotifier>(sp => sp.GetRequiredService<PickupRecorder>());
        return services;
    }
}
