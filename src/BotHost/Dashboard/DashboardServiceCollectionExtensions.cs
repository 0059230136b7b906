using BotHost.Handoffs;

namespace BotHost.Dashboard;

public static class DashboardServiceCollectionExtensions
{
    /// <summary>The dashboard's query side: conversation counts, recorded pickup times and unanswered messages.</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddSingleton<ConversationCounter>();
        services.AddSingleton<PickupRecorder>();
        services.AddSingleton<UnansweredRecorder>();
        services.AddSingleton<IAgentNotifier>(sp => sp.GetRequiredService<PickupRecorder>());
        return services;
    }
}
