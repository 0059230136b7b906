using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BotHost.Hosting;
using Microsoft.Extensions.Options;

namespace BotHost.Channels.WebChat;

/// <summary>
/// Issues and checks Direct Line tokens: self-contained, HMAC-SHA256 signed with a key derived from the site's secret,
/// so any host sharing the secret accepts them and nothing is stored.
/// </summary>
public sealed class DirectLineTokens
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly byte[] _key;
    private readonly TimeProvider _clock;
    private readonly int _lifetimeSeconds;

    public DirectLineTokens(IOptions<DirectLineOptions> options, IOptions<StorageOptions> storage, TimeProvider clock)
    {
        Secret = options.Value.Secret ?? LoadOrCreateSecret(storage.Value.ResolveDataDirectory());
        _key = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), "directline-token-v1"u8.ToArray());
        _clock = clock;
        _lifetimeSeconds = options.Value.TokenLifetimeSeconds;
    }

    /// <summary>The site's secret (server-side only).</summary>
    public string Secret { get; }

    public int LifetimeSeconds => _lifetimeSeconds;

    public bool IsSecret(string credential) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(credential), Encoding.UTF8.GetBytes(Secret));

    public string Issue(string conversationId, string userId, string? userName, string? playerId, string? locale)
    {
        // The nonce makes every issued token distinct, so a refresh within the same second still yields a new one.
        var payload = new Payload(conversationId, userId, userName, playerId, locale,
            _clock.GetUtcNow().AddSeconds(_lifetimeSeconds).ToUnixTimeSeconds(), Base64Url(RandomNumberGenerator.GetBytes(9)));
        var body = Base64Url(JsonSerializer.SerializeToUtf8Bytes(payload, Json));
        return body + "." + Base64Url(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(body)));
    }

    public string Refresh(DirectLineToken token) =>
        Issue(token.ConversationId, token.UserId, token.UserName, token.PlayerId, token.Locale);

    /// <summary>Checks signature and expiry.</summary>
    public TokenCheck Check(string token)
    {
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == token.Length - 1)
        {
            return new TokenCheck(TokenStatus.Invalid, null);
        }

        var body = token[..dot];
        byte[] signature;
        byte[] json;
        try
        {
            signature = FromBase64Url(token[(dot + 1)..]);
            json = FromBase64Url(body);
        }
        catch (FormatException)
        {
            return new TokenCheck(TokenStatus.Invalid, null);
        }

        if (!CryptographicOperations.FixedTimeEquals(signature, HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(body))))
        {
            return new TokenCheck(TokenStatus.Invalid, null);
        }

        Payload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<Payload>(json, Json);
        }
        catch (JsonException)
        {
            return new TokenCheck(TokenStatus.Invalid, null);
        }

        if (payload is null)
        {
            return new TokenCheck(TokenStatus.Invalid, null);
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(payload.Exp);
        var parsed = new DirectLineToken(payload.C, payload.U, payload.N, payload.P, payload.L, expires);
        return new TokenCheck(expires <= _clock.GetUtcNow() ? TokenStatus.Expired : TokenStatus.Valid, parsed);
    }

    private static string LoadOrCreateSecret(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, "directline.secret");
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        File.WriteAllText(path, secret);
        return secret;
    }

    internal static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '='));
    }

    private sealed record Payload(string C, string U, string? N, string? P, string? L, long Exp, string? J);
}

public enum TokenStatus
{
    Valid,
    Expired,
    Invalid,
}

public sealed record TokenCheck(TokenStatus Status, DirectLineToken? Token);
