using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using BotHost.Hosting;
using Handoff.Persistence;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BotHost.Identity;

/// <summary>
/// Checks the operator's signed player token (HS256 JWT: <c>sub</c> = player id, <c>jti</c>, <c>exp</c>): signature,
/// issuer, audience, expiry, and that its <c>jti</c> was never used before (a replay is refused).
/// </summary>
public sealed class PlayerTokenValidator
{
    private readonly JsonWebTokenHandler _handler = new();
    private readonly IOptions<IdentityOptions> _options;
    private readonly IHandoffStore _store;
    private readonly TimeProvider _clock;

    public PlayerTokenValidator(IOptions<IdentityOptions> options, IOptions<StorageOptions> storage, IHandoffStore store, TimeProvider clock)
    {
        _options = options;
        _store = store;
        _clock = clock;
        var key = options.Value.SigningKey ?? LoadOrCreateKey(storage.Value.ResolveDataDirectory());
        SigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key));
    }

    public SymmetricSecurityKey SigningKey { get; }

    public async Task<PlayerTokenCheck> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        var options = _options.Value;
        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = options.Issuer,
            ValidAudience = options.Audience,
            IssuerSigningKey = SigningKey,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromSeconds(30),
            LifetimeValidator = (notBefore, expires, _, _) =>
                expires is { } e && e > _clock.GetUtcNow().UtcDateTime.AddSeconds(-30) &&
                (notBefore is not { } nb || nb <= _clock.GetUtcNow().UtcDateTime.AddSeconds(30)),
        });
        if (!result.IsValid)
        {
            var reason = result.Exception switch
            {
                SecurityTokenInvalidLifetimeException or SecurityTokenExpiredException => "The player token has expired.",
                SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "The player token's signature is not valid.",
                SecurityTokenInvalidIssuerException => "The player token has the wrong issuer.",
                SecurityTokenInvalidAudienceException => "The player token has the wrong audience.",
                _ => "The player token is not valid.",
            };
            return new PlayerTokenCheck(false, null, reason);
        }

        var playerId = result.ClaimsIdentity.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? result.ClaimsIdentity.FindFirst("sub")?.Value;
        var jti = result.ClaimsIdentity.FindFirst("jti")?.Value;
        if (string.IsNullOrEmpty(playerId) || string.IsNullOrEmpty(jti))
        {
            return new PlayerTokenCheck(false, null, "The player token needs 'sub' and 'jti'.");
        }

        var cursor = "player-token:" + jti;
        // Recorded only if absent, in one statement: a token presented twice at once is still used once.
        return await _store.TrySetCursorAsync(cursor, null, playerId, cancellationToken)
            ? new PlayerTokenCheck(true, playerId, null)
            : new PlayerTokenCheck(false, null, "The player token was already used.");
    }

    /// <summary>Signs a player token as the operator's site would (the demo page and tests use it).</summary>
    public string Issue(string playerId, TimeSpan lifetime)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _options.Value.Issuer,
            Audience = _options.Value.Audience,
            Subject = new ClaimsIdentity([new Claim("sub", playerId), new Claim("jti", Guid.NewGuid().ToString("N"))]),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.HmacSha256),
        });
    }

    private static string LoadOrCreateKey(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, "player-token.key");
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        File.WriteAllText(path, key);
        return key;
    }
}

public sealed record PlayerTokenCheck(bool IsValid, string? PlayerId, string? Error);
