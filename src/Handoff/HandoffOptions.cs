using System.ComponentModel.DataAnnotations;
using Handoff.Queues;

namespace Handoff;

/// <summary>
/// Configuration of the handoff library, bound from the <c>Handoff</c> section. Validation (DataAnnotations) also checks
/// every queue, its working hours and that routing rules name configured queues, so bad settings fail at start-up.
/// </summary>
public sealed class HandoffOptions : IValidatableObject
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Handoff";

    /// <summary>Provider name for the embedded SQLite store.</summary>
    public const string SqliteProvider = "Sqlite";

    /// <summary>Provider name for the shared PostgreSQL store.</summary>
    public const string PostgresProvider = "Postgres";

    /// <summary>Which store to use: <c>Sqlite</c> or <c>Postgres</c>.</summary>
    /// <value>Default <c>Sqlite</c>.</value>
    [Required]
    [AllowedValues(SqliteProvider, PostgresProvider)]
    public string Provider { get; set; } = SqliteProvider;

    /// <summary>Connection string of the store; when null the host picks a local SQLite file.</summary>
    /// <value>Default null.</value>
    public string? ConnectionString { get; set; }

    /// <summary>Queues by name (<c>l1_general</c>, <c>l2_payments</c>, …).</summary>
    /// <value>Default: the five standard queues, see <see cref="QueueOptions"/>.</value>
    [Required]
    public Dictionary<string, QueueOptions> Queues { get; } = CreateDefaultQueues();

    /// <summary>
    /// Routing rules: intent (exact, or a prefix ending in <c>*</c>) to queue name. An exact rule beats a wildcard; among
    /// wildcards the longest prefix wins.
    /// </summary>
    /// <value>Default: payments intents to <c>l2_payments</c>, technical ones to <c>l2_technical</c>, complaints to <c>l3_supervisors</c>.</value>
    [Required]
    public Dictionary<string, string> RoutingRules { get; } = CreateDefaultRules();

    /// <summary>Queue for tickets no rule matches.</summary>
    /// <value>Default <c>l1_general</c>.</value>
    [Required]
    public string DefaultQueue { get; set; } = "l1_general";

    /// <summary>Queue for VIP players, whatever the intent.</summary>
    /// <value>Default <c>l2_vip</c>.</value>
    [Required]
    public string VipQueue { get; set; } = "l2_vip";

    /// <summary>Priority every ticket starts with.</summary>
    /// <value>Default 0.</value>
    [Range(0, 1000)]
    public int BasePriority { get; set; }

    /// <summary>Priority added for VIP players.</summary>
    /// <value>Default 10.</value>
    [Range(0, 1000)]
    public int VipPriorityBoost { get; set; } = 10;

    /// <summary>Priority added for sensitive intents (self-exclusion, gambling problem, hacked account, complaint).</summary>
    /// <value>Default 20.</value>
    [Range(0, 1000)]
    public int SensitivePriorityBoost { get; set; } = 20;

    /// <summary>Checks the nested queue settings and the queues named by rules.</summary>
    /// <param name="validationContext">Validation context.</param>
    /// <returns>The problems found.</returns>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var errors = new List<ValidationResult>();
        foreach (var (name, queue) in Queues)
        {
            foreach (var item in new object?[] { queue, queue?.WorkingHours })
            {
                if (item is null)
                {
                    errors.Add(new ValidationResult($"Queue '{name}' has missing settings.", [nameof(Queues)]));
                    break;
                }

                var results = new List<ValidationResult>();
                Validator.TryValidateObject(item, new ValidationContext(item), results, validateAllProperties: true);
                errors.AddRange(results.Select(r => new ValidationResult($"Queue '{name}': {r.ErrorMessage}", [nameof(Queues)])));
            }
        }

        if (errors.Count == 0)
        {
            // The router checks what attributes cannot: time zone ids, day names, rules naming configured queues.
            try
            {
                _ = new QueueRouter(this);
            }
            catch (ArgumentException ex)
            {
                errors.Add(new ValidationResult(ex.Message, [nameof(Queues), nameof(RoutingRules)]));
            }
        }

        return errors;
    }

    private static Dictionary<string, QueueOptions> CreateDefaultQueues() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["l1_general"] = new QueueOptions { Tier = 1, DisplayName = "General support", SlaMinutes = 5, WorkingHours = WorkingHoursOptions.AlwaysOpen() },
        ["l2_payments"] = new QueueOptions { Tier = 2, DisplayName = "Payments", SlaMinutes = 15 },
        ["l2_technical"] = new QueueOptions { Tier = 2, DisplayName = "Technical support", SlaMinutes = 15 },
        ["l2_vip"] = new QueueOptions { Tier = 2, DisplayName = "VIP desk", SlaMinutes = 5 },
        ["l3_supervisors"] = new QueueOptions { Tier = 3, DisplayName = "Supervisors", SlaMinutes = 60 },
    };

    private static Dictionary<string, string> CreateDefaultRules() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["deposit_*"] = "l2_payments",
        ["withdrawal_*"] = "l2_payments",
        ["payment_*"] = "l2_payments",
        ["payout_*"] = "l2_payments",
        ["refund_*"] = "l2_payments",
        ["balance"] = "l2_payments",
        ["balance_*"] = "l2_payments",
        ["chargeback"] = "l2_payments",
        ["game_malfunction"] = "l2_technical",
        ["app_download"] = "l2_technical",
        ["site_access"] = "l2_technical",
        ["login_problem"] = "l2_technical",
        ["two_factor"] = "l2_technical",
        ["complaint"] = "l3_supervisors",
    };
}
