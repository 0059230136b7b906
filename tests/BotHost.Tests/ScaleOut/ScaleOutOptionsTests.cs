using System.ComponentModel.DataAnnotations;
using BotHost.ScaleOut;

namespace BotHost.Tests.ScaleOut;

public sealed class ScaleOutOptionsTests
{
    [Fact]
    public void Defaults_AreDocumentedValuesAndValid()
    {
        var sut = new ScaleOutOptions();

        Assert.Equal(250, sut.ReconnectMinDelayMs);
        Assert.Equal(10_000, sut.ReconnectMaxDelayMs);
        Assert.Equal(10_000, sut.StartupWaitMs);
        Assert.Equal(15, sut.KeepAliveSeconds);
        Assert.True(Validator.TryValidateObject(sut, new ValidationContext(sut), null, validateAllProperties: true));
    }

    [Fact]
    public void Validate_ZeroKeepAlive_IsInvalid()
    {
        var sut = new ScaleOutOptions { KeepAliveSeconds = 0 };

        var valid = Validator.TryValidateObject(sut, new ValidationContext(sut), null, validateAllProperties: true);

        Assert.False(valid);
    }
}
