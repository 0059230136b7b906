using System.Globalization;
using System.Security.Cryptography;
using Handoff.Persistence;
using Microsoft.Extensions.Options;

namespace BotHost.Channels.Telegram;

/// <summary>
/// One-time codes that link a Telegram chat to a website account: the signed-in site asks for a code, the player
/// opens <c>t.me/bot?start=link-CODE</c>, and the chat is then verified as that player. A code works once and expires.
/// </summary>
public sealed class AccountLinking(IHandoffStore store, TimeProvider clock, IOptions<TelegramOptions> options) : IDisposable
{
    private const string CursorPrefix = "link-code:";
    private const string Used = "";
    private readonly SemaphoreSlim _redeem = new(1, 1);

    public async Task<string> CreateCodeAsync(string playerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(playerId);
        var code = Base64UrlEncode(RandomNumberGenerator.GetBytes(12));
        var expires = clock.GetUtcNow().AddMinutes(options.Value.LinkCodeLifetimeMinutes).ToUnixTimeSeconds();
        await store.SetCursorAsync(CursorPrefix + code, $"{expires.ToString(CultureInfo.InvariantCulture)} {playerId}", cancellationToken);
        return code;
    }

    public string DeepLink(string code) => $"https://t.me/{options.Value.BotUsername}?start={TelegramMapper.LinkPayloadPrefix}{code}";

    /// <summary>The player id of a valid code, which is used up; null for an unknown, used or expired code.</summary>
    public async Task<string?> TryRedeemAsync(string code, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 64)
        {
            return null;
        }

        await _redeem.WaitAsync(cancellationToken);
        try
        {
            var value = await store.GetCursorAsync(CursorPrefix + code, cancellationToken);
            if (string.IsNullOrEmpty(value))
            {
                return null;
            }

            await store.SetCursorAsync(CursorPrefix + code, Used, cancellationToken);
            var space = value.IndexOf(' ', StringComparison.Ordinal);
            if (space <= 0 || !long.TryParse(value.AsSpan(0, space), NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
                || clock.GetUtcNow().ToUnixTimeSeconds() > expires)
            {
                return null;
            }

            return value[(space + 1)..];
        }
        finally
        {
            _redeem.Release();
        }
    }

    public void Dispose() => _redeem.Dispose();

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
