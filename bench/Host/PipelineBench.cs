using System.Globalization;

namespace Bench.Host;

/// <summary>
/// `bench host pipeline`: every evaluation line in a fresh Direct Line conversation through the running host; the
/// bot's reply is scored top-1 / top-3 against the expected article, per language, with the turn's round trip. The
/// set's <c>oos/</c> folder holds messages no article answers; for those the bench counts how often the bot answered
/// with an article anyway.
/// </summary>
internal static class PipelineBench
{
    public const double Top1Target = 90;
    public const double Top3Target = 97;
    private const int WarmUpTurns = 5;
    private const string OutOfScopeFolder = "oos";
    private const string OutOfScopeLabel = "oos";
    private static readonly HashSet<string> SmallTalkArticles = ["greeting", "goodbye", "bot_capabilities"];

    public static async Task<object> RunAsync(DirectLineClient client, HostBenchArgs args, CancellationToken budget)
    {
        var root = HostPaths.Root();
        var directory = args.EvalDirectory ?? HostPaths.EvalDirectory(root);
        var outOfScopeDirectory = Path.Combine(directory, OutOfScopeFolder);
        var lines = EvalLine.Load(directory);
        var outOfScope = Directory.Exists(outOfScopeDirectory) ? EvalLine.Load(outOfScopeDirectory) : [];
        lines.AddRange(outOfScope);
        var intents = FaqIntents.Load(root);
        await WarmUpAsync(client, lines, budget);
        var results = new List<LineResult>(lines.Count);
        var truncated = false;
        var number = 0;
        foreach (var line in lines)
        {
            if (budget.IsCancellationRequested)
            {
                truncated = true;
                break;
            }

            var clientActivityId = $"bench-{++number}";
            try
            {
                var conversation = await client.StartAsync(line.Language, budget);
                var elapsed = await client.PostMessageAsync(conversation, line.Text, clientActivityId, budget);
                var (activities, _) = await client.GetActivitiesAsync(conversation, null, budget);
                var answer = BotAnswer.From(activities, clientActivityId);
                var (top1, top3) = answer.Score(line);
                var (top1Also, top3Also) = answer.Score(line, acceptAlternatives: true);
                results.Add(new LineResult(line, answer, top1, top3, top1Also, top3Also, elapsed.TotalMilliseconds, null));
            }
            catch (OperationCanceledException) when (budget.IsCancellationRequested)
            {
                truncated = true;
                break;
            }
            catch (HttpRequestException ex)
            {
                // A failed turn is a miss, not a reason to stop measuring.
                results.Add(new LineResult(line, BotAnswer.None, false, false, false, false, double.NaN, ex.Message));
            }

            if (number % 50 == 0)
            {
                Console.Error.WriteLine($"  {number}/{lines.Count}");
            }
        }

        var inScope = results.Where(r => r.Line.ArticleId != OutOfScopeLabel).ToList();
        var rows = inScope.GroupBy(r => r.Line.Language).Select(g => Row(g.Key, g.ToList(), intents))
            .Append(Row("all", inScope, intents)).ToList();
        Print(rows, truncated);
        var unanswerable = results.Where(r => r.Line.ArticleId == OutOfScopeLabel).ToList();
        var outOfScopeRows = unanswerable.GroupBy(r => r.Line.Language).Select(g => OutOfScopeRow(g.Key, g.ToList()))
            .Append(OutOfScopeRow("all", unanswerable)).ToList();
        if (unanswerable.Count > 0)
        {
            PrintOutOfScope(outOfScopeRows);
        }

        var misses = results.Where(r => r.Line.ArticleId == OutOfScopeLabel ? WronglyAnswered(r) : !r.Top1).Select(r => new
        {
            language = r.Line.Language,
            text = r.Line.Text,
            expected = r.Line.ArticleId,
            alsoAccepted = r.Line.AlsoAccepted,
            acceptedAlternative = r.Top1Also,
            kind = r.Error is null ? r.Answer.Kind : "error",
            got = r.Error is not null ? r.Error : r.Answer.Handoff ? $"handoff:{r.Answer.HandoffReason} intent={r.Answer.HandoffIntent} after={r.Answer.ArticleBeforeHandoff}"
                : r.Answer.ArticleId ?? (r.Answer.ClarifyIntents.Count > 0 ? "clarify:" + string.Join(',', r.Answer.ClarifyIntents) : "-"),
            inTop3 = r.Top3,
        }).ToList();
        if (args.ShowMisses)
        {
            foreach (var miss in misses)
            {
                Console.WriteLine($"{miss.language}  {miss.expected,-24} <- {miss.kind,-7} {miss.got,-40} {(miss.acceptedAlternative ? "(accepted)" : miss.inTop3 ? "(top-3)" : ""),-10}  {miss.text}");
            }
        }

        return new { command = "pipeline", warmUp = WarmUpTurns, truncated, targets = new { top1 = Top1Target, top3 = Top3Target }, languages = rows, outOfScope = outOfScopeRows, misses };
    }

    /// <summary>A few throwaway turns first, so the first scored lines do not carry JIT and first-connection costs.</summary>
    private static async Task WarmUpAsync(DirectLineClient client, List<EvalLine> lines, CancellationToken budget)
    {
        for (var i = 0; i < WarmUpTurns && i < lines.Count; i++)
        {
            var conversation = await client.StartAsync(lines[i].Language, budget);
            await client.PostMessageAsync(conversation, lines[i].Text, $"warm-up-{i}", budget);
        }
    }

