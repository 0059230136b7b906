using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace BotHost.Tests.ScaleOut;

/// <summary>A Direct Line WebSocket stream as a client reads it: every activity of every frame, in arrival order.</summary>
public sealed class StreamedActivities : IAsyncDisposable
{
    private readonly WebSocket _socket;
    private readonly List<JsonObject> _received = [];
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reading;
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public StreamedActivities(WebSocket socket)
    {
        _socket = socket;
        _reading = ReadAsync();
    }

    public IReadOnlyList<JsonObject> Received
    {
        get
        {
            lock (_lock)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>Waits until an activity matching <paramref name="match"/> has arrived; fails with what did arrive.</summary>
    public async Task<JsonObject> WaitForAsync(Func<JsonObject, bool> match, TimeSpan? timeout = null)
    {
        using var timer = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            Task arrived;
            lock (_lock)
            {
                if (_received.FirstOrDefault(match) is { } found)
                {
                    return found;
                }

                arrived = _arrived.Task;
            }

            try
            {
                await arrived.WaitAsync(timer.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail("The stream did not deliver the expected activity. Received: " +
                    string.Join(" | ", Received.Select(a => $"{a["type"]}:{a["from"]?["role"]}:{a["text"]}")));
            }
        }
    }

    public static bool IsMessage(JsonObject activity, string role, string text) =>
        activity["type"]?.GetValue<string>() == "message" && activity["from"]?["role"]?.GetValue<string>() == role &&
        activity["text"]?.GetValue<string>() == text;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _reading;
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // Closed.
        }

        _socket.Dispose();
        _stop.Dispose();
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[64 * 1024];
        using var frame = new MemoryStream();
        while (_socket.State == WebSocketState.Open)
        {
            var result = await _socket.ReceiveAsync(buffer, _stop.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            frame.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage)
            {
                continue;
            }

            var set = JsonNode.Parse(Encoding.UTF8.GetString(frame.ToArray()))!.AsObject();
            frame.SetLength(0);
            lock (_lock)
            {
                _received.AddRange(set["activities"]!.AsArray().Select(a => a!.DeepClone().AsObject()));
                _arrived.TrySetResult();
                _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }
}
