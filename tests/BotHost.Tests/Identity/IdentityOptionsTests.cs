using System.ComponentModel.DataAnnotations;
using BotHost.Hosting;
using BotHost.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BotHost.Tests.Identity;

public sealed class IdentityOptionsTests
{
    [Fact]
    public void Defaults_AreDocumentedValues()
    {
        var options = new IdentityOptions();

        Assert.Equal("Identity", IdentityOptions.SectionName);
        Assert.Null(options.SigningKey);
        Assert.Equal("operator-site", options.Issuer);
        Assert.Equal("support-bot", options.Audience);
        Assert.Equal(15, options.LinkCodeLifetimeMinutes);
        Assert.Empty(Validate(options));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1441)]
    public void Validate_LinkCodeLifetimeOutOfRange_Fails(int minutes)
    {
        var options = new IdentityOptions { LinkCodeLifetimeMinutes = minutes };

        Assert.NotEmpty(Validate(options));
    }

    [Theory]
    [InlineData(null, "30", 30)]
    [InlineData("20", "30", 20)]
    [InlineData(null, null, 15)]
    public void AddAccounts_LinkCodeLifetime_IdentitySettingElseTheOldTelegramOne(string? identity, string? telegram, int expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Identity:LinkCodeLifetimeMinutes"] = identity,
            ["Telegram:LinkCodeLifetimeMinutes"] = telegram,
        }.Where(p => p.Value is not null)).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddAccounts();
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<IdentityOptions>>().Value;

        Assert.Equal(expected, options.LinkCodeLifetimeMinutes);
    }

    private static List<ValidationResult> Validate(IdentityOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
