using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using Handoff.Persistence;

namespace BotHost.Channels.WebChat;

/// <summary>
/// The WebSocket <c>streamUrl</c>: opened with no headers (the token is in the query), it sends
/// <c>{activities, watermark}</c> frames from the requested watermark on, as the transcript grows.
/// </summary>
internal static class DirectLineStream
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task AcceptAsync(
        HttpContext http, string conversationId, string? t, string? watermark,
        DirectLineTokens tokens, IHandoffStore store, ConversationFeed feed, CancellationToken cancellationToken)
    {
        var (_, failure) = await DirectLineApi.AuthorizeConversationAsync(http, tokens, store, conversationId, cancellationToken, t);
        if (failure is not null)
        {
            await failure.ExecuteAsync(http);
            return;
        }

        if (!http.WebSockets.IsWebSocketRequest)
        {
            await DirectLineApi.Error(StatusCodes.Status400BadRequest, "BadArgument", "This URL takes a WebSocket upgrade.").ExecuteAsync(http);
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        using var subscription = feed.Subscribe(conversationId);
        using var closed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reader = DrainClientAsync(socket, closed);
        var position = DirectLineApi.ParseWatermark(watermark);
        try
        {
            while (!closed.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                var (activities, next) = await DirectLineApi.ReadAsync(store, conversationId, position, closed.Token);
                if (activities.Count > 0)
                {
                    position = next;
                    await SendAsync(socket, new DirectLineApi.ActivitySet(activities, position.ToString(CultureInfo.InvariantCulture)), closed.Token);
                    continue;
                }

                var item = await subscription.Reader.ReadAsync(closed.Token);
                if (item is not null)
                {
                    // Ephemeral (typing) goes out at once: reading the store first could already find the answer the
                    // indicator announces, and typing would then show after it. Stored activities follow on the next
                    // pass of the loop, from the watermark.
                    var ephemeral = System.Text.Json.Nodes.JsonNode.Parse(item)!.AsObject();
                    await SendAsync(socket, new DirectLineApi.ActivitySet([ephemeral], position.ToString(CultureInfo.InvariantCulture)), closed.Token);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The client went away or the host is stopping.
        }
        catch (WebSocketException)
        {
            // The connection dropped; the client reconnects with its watermark.
        }

        await closed.CancelAsync();
        await reader;
        if (socket.State == WebSocketState.Open)
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
        }
    }

    private static Task SendAsync(WebSocket socket, DirectLineApi.ActivitySet set, CancellationToken cancellationToken) =>
        socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(set, Json), WebSocketMessageType.Text, true, cancellationToken);

    /// <summary>Clients send nothing on the stream; reading notices when they close it.</summary>
    private static async Task DrainClientAsync(WebSocket socket, CancellationTokenSource closed)
    {
        var buffer = new byte[1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, closed.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // Closed either way.
        }

        await closed.CancelAsync();
    }
}
