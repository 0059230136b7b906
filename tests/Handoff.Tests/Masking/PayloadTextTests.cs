using Handoff.Masking;

namespace Handoff.Tests.Masking;

public sealed class PayloadTextTests
{
    [Fact]
    public void Map_NestedTextCaptionAndContent_MapsOnlyThose()
    {
        const string payload = """{"id":"abc","message":{"text":"hi","caption":"cap","chat":{"title":"hi"}},"attachments":[{"contentType":"text/html","content":"<p>hi</p>"}]}""";

        var actual = PayloadText.Map(payload, s => s.ToUpperInvariant());

        Assert.Equal("""{"id":"abc","message":{"text":"HI","caption":"CAP","chat":{"title":"hi"}},"attachments":[{"contentType":"text/html","content":"<P>HI</P>"}]}""", actual);
    }

    [Fact]
    public void Map_NothingChanges_ReturnsTheSameString()
    {
        const string payload = """{ "text" : "hello" }""";

        Assert.Same(payload, PayloadText.Map(payload, s => s));
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData(null)]
    public void Map_NotJson_ReturnsItUnchanged(string? payload) =>
        Assert.Equal(payload, PayloadText.Map(payload, _ => "x"));
}
