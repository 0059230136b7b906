using System.Text;

namespace BotHost.Channels.Telegram;

/// <summary>
/// Splits rendered HTML into messages under Telegram's 4096-character limit: at a paragraph break if one is in the
/// second half of the window, else at a line break, a space, or anywhere outside a tag or entity. Elements open at
/// a cut are closed at the end of one part and reopened at the start of the next, so every part is valid HTML.
/// </summary>
public static class TelegramMessageSplitter
{
    public const int MaxLength = 4096;

    public static IReadOnlyList<string> Split(string html, int maxLength = MaxLength)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 64);
        var parts = new List<string>();
        var text = html.Trim('\n', ' ');
        var position = 0;
        var prefix = "";
        while (prefix.Length + text.Length - position > maxLength)
        {
            // A window of twice the limit holds any tag that starts inside the limit, and keeps the work linear.
            var window = string.Concat(prefix, text.AsSpan(position, Math.Min(text.Length - position, 2 * maxLength)));
            var cut = FindCut(window, maxLength, prefix.Length);
            var open = OpenTagsAt(window, cut);
            parts.Add(window[..cut].TrimEnd('\n', ' ') + Closing(open));
            position += cut - prefix.Length;
            while (position < text.Length && text[position] is '\n' or ' ')
            {
                position++;
            }

            prefix = string.Concat(open);
        }

        if (position < text.Length)
        {
            parts.Add(prefix + text[position..]);
        }

        return parts;
    }

    private static int FindCut(string text, int maxLength, int minCut)
    {
        // best[c]: the latest cut of class c (3 paragraph, 2 line, 1 space, 0 anywhere) that fits with its closing tags.
        var best = new int[4];
        var stack = new Stack<string>();
        var closingLength = 0;
        var i = 0;
        while (i < text.Length && i + closingLength <= maxLength)
        {
            if (i > minCut)
            {
                var kind = text[i - 1] == '\n' && i >= 2 && text[i - 2] == '\n' ? 3
                    : text[i - 1] == '\n' ? 2
                    : text[i - 1] == ' ' ? 1
                    : 0;
                best[kind] = i;
                if (kind > 0)
                {
                    best[0] = i;
                }
            }

            if (text[i] == '<' && text.IndexOf('>', i) is var end and > 0)
            {
                var tag = text[i..(end + 1)];
                if (tag.StartsWith("</", StringComparison.Ordinal))
                {
                    if (stack.Count > 0)
                    {
                        closingLength -= Name(stack.Pop()).Length + 3;
                    }
                }
                else if (!tag.EndsWith("/>", StringComparison.Ordinal))
                {
                    stack.Push(tag);
                    closingLength += Name(tag).Length + 3;
                }

                i = end + 1;
            }
            else if (text[i] == '&' && text.IndexOf(';', i) is var semicolon and > 0 && semicolon - i <= 10)
            {
                i = semicolon + 1;
            }
            else
            {
                i++;
            }
        }

        for (var kind = 3; kind >= 1; kind--)
        {
            if (best[kind] >= maxLength / 2)
            {
                return best[kind];
            }
        }

        for (var kind = 3; kind >= 0; kind--)
        {
            if (best[kind] > minCut)
            {
                return best[kind];
            }
        }

        throw new InvalidOperationException($"No place to split a message within {maxLength} characters.");
    }

    private static List<string> OpenTagsAt(string text, int cut)
    {
        var stack = new List<string>();
        var i = 0;
        while (i < cut)
        {
            if (text[i] == '<' && text.IndexOf('>', i) is var end and > 0)
            {
                var tag = text[i..(end + 1)];
                if (tag.StartsWith("</", StringComparison.Ordinal))
                {
                    if (stack.Count > 0)
                    {
                        stack.RemoveAt(stack.Count - 1);
                    }
                }
                else if (!tag.EndsWith("/>", StringComparison.Ordinal))
                {
                    stack.Add(tag);
                }

                i = end + 1;
            }
            else
            {
                i++;
            }
        }

        return stack;
    }

    private static string Closing(List<string> open)
    {
        var closing = new StringBuilder();
        for (var i = open.Count - 1; i >= 0; i--)
        {
            closing.Append("</").Append(Name(open[i])).Append('>');
        }

        return closing.ToString();
    }

    private static string Name(string openingTag)
    {
        var end = openingTag.AsSpan(1).IndexOfAny(' ', '>');
        return openingTag.Substring(1, end < 0 ? openingTag.Length - 2 : end);
    }
}