    private static LanguageRow Row(string language, List<LineResult> results, HashSet<string> intents)
    {
        static double Share(List<LineResult> of, Func<LineResult, bool> hit) => of.Count == 0 ? double.NaN : Math.Round(100.0 * of.Count(hit) / of.Count, 1);
        double Percent(Func<LineResult, bool> hit) => Share(results, hit);
        var intentLines = results.Where(r => intents.Contains(r.Line.ArticleId)).ToList();
        var searchLines = results.Where(r => !intents.Contains(r.Line.ArticleId)).ToList();
        var latency = Latency.Of(results.Where(r => r.Error is null).Select(r => r.Milliseconds));
        var top1 = Percent(r => r.Top1);
        var top3 = Percent(r => r.Top3);
        var top1Also = Percent(r => r.Top1Also);
        var top3Also = Percent(r => r.Top3Also);
        return new LanguageRow(language, results.Count, top1, top3, top1Also, top3Also, Percent(r => r.Answer.Handoff),
            Percent(r => r.Answer.Kind == "clarify"), Percent(r => r.Answer.Kind == "other"), results.Count(r => r.Error is not null),
            latency.P50, latency.P99, top1 >= Top1Target && top3 >= Top3Target, top1Also >= Top1Target && top3Also >= Top3Target,
            intentLines.Count, Share(intentLines, r => r.Top1), searchLines.Count, Share(searchLines, r => r.Top1));
    }

    private static void Print(List<LanguageRow> rows, bool truncated)
    {
        Console.WriteLine();
        Console.WriteLine($"Answer pipeline over Direct Line (targets: top-1 >= {Top1Target}%, top-3 >= {Top3Target}% per language){(truncated ? "  TRUNCATED by the 5-minute budget" : "")}");
        Console.WriteLine("Strict: the eval line's article only. Accepted: also the alternatives its reviewer marked (also:), decided from the articles.");
        Console.WriteLine($"{"lang",-5} {"n",5} {"top-1 %",8} {"top-3 %",8}  strict  {"accepted top-1/top-3",21}  target  {"handoff %",10} {"clarify %",10} {"other %",8} {"errors",7} {"p50 ms",8} {"p99 ms",8}  {"top-1 on intent articles",-26} top-1 on search-only articles");
        foreach (var r in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Language,-5} {r.N,5} {r.Top1,8:0.0} {r.Top3,8:0.0}  {(r.MeetsTargets ? "met   " : "MISSED")}  {$"{r.Top1Accepted:0.0} / {r.Top3Accepted:0.0}",21}  {(r.MeetsTargetsAccepted ? "met   " : "MISSED")}  {r.Handoff,10:0.0} {r.Clarify,10:0.0} {r.Other,8:0.0} {r.Errors,7} {Latency.Ms(r.P50Ms),8} {Latency.Ms(r.P99Ms),8}  {Pct(r.IntentTop1) + $" (n={r.IntentN})",-26} {Pct(r.SearchOnlyTop1)} (n={r.SearchOnlyN})"));
        }
    }

    /// <summary>An out-of-scope message answered with a knowledge article (small talk such as "ok" → goodbye is fine).</summary>
    private static bool WronglyAnswered(LineResult r) => r.Answer is { Handoff: false, ArticleId: { } id } && !SmallTalkArticles.Contains(id);

    private static OutOfScopeLanguageRow OutOfScopeRow(string language, List<LineResult> results)
    {
        double Percent(Func<LineResult, bool> hit) => results.Count == 0 ? double.NaN : Math.Round(100.0 * results.Count(hit) / results.Count, 1);
        return new OutOfScopeLanguageRow(language, results.Count, Percent(WronglyAnswered),
            Percent(r => r.Answer is { Handoff: false, ArticleId: { } id } && SmallTalkArticles.Contains(id)),
            Percent(r => r.Answer.Kind == "clarify"), Percent(r => r.Answer.Kind == "other"), Percent(r => r.Answer.Handoff));
    }

    private static void PrintOutOfScope(List<OutOfScopeLanguageRow> rows)
    {
        Console.WriteLine();
        Console.WriteLine("Out-of-scope messages (no article answers them): answered with an article is wrong; small talk, topics offered, declining (\"outside what I can help with\", \"not understood\") or a person are fine.");
        Console.WriteLine($"{"lang",-5} {"n",5} {"answered (wrong) %",19} {"small talk %",13} {"clarify %",10} {"declined %",17} {"handoff %",10}");
        foreach (var r in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Language,-5} {r.N,5} {r.Answered,19:0.0} {r.SmallTalk,13:0.0} {r.Clarify,10:0.0} {r.Other,17:0.0} {r.Handoff,10:0.0}"));
        }
    }

    private static string Pct(double value) => double.IsNaN(value) ? "-" : value.ToString("0.0", CultureInfo.InvariantCulture) + " %";

    private sealed record LineResult(EvalLine Line, BotAnswer Answer, bool Top1, bool Top3, bool Top1Also, bool Top3Also, double Milliseconds, string? Error);

    private sealed record OutOfScopeLanguageRow(string Language, int N, double Answered, double SmallTalk, double Clarify, double Other, double Handoff);

    private sealed record LanguageRow(
        string Language, int N, double Top1, double Top3, double Top1Accepted, double Top3Accepted, double Handoff, double Clarify, double Other, int Errors,
        double P50Ms, double P99Ms, bool MeetsTargets, bool MeetsTargetsAccepted,
        int IntentN, double IntentTop1, int SearchOnlyN, double SearchOnlyTop1);
}
