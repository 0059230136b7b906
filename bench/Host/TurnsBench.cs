using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Bench.Host;

/// <summary>
/// `bench host turns`: ordinary FAQ turns (the evaluation questions whose answer is not a person) over concurrent
/// Direct Line conversations, one language each; POST round trip percentiles and turns per second.
/// </summary>
internal static class TurnsBench
{
    private const int WarmUpTurns = 20;
    private const int TurnsPerConversation = 20;
    private const int MaxErrors = 50;

    public static async Task<object> RunAsync(DirectLineClient client, HostBenchArgs args, CancellationToken budget)
    {
        var byLanguage = EvalLine.Load(args.EvalDirectory ?? HostPaths.EvalDirectory(HostPaths.Root()))
            .Where(l => !l.ExpectsHandoff)
            .GroupBy(l => l.Language)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.ToArray())
            .ToArray();

        // Not measured: JIT, first SQLite connections, first model calls.
        var warm = new Worker(client, byLanguage[0], 0);
        for (var i = 0; i < WarmUpTurns && !budget.IsCancellationRequested; i++)
        {
            await warm.TurnAsync(budget);
        }

        using var window = CancellationTokenSource.CreateLinkedTokenSource(budget);
        window.CancelAfter(TimeSpan.FromSeconds(args.Seconds));
        var latencies = new ConcurrentBag<double>();
        var issued = 0;
        var errors = 0;
        var handoffs = 0;
        var conversations = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, args.Concurrency).Select(w => Task.Run(async () =>
        {
            var questions = byLanguage[w % byLanguage.Length];
            var worker = new Worker(client, questions, w / byLanguage.Length * 37 % questions.Length);
            while (!window.IsCancellationRequested && Interlocked.Increment(ref issued) <= args.Turns && Volatile.Read(ref errors) < MaxErrors)
            {
                try
                {
                    var (elapsed, handedOff) = await worker.TurnAsync(window.Token);
                    latencies.Add(elapsed.TotalMilliseconds);
                    if (handedOff)
                    {
                        Interlocked.Increment(ref handoffs);
                    }
                }
                catch (OperationCanceledException) when (window.IsCancellationRequested)
                {
                    break;
                }
                catch (HttpRequestException ex)
                {
                    if (Interlocked.Increment(ref errors) <= 3)
                    {
                        Console.Error.WriteLine($"  turn failed: {ex.Message}");
                    }

                    worker.Reset();
                }
            }

            Interlocked.Add(ref conversations, worker.Conversations);
        })).ToArray();
        await Task.WhenAll(workers);
        var seconds = clock.Elapsed.TotalSeconds;

        var latency = Latency.Of(latencies);
        var throughput = Math.Round(latency.N / seconds, 1);
        var truncated = latency.N + errors < args.Turns;
        Console.WriteLine();
        Console.WriteLine($"Ordinary FAQ turns over Direct Line: {args.Concurrency} concurrent conversations, up to {args.Turns} turns or {args.Seconds} s{(truncated ? "  (stopped early: time or errors)" : "")}");
        Console.WriteLine($"{"turns",6} {"errors",7} {"handoffs",9} {"convs",6} {"wall s",7} {"turns/s",8} {"p50 ms",8} {"p90 ms",8} {"p99 ms",8} {"max ms",8}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{latency.N,6} {errors,7} {handoffs,9} {conversations,6} {seconds,7:0.0} {throughput,8:0.0} {Latency.Ms(latency.P50),8} {Latency.Ms(latency.P90),8} {Latency.Ms(latency.P99),8} {Latency.Ms(latency.Max),8}"));
        return new
        {
            command = "turns",
            concurrency = args.Concurrency,
            warmUp = WarmUpTurns,
            requestedTurns = args.Turns,
            turns = latency.N,
            errors,
            handoffs,
            conversations,
            wallSeconds = Math.Round(seconds, 2),
            turnsPerSecond = throughput,
            truncated,
            latencyMs = latency,
        };
    }

    /// <summary>One player asking its language's questions in turn; a new conversation every 20 turns or after a handoff.</summary>
    private sealed class Worker(DirectLineClient client, EvalLine[] questions, int offset)
    {
        private DirectLineConversation? _conversation;
        private string? _watermark;
        private int _turnsInConversation;
        private int _next = offset;
        private int _sequence;

        public int Conversations { get; private set; }

        public async Task<(TimeSpan Elapsed, bool HandedOff)> TurnAsync(CancellationToken cancellationToken)
        {
            if (_conversation is null || _turnsInConversation >= TurnsPerConversation)
            {
                _conversation = await client.StartAsync(questions[0].Language, cancellationToken);
                (_, _watermark) = await client.GetActivitiesAsync(_conversation, null, cancellationToken);
                _turnsInConversation = 0;
                Conversations++;
            }

            var question = questions[_next++ % questions.Length];
            var clientActivityId = $"turn-{_conversation.Id}-{++_sequence}";
            var elapsed = await client.PostMessageAsync(_conversation, question.Text, clientActivityId, cancellationToken);
            _turnsInConversation++;
            var (activities, watermark) = await client.GetActivitiesAsync(_conversation, _watermark, cancellationToken);
            _watermark = watermark;
            var handedOff = BotAnswer.From(activities, clientActivityId).Handoff;
            if (handedOff)
            {
                // A waiting conversation is no longer an ordinary turn: the next question starts a new one.
                Reset();
            }

            return (elapsed, handedOff);
        }

        public void Reset() => _conversation = null;
    }
}
