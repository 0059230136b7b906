using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace BotHost.Channels.Telegram;

/// <summary>
/// Renders the bot's Markdown in the HTML subset Telegram accepts (b, i, a, code, pre): everything else is escaped
/// text, lists become "• " lines and headings bold lines. Raw HTML in the Markdown is shown, never interpreted.
/// </summary>
public static class TelegramHtmlRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();
    private static readonly string[] SafeSchemes = ["http", "https", "tg", "mailto"];

    public static string Render(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var document = Markdown.Parse(markdown, Pipeline);
        var html = new StringBuilder(markdown.Length + 32);
        WriteBlocks(html, document, indent: "");
        return html.ToString().Trim('\n');
    }

    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);
    }

    private static void WriteBlocks(StringBuilder html, ContainerBlock container, string indent)
    {
        var first = true;
        foreach (var block in container)
        {
            if (!first)
            {
                // Paragraphs stay apart as in the Markdown; inside a list item a line break is enough.
                html.Append(indent.Length == 0 ? "\n\n" : "\n");
            }

            first = false;
            WriteBlock(html, block, indent);
        }
    }

    private static void WriteBlock(StringBuilder html, Block block, string indent)
    {
        switch (block)
        {
            case HeadingBlock heading:
                html.Append(indent).Append("<b>");
                WriteInlines(html, heading.Inline);
                html.Append("</b>");
                break;
            case ParagraphBlock paragraph:
                html.Append(indent);
                WriteInlines(html, paragraph.Inline);
                break;
            case ListBlock list:
                WriteList(html, list, indent);
                break;
            case CodeBlock code:
                html.Append("<pre>").Append(Escape(code.Lines.ToString().TrimEnd('\n'))).Append("</pre>");
                break;
            case ThematicBreakBlock:
                html.Append("——————");
                break;
            case QuoteBlock quote:
                WriteBlocks(html, quote, indent);
                break;
            case ContainerBlock other:
                WriteBlocks(html, other, indent);
                break;
            case LeafBlock leaf:
                html.Append(indent).Append(Escape(leaf.Lines.ToString()));
                break;
            default:
                break;
        }
    }

    private static void WriteList(StringBuilder html, ListBlock list, string indent)
    {
        var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
        var first = true;
        foreach (var item in list.OfType<ListItemBlock>())
        {
            if (!first)
            {
                html.Append('\n');
            }

            first = false;
            html.Append(indent).Append(list.IsOrdered ? $"{number++}. " : "• ");
            var firstChild = true;
            foreach (var child in item)
            {
                if (!firstChild)
                {
                    html.Append('\n');
                }

                // The first paragraph continues the bullet line; nested blocks are indented under it.
                WriteBlock(html, child, firstChild ? "" : indent + "  ");
                firstChild = false;
            }
        }
    }

    private static void WriteInlines(StringBuilder html, ContainerInline? container)
    {
        if (container is null)
        {
            return;
        }

        foreach (var inline in container)
        {
            WriteInline(html, inline);
        }
    }

    private static void WriteInline(StringBuilder html, Inline inline)
    {
        switch (inline)
        {
            case LiteralInline literal:
                html.Append(Escape(literal.Content.ToString()));
                break;
            case CodeInline code:
                html.Append("<code>").Append(Escape(code.Content)).Append("</code>");
                break;
            case LineBreakInline:
                html.Append('\n');
                break;
            case EmphasisInline emphasis:
                var tag = emphasis.DelimiterCount >= 2 ? "b" : "i";
                html.Append('<').Append(tag).Append('>');
                WriteInlines(html, emphasis);
                html.Append("</").Append(tag).Append('>');
                break;
            case AutolinkInline autolink:
                WriteLink(html, autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url, () => html.Append(Escape(autolink.Url)));
                break;
            case LinkInline link:
                WriteLink(html, link.IsImage ? null : link.Url, () => WriteInlines(html, link));
                break;
            case HtmlEntityInline entity:
                html.Append(Escape(entity.Transcoded.ToString()));
                break;
            case HtmlInline raw:
                html.Append(Escape(raw.Tag));
                break;
            case ContainerInline container:
                WriteInlines(html, container);
                break;
            default:
                html.Append(Escape(inline.ToString() ?? ""));
                break;
        }
    }

    private static void WriteLink(StringBuilder html, string? url, Action writeText)
    {
        if (url is null || !IsSafe(url))
        {
            writeText();
            return;
        }

        html.Append("<a href=\"").Append(Escape(url).Replace("\"", "&quot;", StringComparison.Ordinal)).Append("\">");
        writeText();
        html.Append("</a>");
    }

    private static bool IsSafe(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && SafeSchemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase);
}
