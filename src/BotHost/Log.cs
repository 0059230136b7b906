namespace BotHost;

/// <summary>BotHost log messages (EventIds 1xxx).</summary>
internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Warning, "Model file {Path} is unreadable ({Reason}); retraining")]
    public static partial void ModelUnreadable(ILogger logger, string path, string reason);

    [LoggerMessage(1002, LogLevel.Information, "Training the intent model on {Examples} questions from {FaqDirectory}")]
    public static partial void Training(ILogger logger, int examples, string faqDirectory);

    [LoggerMessage(1003, LogLevel.Information, "Training: {Step}")]
    public static partial void TrainingProgress(ILogger logger, string step);

    [LoggerMessage(1004, LogLevel.Information, "Trained {Intents} intents in {ElapsedMs} ms")]
    public static partial void Trained(ILogger logger, int intents, long elapsedMs);

    [LoggerMessage(1005, LogLevel.Information, "Indexed {Articles} articles in {ElapsedMs} ms")]
    public static partial void Indexed(ILogger logger, int articles, long elapsedMs);

    [LoggerMessage(1010, LogLevel.Error, "Turn failed in conversation {ConversationId} on {Channel}")]
    public static partial void TurnFailed(ILogger logger, string conversationId, string channel, Exception exception);

    [LoggerMessage(1011, LogLevel.Warning, "Could not deliver to conversation {ConversationId} on {Channel}")]
    public static partial void DeliveryFailed(ILogger logger, string conversationId, string channel, Exception exception);

    [LoggerMessage(1012, LogLevel.Debug, "Conversation {ConversationId}: language {Language}, intent {Intent} ({Confidence:0.000})")]
    public static partial void Predicted(ILogger logger, string conversationId, string language, string? intent, double confidence);

    [LoggerMessage(1013, LogLevel.Warning, "Account look-up failed in conversation {ConversationId}: {Reason}")]
    public static partial void AccountLookupFailed(ILogger logger, string conversationId, string reason);

    [LoggerMessage(1020, LogLevel.Information, "Handoff from conversation {ConversationId}: ticket {TicketId}, reason {Reason}, queue {Queue}")]
    public static partial void HandoffStarted(ILogger logger, string conversationId, long ticketId, string reason, string queue);

    [LoggerMessage(1021, LogLevel.Information, "Ticket {TicketId} of conversation {ConversationId} abandoned")]
    public static partial void TicketAbandoned(ILogger logger, long ticketId, string conversationId);

    [LoggerMessage(1022, LogLevel.Error, "Abandonment sweep failed")]
    public static partial void SweepFailed(ILogger logger, Exception exception);
}
