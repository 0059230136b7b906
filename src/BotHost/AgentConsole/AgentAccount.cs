namespace BotHost.AgentConsole;

/// <summary>An agent who can sign in to the console. Passwords are stored as PBKDF2 hashes (<see cref="PasswordHash"/>).</summary>
public sealed class AgentAccount
{
    public string Id { get; set; } = "";
    public string DisplayName { get; set; } = "";
    /// <summary><c>pbkdf2-sha256$iterations$saltBase64$hashBase64</c>.</summary>
    public string PasswordHash { get; set; } = "";
    /// <summary><c>agent</c> or <c>supervisor</c>; supervisors see every queue.</summary>
    public string Role { get; set; } = "agent";
    public List<string> Queues { get; set; } = [];
    public List<string> Languages { get; set; } = [];
    /// <summary>How many chats the agent holds at once.</summary>
    public int Capacity { get; set; } = 3;
    /// <summary>The agent's Teams user id (<c>29:…</c>) or Entra object id, so a "Pick up" pressed in Teams claims as this agent.</summary>
    public string? TeamsUserId { get; set; }

    public bool IsSupervisor => string.Equals(Role, "supervisor", StringComparison.OrdinalIgnoreCase);

    public bool CanSee(string queue) => IsSupervisor || Queues.Contains(queue, StringComparer.Ordinal);

    /// <summary>Routing by language: an agent takes players in the languages they speak (no list = any language).</summary>
    public bool Speaks(string language) =>
        IsSupervisor || Languages.Count == 0 || Languages.Contains(language.Split('-')[0], StringComparer.OrdinalIgnoreCase);

    /// <summary>May take this ticket from a queue: their queue and a language they speak.</summary>
    public bool CanTake(string queue, string language) => CanSee(queue) && Speaks(language);
}
