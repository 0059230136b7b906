using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BotHost.Tests.Infrastructure;

/// <summary>Signs player tokens as the operator's site would, with any key, lifetime and jti.</summary>
public static class PlayerTokens
{
    public static string Sign(string key, string playerId, DateTimeOffset notBefore, DateTimeOffset expires, string? jti = null) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "operator-site",
            Audience = "support-bot",
            Subject = new ClaimsIdentity([new Claim("sub", playerId), new Claim("jti", jti ?? Guid.NewGuid().ToString("N"))]),
            IssuedAt = notBefore.UtcDateTime,
            NotBefore = notBefore.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        });
}
