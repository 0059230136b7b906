using System.ComponentModel.DataAnnotations;

namespace Handoff.Queues;

/// <summary>One agent queue: its tier, name shown to agents, first-response SLA and working hours.</summary>
public sealed class QueueOptions
{
    /// <summary>Support tier: 1 generalists, 2 specialists, 3 supervisors.</summary>
    /// <value>Default 1.</value>
    [Range(1, 3)]
    public int Tier { get; set; } = 1;

    /// <summary>Name shown in the agent console.</summary>
    /// <value>Default empty; the standard queues set their own.</value>
    [Required(AllowEmptyStrings = true)]
    public string DisplayName { get; set; } = "";

    /// <summary>Minutes within which a first agent response is due, counted from when the queue is open.</summary>
    /// <value>Default 15.</value>
    [Range(1, 10080)]
    public int SlaMinutes { get; set; } = 15;

    /// <summary>When agents are on duty.</summary>
    /// <value>Default every day 08:00–22:00 UTC.</value>
    [Required]
    public WorkingHoursOptions WorkingHours { get; set; } = new();
}
