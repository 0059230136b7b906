using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace BotHost.Tests.Channels.Telegram;

/// <summary>A Telegram user in one private chat, acting through the emulator's client API; collects the bot's messages.</summary>
public sealed class TelegramTestUser(HttpClient http, string emulatorUrl, string botToken, long chatId, string languageCode)
{
    private readonly List<JsonObject> _messages = [];

    public long ChatId => chatId;

    public string ConversationId => $"tg:{chatId}";

    /// <summary>Bot messages received so far; pass <c>Mark</c> to a wait to look only at newer ones.</summary>
    public IReadOnlyList<JsonObject> Messages => _messages;

    public int Mark => _messages.Count;

    public Task SendTextAsync(string text) => PostAsync("sendMessage", Message(text));

    public Task SendStartAsync(string? payload = null)
    {
        var text = payload is null ? "/start" : "/start " + payload;
        var message = Message(text);
        message["entities"] = new JsonArray(new JsonObject { ["offset"] = 0, ["length"] = 6, ["type"] = "bot_command" });
        return PostAsync("sendCommand", message);
    }

    public Task SendPhotoAsync()
    {
        var message = Message(null);
        message["photo"] = new JsonArray(new JsonObject { ["file_id"] = "AgACAgIAAx0", ["file_unique_id"] = "AQAD", ["width"] = 90, ["height"] = 90 });
        return PostAsync("sendMessage", message);
    }

    /// <summary>Presses the inline keyboard button with <paramref name="callbackData"/> under a bot message.</summary>
    public Task PressAsync(JsonObject botMessage, string callbackData) => PostAsync("sendCallback", new JsonObject
    {
        ["botToken"] = botToken,
        ["from"] = From(),
        ["data"] = callbackData,
        ["message"] = new JsonObject
        {
            ["message_id"] = botMessage["message_id"]?.DeepClone(),
            ["from"] = new JsonObject { ["id"] = 666, ["is_bot"] = true, ["first_name"] = "Support" },
            ["chat"] = Chat(),
            ["date"] = 1_764_000_000,
            ["text"] = botMessage["text"]?.DeepClone(),
            ["reply_markup"] = botMessage["reply_markup"]?.DeepClone(),
        },
    });

    /// <summary>Waits for a bot message after <paramref name="since"/> that matches.</summary>
    public async Task<JsonObject> WaitForAsync(Func<JsonObject, bool> match, int since, TimeSpan? timeout = null)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            await FetchAsync();
            var found = _messages.Skip(since).FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            if (Stopwatch.GetElapsedTime(started) > (timeout ?? TimeSpan.FromSeconds(30)))
            {
                throw new TimeoutException($"No matching bot message in chat {chatId}; received: "
                    + string.Join(" | ", _messages.Skip(since).Select(Text)));
            }

            await Task.Delay(100);
        }
    }

    public Task<JsonObject> WaitForTextAsync(string fragment, int since, TimeSpan? timeout = null) =>
        WaitForAsync(m => Text(m).Contains(fragment, StringComparison.OrdinalIgnoreCase), since, timeout);

    /// <summary>Collects whatever else arrives within <paramref name="quiet"/>.</summary>
    public async Task SettleAsync(TimeSpan quiet)
    {
        await Task.Delay(quiet);
        await FetchAsync();
    }

    public static string Text(JsonObject message) => message["text"]?.GetValue<string>() ?? "";

    public static IReadOnlyList<(string Text, string Data)> Buttons(JsonObject message) =>
        message["reply_markup"]?["inline_keyboard"] is JsonArray rows
            ? rows.OfType<JsonArray>().SelectMany(r => r.OfType<JsonObject>())
                .Select(b => (b["text"]!.GetValue<string>(), b["callback_data"]!.GetValue<string>())).ToList()
            : [];

    private async Task FetchAsync()
    {
        using var response = await http.PostAsJsonAsync($"{emulatorUrl}/getUpdates", new { token = botToken, chatId });
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync()) as JsonObject;
        foreach (var item in (answer?["result"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (item["message"] is JsonObject message)
            {
                var copy = (JsonObject)message.DeepClone();
                copy["message_id"] = item["messageId"]?.DeepClone();
                _messages.Add(copy);
            }
        }
    }

    private async Task PostAsync(string route, JsonObject body)
    {
        using var response = await http.PostAsJsonAsync($"{emulatorUrl}/{route}", body);
        response.EnsureSuccessStatusCode();
    }

    private JsonObject Message(string? text)
    {
        var message = new JsonObject
        {
            ["botToken"] = botToken,
            ["from"] = From(),
            ["chat"] = Chat(),
            ["date"] = 1_764_000_000,
        };
        if (text is not null)
        {
            message["text"] = text;
        }

        return message;
    }

    private JsonObject From() => new()
    {
        ["id"] = chatId,
        ["is_bot"] = false,
        ["first_name"] = "Ola",
        ["last_name"] = "Test",
        ["username"] = "ola_" + chatId,
        ["language_code"] = languageCode,
    };

    private JsonObject Chat() => new() { ["id"] = chatId, ["type"] = "private", ["first_name"] = "Ola" };
}
