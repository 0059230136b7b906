using System.Text.Json;
using Handoff.Tickets;

namespace Handoff.Persistence;

/// <summary>Lists stored as JSON text columns.</summary>
internal static class JsonColumns
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write<T>(IReadOnlyList<T>? values) => JsonSerializer.Serialize(values ?? [], Options);

    public static IReadOnlyList<string> ReadStrings(string json) =>
        JsonSerializer.Deserialize<List<string>>(json, Options) ?? [];

    public static IReadOnlyList<IntentCandidate> ReadIntents(string json) =>
        JsonSerializer.Deserialize<List<IntentCandidate>>(json, Options) ?? [];
}
