using BotHost.ScaleOut;

namespace BotHost.Tests.ScaleOut;

public sealed class HostEventTests
{
    [Fact]
    public void ToPayload_MessageEvent_IsKindAndIdsOnlyAndRoundTrips()
    {
        var sut = new HostEvent { Kind = HostEvent.MessageKind, Origin = "host-1", TicketId = 42, Seq = 7 };

        var payload = sut.ToPayload();

        Assert.Equal("""{"kind":"message","origin":"host-1","ticketId":42,"seq":7}""", payload);
        Assert.True(HostEvent.TryParse(payload, out var parsed));
        Assert.Equal(sut, parsed);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"kind":"conversation"}""")]
    [InlineData("""{"origin":"host-1","id":"c1"}""")]
    [InlineData("[]")]
    public void TryParse_MalformedPayload_ReturnsFalse(string payload)
    {
        var parsed = HostEvent.TryParse(payload, out _);

        Assert.False(parsed);
    }

    [Fact]
    public void FitsNotify_PayloadOf8000Bytes_IsRefused()
    {
        var sut = new HostEvent { Kind = HostEvent.EphemeralKind, Origin = "h", Id = "c", Activity = new string('x', 8000) };

        var fits = HostEvent.FitsNotify(sut.ToPayload());

        Assert.False(fits);
        Assert.True(HostEvent.FitsNotify(new string('x', 7999)));
        Assert.False(HostEvent.FitsNotify(new string('x', 8000)));
    }
}
