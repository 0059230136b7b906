using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BotHost.Turns;
using Handoff.Persistence;
using Microsoft.Extensions.Options;

namespace BotHost.Identity;

/// <summary>
/// One-time codes that link a chat (Telegram, Teams) to a website account: the signed-in site asks for a code, the
/// player sends it to the bot (<c>t.me/bot?start=link-CODE</c>, or <c>link K7QM-4XPD</c> in a chat), and the
/// conversation is then verified as that player. A code works once and expires; the store keeps only its hash.
/// </summary>
public sealed class AccountLinking(IHandoffStore store, TimeProvider clock, IOptions<IdentityOptions> options)
{
    private const string CursorPrefix = "link-code:";
    private const string Used = "";

    /// <summary>A new code for <paramref name="playerId"/>, formatted for people (<c>K7QM-4XPD</c>).</summary>
    public async Task<string> CreateCodeAsync(string playerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(playerId);
        var code = LinkCode.Generate();
        var expires = clock.GetUtcNow().AddMinutes(options.Value.LinkCodeLifetimeMinutes).ToUnixTimeSeconds();
        await store.SetCursorAsync(CursorName(code), $"{expires.ToString(CultureInfo.InvariantCulture)} {playerId}", cancellationToken);
        return LinkCode.Format(code);
    }

    /// <summary>The player id of a valid code, which is used up; null for a malformed, unknown, used or expired code.</summary>
    public async Task<string?> TryRedeemAsync(string? code, CancellationToken cancellationToken)
    {
        if (LinkCode.Normalize(code) is not { } normalized)
        {
            return null;
        }

        // Spent with a compare-and-set: of two redeems at once, on this host or another, only one gets the player.
        var value = await store.GetCursorAsync(CursorName(normalized), cancellationToken);
        return string.IsNullOrEmpty(value) || !await store.TrySetCursorAsync(CursorName(normalized), value, Used, cancellationToken)
            ? null
            : Parse(value);
    }

    /// <summary>
    /// Marks a turn that asks to link an account (<c>link CODE</c>, or a bare live code) and masks the code in its
    /// text and payload before anything stores them. Button presses and other turns come back unchanged.
    /// </summary>
    public async Task<Turn> RecognizeAsync(Turn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Kind != TurnKind.Message || turn.Value is not null || turn.LinkCode is not null)
        {
            return turn;
        }

        if (LinkCode.TryParseCommand(turn.Text, out var typed))
        {
            return WithLinkCode(turn, typed);
        }

        // A bare code is taken only while it is live, so a promo or reference code of the same shape stays a message.
        return LinkCode.IsBareCode(turn.Text) && await IsLiveAsync(turn.Text, cancellationToken)
            ? WithLinkCode(turn, turn.Text.Trim())
            : turn;
    }

    /// <summary>The turn with <paramref name="typedCode"/> to redeem, masked in its text and payload.</summary>
    public static Turn WithLinkCode(Turn turn, string typedCode)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentException.ThrowIfNullOrEmpty(typedCode);
        return turn with
        {
            LinkCode = typedCode,
            Text = turn.Text.Length == 0 ? "" : LinkCode.MaskIn(turn.Text, typedCode),
            PayloadJson = LinkCode.MaskInPayload(turn.PayloadJson, typedCode),
        };
    }

    private async Task<bool> IsLiveAsync(string code, CancellationToken cancellationToken) =>
        LinkCode.Normalize(code) is { } normalized
        && await store.GetCursorAsync(CursorName(normalized), cancellationToken) is { Length: > 0 } value
        && Parse(value) is not null;

    private string? Parse(string value)
    {
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && long.TryParse(value.AsSpan(0, space), NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            && clock.GetUtcNow().ToUnixTimeSeconds() <= expires
                ? value[(space + 1)..]
                : null;
    }

    // Only a hash is stored: whoever reads the store's cursors cannot link themselves with a live code.
    private static string CursorName(string normalized) =>
        CursorPrefix + Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(normalized)));
}
