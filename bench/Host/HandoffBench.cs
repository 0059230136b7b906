using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Bench.Host;

/// <summary>
/// `bench host handoff`: a supervisor signed in to the agent console hub; N times a player opens a conversation and
/// asks for a human; measured from just before the POST to the hub's Ticket event for that conversation.
/// </summary>
internal static class HandoffBench
{
    public const string Message = "I want to talk to a human";
    private const int WarmUpHandoffs = 3;
    private static readonly TimeSpan TicketTimeout = TimeSpan.FromSeconds(10);

    public static async Task<object> RunAsync(DirectLineClient client, Uri baseAddress, HostBenchArgs args, CancellationToken budget)
    {
        var cookies = new CookieContainer();
        using var handler = new SocketsHttpHandler { CookieContainer = cookies, UseCookies = true };
        using var agentHttp = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        using (var login = await agentHttp.PostAsJsonAsync(new Uri(baseAddress, "agent/api/login"), new { id = "sam", password = "sam-demo" }, budget))
        {
            if (!login.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"Agent login failed: {(int)login.StatusCode} {await login.Content.ReadAsStringAsync(budget)}");
            }
        }

        var waiting = new ConcurrentDictionary<string, TaskCompletionSource<long>>(StringComparer.Ordinal);
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "agent/hub"), o => o.Cookies = cookies)
            .Build();
        hub.On<JsonElement>("Ticket", ticket =>
        {
            var received = Stopwatch.GetTimestamp();
            if (ticket.TryGetProperty("conversationId", out var id) && id.GetString() is { } conversationId
                && waiting.TryGetValue(conversationId, out var pending))
            {
                pending.TrySetResult(received);
            }
        });
        await hub.StartAsync(budget);
        // From here on this connection is in its queue groups (see AgentHub.Ready).
        await hub.InvokeAsync<string>("Ready", budget);

        var toTicket = new List<double>(args.Count);
        var postRoundTrips = new List<double>(args.Count);
        var timeouts = 0;
        var truncated = false;
        for (var i = -WarmUpHandoffs; i < args.Count; i++)
        {
            try
            {
                var conversation = await client.StartAsync("en", budget);
                var pending = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
                waiting[conversation.Id] = pending;
                var sent = Stopwatch.GetTimestamp();
                var post = await client.PostMessageAsync(conversation, Message, $"handoff-{i}", budget);
                if (i >= 0)
                {
                    postRoundTrips.Add(post.TotalMilliseconds);
                }

                try
                {
                    var received = await pending.Task.WaitAsync(TicketTimeout, budget);
                    if (i >= 0)
                    {
                        toTicket.Add(Stopwatch.GetElapsedTime(sent, received).TotalMilliseconds);
                    }
                }
                catch (TimeoutException)
                {
                    timeouts += i >= 0 ? 1 : 0;
                }

                waiting.TryRemove(conversation.Id, out _);
            }
            catch (OperationCanceledException) when (budget.IsCancellationRequested)
            {
                truncated = true;
                break;
            }
        }

        var ticket = Latency.Of(toTicket);
        var roundTrip = Latency.Of(postRoundTrips);
        Console.WriteLine();
        Console.WriteLine($"Handoff: player message -> Ticket event on the agent hub (supervisor 'sam'), {args.Count} handoffs after {WarmUpHandoffs} unmeasured{(truncated ? "  TRUNCATED by the 5-minute budget" : "")}");
        Console.WriteLine($"{"measure",-28} {"n",5} {"p50 ms",8} {"p90 ms",8} {"p99 ms",8} {"max ms",8}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{"message -> ticket on hub",-28} {ticket.N,5} {Latency.Ms(ticket.P50),8} {Latency.Ms(ticket.P90),8} {Latency.Ms(ticket.P99),8} {Latency.Ms(ticket.Max),8}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{"POST activity round trip",-28} {roundTrip.N,5} {Latency.Ms(roundTrip.P50),8} {Latency.Ms(roundTrip.P90),8} {Latency.Ms(roundTrip.P99),8} {Latency.Ms(roundTrip.Max),8}"));
        Console.WriteLine($"timeouts (no Ticket event within {TicketTimeout.TotalSeconds:0} s): {timeouts}");
        return new { command = "handoff", requested = args.Count, warmUp = WarmUpHandoffs, truncated, timeouts, messageToTicketMs = ticket, postRoundTripMs = roundTrip };
    }
}
