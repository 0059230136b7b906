using System.Security.Claims;
using System.Text;
using BotHost.Identity;
using BotHost.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BotHost.Tests.Identity;

public sealed class PlayerTokenValidatorTests(BotAppFactory factory) : IClassFixture<BotAppFactory>
{
    private PlayerTokenValidator CreateSut() => factory.Get<PlayerTokenValidator>();

    [Fact]
    public async Task ValidateAsync_IssuedToken_ValidWithPlayerId()
    {
        var sut = CreateSut();

        var check = await sut.ValidateAsync(sut.Issue("p-1003", TimeSpan.FromMinutes(5)), CancellationToken.None);

        Assert.True(check.IsValid, check.Error);
        Assert.Equal("p-1003", check.PlayerId);
    }

    [Fact]
    public async Task ValidateAsync_SameTokenTwice_SecondIsReplay()
    {
        var sut = CreateSut();
        var token = sut.Issue("p-1001", TimeSpan.FromMinutes(5));

        var first = await sut.ValidateAsync(token, CancellationToken.None);
        var second = await sut.ValidateAsync(token, CancellationToken.None);

        Assert.True(first.IsValid);
        Assert.False(second.IsValid);
        Assert.Contains("already used", second.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wrong-audience", "audience")]
    [InlineData("wrong-issuer", "issuer")]
    [InlineData("no-jti", "jti")]
    [InlineData("expired", "expired")]
    public async Task ValidateAsync_BadToken_InvalidWithReason(string kind, string reason)
    {
        var sut = CreateSut();
        var now = factory.Clock.GetUtcNow();
        var claims = new List<Claim> { new("sub", "p-1001") };
        if (kind != "no-jti")
        {
            claims.Add(new("jti", Guid.NewGuid().ToString("N")));
        }

        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = kind == "wrong-issuer" ? "someone-else" : "operator-site",
            Audience = kind == "wrong-audience" ? "another-bot" : "support-bot",
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.AddMinutes(-30).UtcDateTime,
            NotBefore = now.AddMinutes(-30).UtcDateTime,
            Expires = (kind == "expired" ? now.AddMinutes(-5) : now.AddMinutes(5)).UtcDateTime,
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes(BotAppFactory.SigningKey)), SecurityAlgorithms.HmacSha256),
        });

        var check = await sut.ValidateAsync(token, CancellationToken.None);

        Assert.False(check.IsValid);
        Assert.Null(check.PlayerId);
        Assert.Contains(reason, check.Error, StringComparison.Ordinal);
    }
}
