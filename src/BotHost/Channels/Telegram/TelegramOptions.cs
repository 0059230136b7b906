using System.ComponentModel.DataAnnotations;

namespace BotHost.Channels.Telegram;

/// <summary>The Telegram channel. Without a bot token the channel is off.</summary>
public sealed class TelegramOptions : IValidatableObject
{
    public const string SectionName = "Telegram";

    /// <summary>The Bot API server. <value>Default https://api.telegram.org.</value></summary>
    [Required]
    [Url]
    public string ApiBaseUrl { get; set; } = "https://api.telegram.org";

    /// <summary>The token from @BotFather. <value>Default none: the channel is off.</value></summary>
    public string? BotToken { get; set; }

    /// <summary><value>Default <see cref="TelegramMode.Polling"/>.</value></summary>
    public TelegramMode Mode { get; set; } = TelegramMode.Polling;

    /// <summary>Sent by Telegram in <c>X-Telegram-Bot-Api-Secret-Token</c> on every webhook call. <value>Default none; required in webhook mode.</value></summary>
    [RegularExpression("^[A-Za-z0-9_-]{1,256}$")]
    public string? WebhookSecret { get; set; }

    /// <summary>This host's public base URL; the webhook is <c>{PublicUrl}/api/telegram</c>. <value>Default none; required in webhook mode.</value></summary>
    [Url]
    public string? PublicUrl { get; set; }

    /// <summary>The bot's @username, for t.me deep links. <value>Default "support_bot".</value></summary>
    [Required]
    public string BotUsername { get; set; } = "support_bot";

    /// <summary>Long-polling timeout of getUpdates; at least 5 s shorter than <see cref="PollLeaseSeconds"/>. <value>Default 25 s.</value></summary>
    [Range(0, 50)]
    public int PollTimeoutSeconds { get; set; } = 25;

    /// <summary>
    /// How long the polling lease lasts: of several hosts on one store only the holder calls getUpdates, and a host that
    /// stopped without releasing it (a crash) is replaced after at most this long. <value>Default 30 s.</value>
    /// </summary>
    [Range(5, 3600)]
    public int PollLeaseSeconds { get; set; } = 30;

    /// <summary>
    /// Longest time the holder goes without renewing the lease while it handles a batch of updates; it also renews
    /// before every getUpdates and before handling what that returned. At most half of <see cref="PollLeaseSeconds"/>.
    /// <value>Default 10 s.</value>
    /// </summary>
    [Range(1, 1800)]
    public int PollLeaseRenewSeconds { get; set; } = 10;

    /// <summary>How often a host that does not hold the lease tries to take it. <value>Default 5000 ms.</value></summary>
    [Range(100, 60_000)]
    public int PollLeaseRetryMilliseconds { get; set; } = 5000;

    /// <summary>Pause after a failed getUpdates. <value>Default 3000 ms.</value></summary>
    [Range(10, 60_000)]
    public int PollErrorDelayMilliseconds { get; set; } = 3000;

    /// <summary>Retries of a Bot API call after 429 (honouring retry_after), 5xx or a network error. <value>Default 3.</value></summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>Longest retry_after the client waits for before giving up. <value>Default 30 s.</value></summary>
    [Range(1, 3600)]
    public int MaxRetryAfterSeconds { get; set; } = 30;

    public bool Enabled => !string.IsNullOrWhiteSpace(BotToken);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Enabled && Mode == TelegramMode.Polling)
        {
            // A long poll started right after a renewal must end while that renewal still holds.
            if (PollTimeoutSeconds + 5 > PollLeaseSeconds)
            {
                yield return new ValidationResult(
                    "Telegram:PollTimeoutSeconds must be at least 5 s shorter than Telegram:PollLeaseSeconds.",
                    [nameof(PollTimeoutSeconds), nameof(PollLeaseSeconds)]);
            }

            if (PollLeaseRenewSeconds * 2 > PollLeaseSeconds)
            {
                yield return new ValidationResult(
                    "Telegram:PollLeaseRenewSeconds must be at most half of Telegram:PollLeaseSeconds.",
                    [nameof(PollLeaseRenewSeconds), nameof(PollLeaseSeconds)]);
            }
        }

        if (Enabled && Mode == TelegramMode.Webhook)
        {
            if (string.IsNullOrWhiteSpace(WebhookSecret))
            {
                yield return new ValidationResult("Telegram:WebhookSecret is required in webhook mode.", [nameof(WebhookSecret)]);
            }

            if (string.IsNullOrWhiteSpace(PublicUrl))
            {
                yield return new ValidationResult("Telegram:PublicUrl is required in webhook mode.", [nameof(PublicUrl)]);
            }
        }
    }
}
