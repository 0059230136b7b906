using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace BotHost.AgentConsole;

/// <summary>The configured agents.</summary>
public sealed class AgentDirectory(IOptionsMonitor<AgentConsoleOptions> options)
{
    public IReadOnlyList<AgentAccount> All => options.CurrentValue.Agents;

    public AgentAccount? Find(string id) => All.FirstOrDefault(a => string.Equals(a.Id, id, StringComparison.OrdinalIgnoreCase));

    public AgentAccount? Authenticate(string id, string password) =>
        Find(id) is { } agent && PasswordHash.Verify(password, agent.PasswordHash) ? agent : null;

    public AgentAccount? FromPrincipal(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id ? Find(id) : null;
}
