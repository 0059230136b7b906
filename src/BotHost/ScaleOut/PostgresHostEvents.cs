using System.Net.Sockets;
using System.Threading.Channels;
using Handoff;
using Microsoft.Extensions.Options;
using Npgsql;
using Polly;
using Polly.Retry;

namespace BotHost.ScaleOut;

/// <summary>
/// Host events over PostgreSQL: one dedicated connection LISTENs on <c>bot_events</c> (reconnecting with backoff when
/// it drops), and events are published with <c>pg_notify</c> through a pooled connection, in order, off the request path.
/// </summary>
/// <remarks>
/// Every host handles its own events directly, in process (ConversationFeed, SignalR hub), exactly as a single host
/// does, and publishes them for the others; its own notifications, which LISTEN delivers back to it too, are skipped by
/// <see cref="HostId"/>. So the readers and agents on the publishing host never wait for a database round trip, and they
/// keep being served while the listener reconnects. Notifications from other hosts are re-read from the store.
/// </remarks>
internal sealed class PostgresHostEvents : BackgroundService, IHostEvents
{
    public const string ChannelName = "bot_events";

    private readonly string _listenConnectionString;
    private readonly NpgsqlDataSource _publisher;
    private readonly ScaleOutOptions _options;
    private readonly IServiceProvider _services;
    private readonly TimeProvider _clock;
    private readonly ILogger<PostgresHostEvents> _logger;
    private readonly ResiliencePipeline _publishRetry;
    private readonly Channel<string> _outbox = Channel.CreateBounded<string>(new BoundedChannelOptions(10_000) { SingleReader = true });
    private readonly Channel<HostEvent> _inbox = Channel.CreateBounded<HostEvent>(new BoundedChannelOptions(10_000) { SingleReader = true });
    private readonly TaskCompletionSource _firstListen = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _isListening;

