using System.ComponentModel.DataAnnotations;
using BotHost.Channels.Teams;

namespace BotHost.Tests.Channels.Teams;

public sealed class BotFrameworkOptionsTests
{
    [Fact]
    public void Defaults_AreMicrosoftsEndpointsWithAuthenticationOff()
    {
        var sut = new BotFrameworkOptions();

        Assert.Null(sut.AppId);
        Assert.False(sut.AuthenticationEnabled);
        Assert.Equal("https://login.botframework.com/v1/.well-known/openidconfiguration", sut.OpenIdMetadataUrl);
        Assert.Equal("https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token", sut.ResolveTokenEndpoint());
        Assert.Equal(["https://api.botframework.com"], sut.ValidIssuers);
        Assert.Equal(3, sut.MaxRetries);
        Assert.False(new TeamsOptions().AgentChannelEnabled);
        Assert.Equal(30, new TeamsOptions().CardSweepSeconds);
    }

    [Fact]
    public void ResolveTokenEndpoint_SingleTenant_UsesTenant()
    {
        var sut = new BotFrameworkOptions { TenantId = "contoso.onmicrosoft.com" };

        Assert.Equal("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token", sut.ResolveTokenEndpoint());
    }

    [Fact]
    public void Validate_RetriesOutOfRange_Fails()
    {
        var sut = new BotFrameworkOptions { MaxRetries = 50 };

        var valid = Validator.TryValidateObject(sut, new ValidationContext(sut), [], validateAllProperties: true);

        Assert.False(valid);
    }

    [Fact]
    public void Validate_CardSweepIntervalZero_Fails()
    {
        var sut = new TeamsOptions { CardSweepSeconds = 0 };

        var valid = Validator.TryValidateObject(sut, new ValidationContext(sut), [], validateAllProperties: true);

        Assert.False(valid);
    }
}
