using BotHost.Channels.Telegram;

namespace BotHost.Tests.Channels.Telegram;

public sealed class TelegramHtmlRendererTests
{
    [Theory]
    [InlineData("a < b & c > d", "a &lt; b &amp; c &gt; d")]
    [InlineData("Tom & Jerry's \"show\"", "Tom &amp; Jerry's \"show\"")]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("use <b>bold</b> tags", "use &lt;b&gt;bold&lt;/b&gt; tags")]
    [InlineData("&amp; stays one entity", "&amp; stays one entity")]
    [InlineData("`x < 1 && y > 2`", "<code>x &lt; 1 &amp;&amp; y &gt; 2</code>")]
    public void Render_SpecialCharacters_AreEscaped(string markdown, string expected)
    {
        var html = TelegramHtmlRenderer.Render(markdown);

        Assert.Equal(expected, html);
    }

    [Theory]
    [InlineData("**bold** and *italic*", "<b>bold</b> and <i>italic</i>")]
    [InlineData("__bold__ and _italic_", "<b>bold</b> and <i>italic</i>")]
    [InlineData("# Deposits", "<b>Deposits</b>")]
    [InlineData("## Limits\n\nText", "<b>Limits</b>\n\nText")]
    [InlineData("- one\n- two", "• one\n• two")]
    [InlineData("1. first\n2. second", "1. first\n2. second")]
    [InlineData("- outer\n  - inner", "• outer\n  • inner")]
    [InlineData("[Cashier](https://example.com/cashier?a=1&b=2)", "<a href=\"https://example.com/cashier?a=1&amp;b=2\">Cashier</a>")]
    [InlineData("[click](javascript:alert(1))", "click")]
    [InlineData("<https://example.com>", "<a href=\"https://example.com\">https://example.com</a>")]
    [InlineData("```\nif (a < b) {}\n```", "<pre>if (a &lt; b) {}</pre>")]
    [InlineData("line one\\\nline two", "line one\nline two")]
    [InlineData("First paragraph.\n\nSecond paragraph.", "First paragraph.\n\nSecond paragraph.")]
    public void Render_Markdown_UsesTelegramHtmlSubset(string markdown, string expected)
    {
        var html = TelegramHtmlRenderer.Render(markdown);

        Assert.Equal(expected, html);
    }

    [Fact]
    public void Render_FaqStyleAnswer_KeepsParagraphsAndBullets()
    {
        var markdown = "Your ticket is **#12**.\n\n**How:**\n- open *Cashier*,\n- choose the method.\n\nDone.";

        var html = TelegramHtmlRenderer.Render(markdown);

        Assert.Equal("Your ticket is <b>#12</b>.\n\n<b>How:</b>\n\n• open <i>Cashier</i>,\n• choose the method.\n\nDone.", html);
    }
}
