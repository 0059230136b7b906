using BotHost.Knowledge;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BotHost.Hosting;

/// <summary>Healthy once the intent model and the search index are loaded.</summary>
internal sealed class ReadinessCheck(KnowledgeRuntime knowledge) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(knowledge.IsReady
            ? HealthCheckResult.Healthy($"{knowledge.Classifier.Intents.Count} intents")
            : HealthCheckResult.Unhealthy("knowledge not loaded"));
}
