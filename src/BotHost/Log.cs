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

    [LoggerMessage(1006, LogLevel.Information, "The knowledge base changed; the new model and index are live")]
    public static partial void KnowledgeReloaded(ILogger logger);

    [LoggerMessage(1007, LogLevel.Error, "Reloading the knowledge base failed; the previous model and index stay in use")]
    public static partial void KnowledgeReloadFailed(ILogger logger, Exception exception);

    [LoggerMessage(1008, LogLevel.Information, "{AgentId} taught the knowledge base: {Language} message reviewed as {ReviewedAs}")]
    public static partial void KnowledgeTaught(ILogger logger, string agentId, string language, string reviewedAs);

    [LoggerMessage(1009, LogLevel.Information, "{AgentId} edited the article {Language}/{ArticleId}")]
    public static partial void ArticleEdited(ILogger logger, string agentId, string language, string articleId);

    [LoggerMessage(1040, LogLevel.Warning, "{AgentId} erased the data of player {PlayerId}: {Conversations} conversations, {Messages} messages, {Tickets} tickets")]
    public static partial void PlayerErased(ILogger logger, string agentId, string playerId, int conversations, int messages, int tickets);

    [LoggerMessage(1010, LogLevel.Error, "Turn failed in conversation {ConversationId} on {Channel}")]
    public static partial void TurnFailed(ILogger logger, string conversationId, string channel, Exception exception);

    [LoggerMessage(1011, LogLevel.Warning, "Could not deliver to conversation {ConversationId} on {Channel}")]
    public static partial void DeliveryFailed(ILogger logger, string conversationId, string channel, Exception exception);

    [LoggerMessage(1012, LogLevel.Debug, "Conversation {ConversationId}: language {Language}, intent {Intent} ({Confidence:0.000})")]
    public static partial void Predicted(ILogger logger, string conversationId, string language, string? intent, double confidence);

    [LoggerMessage(1013, LogLevel.Warning, "Account look-up failed in conversation {ConversationId}: {Reason}")]
    public static partial void AccountLookupFailed(ILogger logger, string conversationId, string reason);

    [LoggerMessage(1014, LogLevel.Warning, "Conversation {ConversationId}: an unanswered message could not be recorded for the dashboard")]
    public static partial void UnansweredNotRecorded(ILogger logger, string conversationId, Exception exception);

    [LoggerMessage(1020, LogLevel.Information, "Handoff from conversation {ConversationId}: ticket {TicketId}, reason {Reason}, queue {Queue}")]
    public static partial void HandoffStarted(ILogger logger, string conversationId, long ticketId, string reason, string queue);

    [LoggerMessage(1021, LogLevel.Information, "Ticket {TicketId} of conversation {ConversationId} abandoned")]
    public static partial void TicketAbandoned(ILogger logger, long ticketId, string conversationId);

    [LoggerMessage(1022, LogLevel.Error, "Abandonment sweep failed")]
    public static partial void SweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(1030, LogLevel.Information, "Conversation {ConversationId} on {Channel} linked to a player account")]
    public static partial void AccountLinked(ILogger logger, string conversationId, string channel);

    [LoggerMessage(1031, LogLevel.Information, "Conversation {ConversationId} on {Channel}: account-linking code malformed, unknown, used or expired")]
    public static partial void LinkCodeRejected(ILogger logger, string conversationId, string channel);

    [LoggerMessage(1032, LogLevel.Warning, "Conversation {ConversationId} on {Channel} is shared: account linking refused and the code spent")]
    public static partial void LinkRefusedShared(ILogger logger, string conversationId, string channel);

    [LoggerMessage(1100, LogLevel.Information, "Telegram channel: {State}")]
    public static partial void TelegramChannel(ILogger logger, string state);

    [LoggerMessage(1101, LogLevel.Warning, "Telegram getUpdates failed; polling again in {DelayMs} ms")]
    public static partial void TelegramPollFailed(ILogger logger, int delayMs, Exception exception);

    [LoggerMessage(1102, LogLevel.Warning, "Telegram update {UpdateId} could not be answered")]
    public static partial void TelegramUpdateFailed(ILogger logger, long updateId, Exception exception);

    [LoggerMessage(1103, LogLevel.Information, "Telegram webhook set to {Url}")]
    public static partial void TelegramWebhookSet(ILogger logger, string url);

    [LoggerMessage(1104, LogLevel.Error, "Telegram setWebhook to {Url} failed")]
    public static partial void TelegramWebhookFailed(ILogger logger, string url, Exception exception);

    [LoggerMessage(1105, LogLevel.Warning, "Telegram webhook call rejected: missing or wrong secret token")]
    public static partial void TelegramWebhookRejected(ILogger logger);

    [LoggerMessage(1106, LogLevel.Information, "Telegram {Method} attempt {Attempt} failed ({Outcome}); retrying in {DelayMs} ms")]
    public static partial void TelegramRetry(ILogger logger, string method, int attempt, string outcome, long delayMs);

    [LoggerMessage(1107, LogLevel.Warning, "Telegram {Method} failed")]
    public static partial void TelegramCallFailed(ILogger logger, string method, Exception exception);

    [LoggerMessage(1108, LogLevel.Information, "Telegram polling: host {HostId} took the polling lease for {LeaseSeconds} s")]
    public static partial void TelegramLeaseAcquired(ILogger logger, string hostId, int leaseSeconds);

    [LoggerMessage(1109, LogLevel.Warning, "Telegram polling: host {HostId} lost the polling lease to another host; stopped polling")]
    public static partial void TelegramLeaseLost(ILogger logger, string hostId);

    [LoggerMessage(1111, LogLevel.Information, "Telegram polling: host {HostId} released the polling lease")]
    public static partial void TelegramLeaseReleased(ILogger logger, string hostId);

    [LoggerMessage(1112, LogLevel.Information, "Telegram polling: host {HostId} stands by while host {Holder} polls")]
    public static partial void TelegramLeaseStandby(ILogger logger, string hostId, string holder);

    [LoggerMessage(1113, LogLevel.Warning, "Telegram polling: host {HostId} could not release the polling lease; another host takes it when it expires")]
    public static partial void TelegramLeaseReleaseFailed(ILogger logger, string hostId, Exception exception);

    [LoggerMessage(1110, LogLevel.Warning, "Button dropped: its value of {Bytes} bytes exceeds Telegram's 64-byte callback_data limit")]
    public static partial void TelegramButtonDropped(ILogger logger, int bytes);

    [LoggerMessage(1150, LogLevel.Information, "Bot Framework channel on {Route}: authentication {Authentication}")]
    public static partial void BotFrameworkOn(ILogger logger, string route, string authentication);

    [LoggerMessage(1151, LogLevel.Information, "Teams agent channel {State}")]
    public static partial void TeamsAgentChannel(ILogger logger, string state);

    [LoggerMessage(1152, LogLevel.Warning, "Bot Framework activity for conversation {ConversationId} refused (401): {Reason}")]
    public static partial void BotFrameworkUnauthorized(ILogger logger, string conversationId, string reason);

    [LoggerMessage(1153, LogLevel.Warning, "Could not post to the Teams agent channel for ticket {TicketId}")]
    public static partial void TeamsAgentPostFailed(ILogger logger, long ticketId, Exception exception);

    [LoggerMessage(1154, LogLevel.Warning, "The Connector gave the card of ticket {TicketId} no activity id; no thread to follow")]
    public static partial void TeamsCardWithoutId(ILogger logger, long ticketId);

    [LoggerMessage(1155, LogLevel.Information, "Ticket {TicketId} card posted to the Teams agent channel (thread {ThreadId})")]
    public static partial void TeamsCardPosted(ILogger logger, long ticketId, string threadId);

    [LoggerMessage(1156, LogLevel.Warning, "Teams user {TeamsUserId} acted on ticket {TicketId} but is not mapped to an agent")]
    public static partial void TeamsUnknownAgent(ILogger logger, string teamsUserId, long ticketId);

    [LoggerMessage(1157, LogLevel.Information, "Ticket {TicketId}: pick up from Teams by {AgentId}: {Outcome}")]
    public static partial void TeamsPickup(ILogger logger, long ticketId, string agentId, string outcome);

    [LoggerMessage(1158, LogLevel.Error, "The Bot Framework OpenID metadata could not be fetched; activities are refused with 503")]
    public static partial void BotFrameworkMetadataUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(1159, LogLevel.Warning, "Could not answer in the Teams agent channel thread {ConversationId}")]
    public static partial void TeamsAgentReplyFailed(ILogger logger, string conversationId, Exception exception);

    [LoggerMessage(1160, LogLevel.Information, "Teams agent channel: posted {Count} missed ticket cards")]
    public static partial void TeamsMissedCardsPosted(ILogger logger, int count);

    [LoggerMessage(1161, LogLevel.Warning, "Teams card sweep stopped at ticket {TicketId}: the Connector still fails; next sweep in {IntervalSeconds} s")]
    public static partial void TeamsCardSweepStopped(ILogger logger, long ticketId, int intervalSeconds, Exception exception);

    [LoggerMessage(1162, LogLevel.Error, "Teams card sweep failed")]
    public static partial void TeamsCardSweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(1163, LogLevel.Debug, "Ticket {TicketId}: its Teams card is claimed by another poster or already there")]
    public static partial void TeamsCardClaimedElsewhere(ILogger logger, long ticketId);

    [LoggerMessage(1250, LogLevel.Information, "Host events: listening on PostgreSQL channel {Channel} as host {HostId}")]
    public static partial void HostEventsListening(ILogger logger, string channel, string hostId);

    [LoggerMessage(1251, LogLevel.Warning, "Host events: listener connection lost; reconnecting in {DelayMs} ms")]
    public static partial void HostEventsListenerLost(ILogger logger, long delayMs, Exception exception);

    [LoggerMessage(1252, LogLevel.Information, "Host events: listening again; {Conversations} conversations' readers re-read the store")]
    public static partial void HostEventsCaughtUp(ILogger logger, int conversations);

    [LoggerMessage(1253, LogLevel.Warning, "Host events: not listening {WaitMs} ms after start; serving anyway, the listener keeps retrying")]
    public static partial void HostEventsNotListeningYet(ILogger logger, int waitMs);

    [LoggerMessage(1254, LogLevel.Warning, "Host event {Kind} not published: {Reason}")]
    public static partial void HostEventDropped(ILogger logger, string kind, string reason);

    [LoggerMessage(1255, LogLevel.Error, "Host events: publishing {Count} notifications failed after retries")]
    public static partial void HostEventsPublishFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(1256, LogLevel.Warning, "Host event {Kind} from another host could not be applied")]
    public static partial void HostEventNotApplied(ILogger logger, string kind, Exception exception);

    [LoggerMessage(1257, LogLevel.Warning, "Host events: ignored a malformed notification on the channel")]
    public static partial void HostEventMalformed(ILogger logger);

    [LoggerMessage(1200, LogLevel.Warning, "Player API attempt {Attempt} failed (status {Status}, {Exception}); retrying")]
    public static partial void AccountApiRetry(ILogger logger, int attempt, int status, string? exception);
}