    public PostgresHostEvents(
        IOptions<HandoffOptions> handoff, IOptions<ScaleOutOptions> options, IServiceProvider services, TimeProvider clock,
        ILogger<PostgresHostEvents> logger)
    {
        var connectionString = handoff.Value.ConnectionString
            ?? throw new OptionsValidationException(HandoffOptions.SectionName, typeof(HandoffOptions),
                ["Handoff:ConnectionString is required when Handoff:Provider is Postgres."]);
        _options = options.Value;
        _listenConnectionString = new NpgsqlConnectionStringBuilder(connectionString)
        {
            // Its own physical connection, so a drop really closes it, with keepalives so a silent drop is noticed.
            Pooling = false,
            KeepAlive = _options.KeepAliveSeconds,
            ApplicationName = "bot_events:" + HostId,
        }.ToString();
        _publisher = NpgsqlDataSource.Create(connectionString);
        _services = services;
        _clock = clock;
        _logger = logger;
        _publishRetry = new ResiliencePipelineBuilder { TimeProvider = clock }.AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<NpgsqlException>().Handle<IOException>().Handle<SocketException>().Handle<TimeoutException>(),
            MaxRetryAttempts = 5,
            BackoffType = DelayBackoffType.Exponential,
            Delay = TimeSpan.FromMilliseconds(_options.ReconnectMinDelayMs),
            MaxDelay = TimeSpan.FromMilliseconds(_options.ReconnectMaxDelayMs),
            UseJitter = true,
        }).Build();
    }

    /// <summary>This process's id in <see cref="HostEvent.Origin"/>; new at every start.</summary>
    public string HostId { get; } = Guid.NewGuid().ToString("N")[..16];

    /// <summary>True while the LISTEN connection is up.</summary>
    public bool IsListening => _isListening;

    public void ConversationChanged(string conversationId) =>
        Publish(new HostEvent { Kind = HostEvent.ConversationKind, Origin = HostId, Id = conversationId });

    public void Ephemeral(string conversationId, string activityJson) =>
        Publish(new HostEvent { Kind = HostEvent.EphemeralKind, Origin = HostId, Id = conversationId, Activity = activityJson });

    public void TicketChanged(long ticketId) =>
        Publish(new HostEvent { Kind = HostEvent.TicketKind, Origin = HostId, TicketId = ticketId });

    public void Message(long ticketId, long seq) =>
        Publish(new HostEvent { Kind = HostEvent.MessageKind, Origin = HostId, TicketId = ticketId, Seq = seq });

    /// <summary>Starts listening, and waits (bounded) for the first LISTEN, so a new host misses nothing once it serves.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await base.StartAsync(cancellationToken);
        try
        {
            await _firstListen.Task.WaitAsync(TimeSpan.FromMilliseconds(_options.StartupWaitMs), _clock, cancellationToken);
        }
        catch (TimeoutException)
        {
            Log.HostEventsNotListeningYet(_logger, _options.StartupWaitMs);
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        _publisher.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Resolved here, not injected: the dispatcher's targets (ConversationFeed, the SignalR notifier) depend on this.
        var dispatcher = _services.GetRequiredService<HostEventDispatcher>();
        var publishing = PublishLoopAsync(stoppingToken);
        var dispatching = DispatchLoopAsync(dispatcher, stoppingToken);
        await ListenLoopAsync(dispatcher, stoppingToken);
        _outbox.Writer.TryComplete();
        _inbox.Writer.TryComplete();
        await Task.WhenAll(publishing, dispatching);
    }

    private void Publish(HostEvent hostEvent)
    {
        var payload = hostEvent.ToPayload();
        if (!HostEvent.FitsNotify(payload))
        {
            Log.HostEventDropped(_logger, hostEvent.Kind, "payload over 8000 bytes");
        }
        else if (!_outbox.Writer.TryWrite(payload))
        {
            Log.HostEventDropped(_logger, hostEvent.Kind, "publish queue full or host stopping");
        }
    }

    private async Task ListenLoopAsync(HostEventDispatcher dispatcher, CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(_options.ReconnectMinDelayMs);
        var connectedBefore = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(_listenConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => Received(e.Payload);
                await using (var listen = new NpgsqlCommand("LISTEN " + ChannelName, connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                _isListening = true;
                delay = TimeSpan.FromMilliseconds(_options.ReconnectMinDelayMs);
                Log.HostEventsListening(_logger, ChannelName, HostId);
                if (connectedBefore)
                {
                    // Whatever other hosts published while this one was deaf is in the store: readers re-read.
                    Log.HostEventsCaughtUp(_logger, dispatcher.CatchUp());
                }

                connectedBefore = true;
                _firstListen.TrySetResult();
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // The edge of a background loop: whatever broke the connection, keep the host up and reconnect.
                _isListening = false;
                Log.HostEventsListenerLost(_logger, (long)delay.TotalMilliseconds, ex);
            }

            try
            {
                await Task.Delay(delay, _clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, _options.ReconnectMaxDelayMs));
        }

        _isListening = false;
    }

    private void Received(string payload)
    {
        if (!HostEvent.TryParse(payload, out var hostEvent))
        {
            Log.HostEventMalformed(_logger);
            return;
        }

        if (hostEvent.Origin != HostId && !_inbox.Writer.TryWrite(hostEvent))
        {
            Log.HostEventDropped(_logger, hostEvent.Kind, "receive queue full");
        }
    }

    /// <summary>Applies received events one at a time, in the order they were published.</summary>
    private async Task DispatchLoopAsync(HostEventDispatcher dispatcher, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var hostEvent in _inbox.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await dispatcher.DispatchAsync(hostEvent, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Log.HostEventNotApplied(_logger, hostEvent.Kind, ex);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    /// <summary>Sends queued events in batches; identical wake-ups in one batch are sent once.</summary>
    private async Task PublishLoopAsync(CancellationToken stoppingToken)
    {
        var batch = new List<string>();
        try
        {
            while (await _outbox.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < 100 && _outbox.Reader.TryRead(out var payload))
                {
                    if (!batch.Contains(payload))
                    {
                        batch.Add(payload);
                    }
                }

                try
                {
                    await _publishRetry.ExecuteAsync(NotifyAsync, batch, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Log.HostEventsPublishFailed(_logger, batch.Count, ex);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping; what is still queued only wakes readers, and the store has it all.
        }
    }

    private async ValueTask NotifyAsync(List<string> payloads, CancellationToken cancellationToken)
    {
        await using var connection = await _publisher.OpenConnectionAsync(cancellationToken);
        await using var batch = connection.CreateBatch();
        foreach (var payload in payloads)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT pg_notify($1, $2)")
            {
                Parameters = { new NpgsqlParameter { Value = ChannelName }, new NpgsqlParameter { Value = payload } },
            });
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }
}
