using System.Text;
using System.Text.RegularExpressions;
using BotHost.Channels.Telegram;

namespace BotHost.Tests.Channels.Telegram;

public sealed partial class TelegramMessageSplitterTests
{
    [Fact]
    public void Split_ShortMessage_ReturnsItUnchanged()
    {
        var parts = TelegramMessageSplitter.Split("<b>Hi</b> &amp; welcome");

        Assert.Equal(["<b>Hi</b> &amp; welcome"], parts);
    }

    [Theory]
    [InlineData(3000, 30)]
    [InlineData(4000, 200)]
    [InlineData(100, 100)]
    [InlineData(1500, 20)]
    public void Split_Paragraphs_CutsAtParagraphBreaksUnderTheLimit(int paragraphLength, int paragraphs)
    {
        var paragraph = "<b>" + new string('x', paragraphLength - 7) + "</b>";
        var html = string.Join("\n\n", Enumerable.Repeat(paragraph, paragraphs));

        var parts = TelegramMessageSplitter.Split(html);

        Assert.All(parts, p => Assert.True(p.Length <= TelegramMessageSplitter.MaxLength, $"part of {p.Length}"));
        Assert.All(parts, p => Assert.True(p.StartsWith("<b>x", StringComparison.Ordinal) && p.EndsWith("x</b>", StringComparison.Ordinal)));
        Assert.All(parts, AssertBalanced);
        Assert.Equal(paragraphs, parts.Sum(p => Regex.Count(p, "<b>x")));
        Assert.Equal(Normalize(html), Normalize(string.Concat(parts)));
    }

    [Theory]
    [InlineData("<pre>", "</pre>", "line &lt;{0}&gt; of code\n", 500)]
    [InlineData("<b>", "</b>", "bold words &amp; more ", 800)]
    [InlineData("<i><a href=\"https://example.com/?a=1&amp;b=2\">", "</a></i>", "linked text ", 1200)]
    [InlineData("", "", "word ", 3000)]
    [InlineData("", "", "x", 10000)]
    public void Split_LongElement_ClosesAndReopensTagsAndNeverCutsTagsOrEntities(string open, string close, string repeated, int count)
    {
        var body = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            body.AppendFormat(System.Globalization.CultureInfo.InvariantCulture, repeated, i);
        }

        var html = open + body.ToString().TrimEnd() + close;

        var parts = TelegramMessageSplitter.Split(html);

        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.True(p.Length <= TelegramMessageSplitter.MaxLength, $"part of {p.Length}"));
        Assert.All(parts, AssertBalanced);
        Assert.All(parts, p => Assert.StartsWith(open, p, StringComparison.Ordinal));
        Assert.All(parts, p => Assert.DoesNotMatch("&[a-z]*$|^[a-z]*;", Strip(p)));
        Assert.Equal(Normalize(Strip(html)), Normalize(string.Concat(parts.Select(Strip))));
    }

    [Theory]
    [InlineData(100)]
    [InlineData(500)]
    public void Split_SmallerLimit_RespectsIt(int limit)
    {
        var html = string.Join("\n", Enumerable.Range(0, 200).Select(i => $"• item <b>{i}</b> &amp; text"));

        var parts = TelegramMessageSplitter.Split(html, limit);

        Assert.All(parts, p => Assert.True(p.Length <= limit, $"part of {p.Length}"));
        Assert.All(parts, p => Assert.StartsWith("• item", p, StringComparison.Ordinal));
        Assert.All(parts, AssertBalanced);
    }

    private static void AssertBalanced(string part)
    {
        var stack = new Stack<string>();
        foreach (Match tag in TagPattern().Matches(part))
        {
            if (tag.Groups[1].Value == "/")
            {
                Assert.NotEmpty(stack);
                Assert.Equal(stack.Pop(), tag.Groups[2].Value);
            }
            else
            {
                stack.Push(tag.Groups[2].Value);
            }
        }

        Assert.Empty(stack);
        Assert.DoesNotMatch("<[^>]*$", part);
    }

    private static string Strip(string html) => TagPattern().Replace(html, "");

    private static string Normalize(string text) => WhitespacePattern().Replace(text, "");

    [GeneratedRegex("<(/?)([a-z]+)[^>]*>")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();
}
