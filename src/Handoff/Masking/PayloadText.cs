using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Handoff.Masking;

/// <summary>
/// The places in a channel payload (activity or update JSON) that carry what a person wrote, at any depth: <c>text</c>
/// (Direct Line, Teams, Telegram's <c>message.text</c>), <c>caption</c> (Telegram media) and the string
/// <c>content</c> of attachments (Teams' HTML copy of the text). Ids, timestamps and addresses are left alone.
/// </summary>
public static class PayloadText
{
    private static readonly HashSet<string> TextKeys = new(StringComparer.Ordinal) { "text", "caption", "content" };

    // Stored for people and parsers: Cyrillic, Vietnamese and HTML stay readable instead of \u-escaped.
    private static readonly JsonSerializerOptions Output = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// <paramref name="payloadJson"/> with <paramref name="map"/> applied to every text-bearing string; the payload
    /// itself when nothing changed or it is not JSON (its channel owns that format).
    /// </summary>
    public static string? Map(string? payloadJson, Func<string, string> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        if (payloadJson is null)
        {
            return null;
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(payloadJson);
        }
        catch (JsonException)
        {
            return payloadJson;
        }

        return root is not null && MapIn(root, map) ? root.ToJsonString(Output) : payloadJson;
    }

    private static bool MapIn(JsonNode node, Func<string, string> map)
    {
        var changed = false;
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    if (child is JsonValue value && TextKeys.Contains(key) && value.TryGetValue<string>(out var text))
                    {
                        var mapped = map(text);
                        if (!string.Equals(mapped, text, StringComparison.Ordinal))
                        {
                            obj[key] = mapped;
                            changed = true;
                        }
                    }
                    else if (child is JsonObject or JsonArray)
                    {
                        changed |= MapIn(child, map);
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    if (child is JsonObject or JsonArray)
                    {
                        changed |= MapIn(child, map);
                    }
                }

                break;
            default:
                break;
        }

        return changed;
    }
}
