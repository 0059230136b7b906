using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using KnowledgeIndex.Analysis;
using KnowledgeIndex.Indexing;
using KnowledgeIndex.Search;

namespace Bench.Search;

/// <summary>
/// `bench search [--json PATH]`: top-1/top-3 accuracy of search alone on bench/data/faq-eval, a comparison of analysis
/// variants (stemming, spelling correction, bigrams, weights), and search latency on a synthetic 5,000-article index.
/// </summary>
internal static class SearchBench
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static int Run(string[] args)
    {
        SearchBenchArgs a;
        try
        {
            a = SearchBenchArgs.Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine(SearchBenchArgs.Usage);
            return 2;
        }

        if (a.Help)
        {
            Console.Error.WriteLine(SearchBenchArgs.Usage);
            return 0;
        }

        var root = RepoPaths.Root();
        var articles = FaqSource.Load(a.FaqDir ?? Path.Combine(root, "data", "faq"));
        var queries = EvalLine.Load(a.EvalDir ?? Path.Combine(root, "bench", "data", "faq-eval"));
        var work = Directory.CreateTempSubdirectory("search-bench-");
        try
        {
            var report = new Dictionary<string, object>
            {
                ["articles"] = articles.Count,
                ["analyzerVersion"] = AnalyzerVersion.Current,
            };

            var misses = a.ShowMisses ? new List<string>() : null;
            var accuracy = Evaluate(work.FullName, "default", articles, queries, AnalyzerSettings.Default, SearchSettings.Default, misses);
            PrintAccuracy("Search alone, default settings", accuracy);
            report["accuracy"] = accuracy.Select(ToJson).ToList();
            if (misses is not null)
            {
                misses.ForEach(Console.WriteLine);
            }

            if (a.Variants)
            {
                report["variants"] = CompareVariants(work.FullName, articles, queries);
            }

            if (a.Tune)
            {
                report["strongThresholds"] = TuneStrong(work.FullName, articles, queries);
            }

            report["latency"] = MeasureLatency(work.FullName, articles, queries, a.Size, a.Rounds);
            if (a.Json is { } jsonPath)
            {
                File.WriteAllText(jsonPath, JsonSerializer.Serialize(report, Json));
                Console.WriteLine($"wrote {jsonPath}");
            }

            return 0;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static List<LanguageScore> Evaluate(string work, string name, IReadOnlyList<FaqArticle> articles,
        List<EvalLine> queries, AnalyzerSettings analyzer, SearchSettings search, List<string>? misses = null)
    {
        var path = Path.Combine(work, name + ".db");
        IndexBuilder.Build(articles, path, analyzer);
        using var searcher = KnowledgeSearcher.Open(path, analyzer, search);
        return LanguageScore.Evaluate(searcher, queries, misses);
    }

    private static List<Dictionary<string, object>> CompareVariants(string work, IReadOnlyList<FaqArticle> articles,
        List<EvalLine> queries)
    {
        var d = AnalyzerSettings.Default;
        var s = SearchSettings.Default;
        var variants = new (string Name, AnalyzerSettings Analyzer, SearchSettings Search)[]
        {
            ("default", d, s),
            ("slavic: no stemming", d with { SlavicStemming = StemMode.None }, s),
            ("slavic: suffix stemmer", d with { SlavicStemming = StemMode.Suffix }, s),
            ("slavic: truncate 5", d with { SlavicStemming = StemMode.Truncate, TruncateLength = 5 }, s),
            ("slavic: truncate 6", d with { SlavicStemming = StemMode.Truncate, TruncateLength = 6 }, s),
            ("slavic: suffix+truncate 5", d with { SlavicStemming = StemMode.SuffixThenTruncate, TruncateLength = 5 }, s),
            ("slavic: suffix+truncate 7", d with { SlavicStemming = StemMode.SuffixThenTruncate, TruncateLength = 7 }, s),
            ("en: no stemming", d with { EnglishStemming = false }, s),
            ("vi: no bigrams", d with { VietnameseBigrams = false }, s),
            ("no spelling correction", d, s with { SpellCorrection = false }),
            ("weights 1/1/1/1", d, s with { TitleWeight = 1, QuestionsWeight = 1, TagsWeight = 1, BodyWeight = 1 }),
            ("weights 8/4/2/1", d, s with { TitleWeight = 8, QuestionsWeight = 4, TagsWeight = 2, BodyWeight = 1 }),
            ("weights 2/4/1/1", d, s with { TitleWeight = 2, QuestionsWeight = 4, TagsWeight = 1, BodyWeight = 1 }),
            ("weights 4/2/2/0.5", d, s with { BodyWeight = 0.5 }),
            ("no question table", d, s with { QuestionWeight = 0 }),
            ("question weight 0.5", d, s with { QuestionWeight = 0.5 }),
            ("question weight 1", d, s with { QuestionWeight = 1 }),
            ("match terms in <=30% docs", d, s with { MaxDocumentShare = 0.3 }),
            ("questions: all terms", d, s with { QuestionMaxTerms = SearchSettings.MaxTerms }),
            ("questions: terms in <=30%", d, s with { QuestionMaxTerms = SearchSettings.MaxTerms, QuestionMaxDocumentShare = 0.3 }),
            ("questions: 5 rarest terms", d, s with { QuestionMaxTerms = 5 }),
            ("vi: match all syllables", d, s with { SyllableMaxDocumentShare = 1 }),
            ("vi: syllables in <=15%", d, s with { SyllableMaxDocumentShare = 0.15 }),
        };

        var languages = queries.Select(q => q.Language).Distinct().Order(StringComparer.Ordinal).Append("all").ToList();
        Console.WriteLine();
        Console.WriteLine("Variants (top-1 / top-3 %)");
        Console.WriteLine($"{"variant",-28}" + string.Concat(languages.Select(l => $"{l,14}")));
        var rows = new List<Dictionary<string, object>>();
        for (var i = 0; i < variants.Length; i++)
        {
            var (name, analyzer, search) = variants[i];
            var scores = Evaluate(work, "variant" + i.ToString(CultureInfo.InvariantCulture), articles, queries, analyzer, search);
            Console.WriteLine($"{name,-28}" + string.Concat(languages.Select(l =>
                scores.FirstOrDefault(x => x.Language == l) is { } x ? $"{x.Top1Rate * 100,7:0.0}/{x.Top3Rate * 100,5:0.0}" : $"{"-",14}")));
            rows.Add(new Dictionary<string, object> { ["variant"] = name, ["scores"] = scores.Select(ToJson).ToList() });
        }

        return rows;
    }

    private static List<Dictionary<string, object>> TuneStrong(string work, IReadOnlyList<FaqArticle> articles, List<EvalLine> queries)
    {
        var path = Path.Combine(work, "tune.db");
        IndexBuilder.Build(articles, path, AnalyzerSettings.Default);
        Console.WriteLine();
        Console.WriteLine("IsStrong thresholds: coverage, margin -> strong rate / precision (all languages)");
        var rows = new List<Dictionary<string, object>>();
        foreach (var coverage in new[] { 0.4, 0.5, 0.6, 0.7, 0.8, 0.9 })
        {
            var line = $"cov>={coverage:0.0}";
            foreach (var margin in new[] { 0.0, 0.05, 0.1, 0.15, 0.2, 0.3 })
            {
                using var searcher = KnowledgeSearcher.Open(path, AnalyzerSettings.Default,
                    SearchSettings.Default with { StrongMinCoverage = coverage, StrongMinMargin = margin });
                var all = LanguageScore.Evaluate(searcher, queries)[^1];
                line += $"  m{margin:0.00}: {all.StrongRate * 100,5:0.0}/{all.StrongPrecision * 100,5:0.0}";
                rows.Add(new Dictionary<string, object>
                {
                    ["coverage"] = coverage,
                    ["margin"] = margin,
                    ["strongRate"] = Math.Round(all.StrongRate, 4),
                    ["strongPrecision"] = Math.Round(all.StrongPrecision, 4),
                });
            }

            Console.WriteLine(line);
        }

        return rows;
    }

    private static Dictionary<string, object> MeasureLatency(string work, IReadOnlyList<FaqArticle> articles,
        List<EvalLine> queries, int size, int rounds)
    {
        var corpus = SyntheticCorpus.Create(articles, size);
        var path = Path.Combine(work, "latency.db");
        var build = Stopwatch.StartNew();
        IndexBuilder.Build(corpus, path);
        build.Stop();
        var open = Stopwatch.StartNew();
        using var searcher = KnowledgeSearcher.Open(path);
        open.Stop();

        foreach (var query in queries)
        {
            searcher.Search(query.Text, query.Language);
        }

        var samples = new double[queries.Count * rounds];
        var cpu = new double[queries.Count * rounds];
        var n = 0;
        for (var round = 0; round < rounds; round++)
        {
            foreach (var query in queries)
            {
                var cpuStart = ThreadCpuClock.NowMs();
                var start = Stopwatch.GetTimestamp();
                searcher.Search(query.Text, query.Language);
                samples[n] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                cpu[n++] = ThreadCpuClock.NowMs() - cpuStart;
            }
        }

        Array.Sort(cpu, 0, n);

        var perLanguage = new Dictionary<string, object>();
        for (var q = 0; q < queries.Count; q++)
        {
            // per-language split of the same samples: query q's rounds are at q, q + count, q + 2 * count, ...
            var language = queries[q].Language;
            if (!perLanguage.ContainsKey(language))
            {
                var own = new List<double>();
                for (var j = 0; j < queries.Count; j++)
                {
                    if (queries[j].Language == language)
                    {
                        for (var r = 0; r < rounds; r++)
                        {
                            own.Add(samples[(r * queries.Count) + j]);
                        }
                    }
                }

                own.Sort();
                perLanguage[language] = new Dictionary<string, double>
                {
                    ["p50Ms"] = Math.Round(own[own.Count / 2], 4),
                    ["p99Ms"] = Math.Round(own[Math.Min(own.Count - 1, (int)Math.Ceiling(0.99 * own.Count) - 1)], 4),
                };
            }
        }

        Array.Sort(samples, 0, n);
        double Percentile(double p) => n == 0 ? 0 : samples[Math.Min(n - 1, (int)Math.Ceiling(p * n) - 1)];
        var result = new Dictionary<string, object>
        {
            ["articles"] = corpus.Count,
            ["indexBytes"] = new FileInfo(path).Length,
            ["buildMs"] = Math.Round(build.Elapsed.TotalMilliseconds, 1),
            ["openMs"] = Math.Round(open.Elapsed.TotalMilliseconds, 1),
            ["searches"] = n,
            ["p50Ms"] = Math.Round(Percentile(0.50), 4),
            ["p90Ms"] = Math.Round(Percentile(0.90), 4),
            ["p99Ms"] = Math.Round(Percentile(0.99), 4),
            ["maxMs"] = Math.Round(n == 0 ? 0 : samples[n - 1], 4),
            ["meanMs"] = Math.Round(n == 0 ? 0 : samples.Take(n).Average(), 4),
            ["perLanguage"] = perLanguage,
            ["threadCpuAvailable"] = ThreadCpuClock.IsAvailable,
            ["cpuP50Ms"] = Math.Round(n == 0 ? 0 : cpu[Math.Min(n - 1, (int)Math.Ceiling(0.50 * n) - 1)], 4),
            ["cpuP99Ms"] = Math.Round(n == 0 ? 0 : cpu[Math.Min(n - 1, (int)Math.Ceiling(0.99 * n) - 1)], 4),
            ["loadAverage1m"] = LoadAverage(),
        };
        Console.WriteLine();
        Console.WriteLine($"Latency: {corpus.Count} articles ({result["indexBytes"]} bytes, built in {result["buildMs"]} ms, opened in {result["openMs"]} ms), " +
            $"{n} searches (limit 5, single thread)");
        Console.WriteLine($"  p50 {result["p50Ms"]} ms   p90 {result["p90Ms"]} ms   p99 {result["p99Ms"]} ms   max {result["maxMs"]} ms   mean {result["meanMs"]} ms");
        if (ThreadCpuClock.IsAvailable)
        {
            Console.WriteLine($"  thread CPU per search: p50 {result["cpuP50Ms"]} ms   p99 {result["cpuP99Ms"]} ms   (load average {result["loadAverage1m"]})");
        }

        var alternatives = new List<Dictionary<string, object>>();
        foreach (var (name, settings) in new[]
        {
            ("bm25() in FTS5 (reference)", SearchSettings.Default with { InMemoryScoring = false }),
            ("questions: all terms", SearchSettings.Default with { QuestionMaxTerms = SearchSettings.MaxTerms }),
            ("no question table", SearchSettings.Default with { QuestionWeight = 0 }),
        })
        {
            using var alternative = KnowledgeSearcher.Open(path, AnalyzerSettings.Default, settings);
            var wall = new List<double>();
            var cpuAlt = new List<double>();
            for (var round = 0; round < Math.Max(1, rounds / 2); round++)
            {
                foreach (var query in queries)
                {
                    var cpuStart = ThreadCpuClock.NowMs();
                    var start = Stopwatch.GetTimestamp();
                    alternative.Search(query.Text, query.Language);
                    wall.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    cpuAlt.Add(ThreadCpuClock.NowMs() - cpuStart);
                }
            }

            wall.Sort();
            cpuAlt.Sort();
            double At(List<double> list, double p) => list[Math.Min(list.Count - 1, (int)Math.Ceiling(p * list.Count) - 1)];
            alternatives.Add(new Dictionary<string, object>
            {
                ["variant"] = name,
                ["p50Ms"] = Math.Round(At(wall, 0.5), 4),
                ["p99Ms"] = Math.Round(At(wall, 0.99), 4),
                ["cpuP50Ms"] = Math.Round(At(cpuAlt, 0.5), 4),
                ["cpuP99Ms"] = Math.Round(At(cpuAlt, 0.99), 4),
            });
            Console.WriteLine($"  {name}: wall p50 {At(wall, 0.5):0.000} p99 {At(wall, 0.99):0.000} ms; thread CPU p50 {At(cpuAlt, 0.5):0.000} p99 {At(cpuAlt, 0.99):0.000} ms");
        }

        result["alternatives"] = alternatives;
        Console.WriteLine("  wall clock per language: " + string.Join("   ", perLanguage.Select(kv =>
            $"{kv.Key}: p50 {((Dictionary<string, double>)kv.Value)["p50Ms"]} p99 {((Dictionary<string, double>)kv.Value)["p99Ms"]}")));
        return result;
    }

    // The 1-minute load average (Linux), so a reader can tell a busy machine's wall-clock numbers apart.
    private static double LoadAverage()
    {
        try
        {
            var text = File.ReadAllText("/proc/loadavg");
            return double.Parse(text.Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return -1;
        }
        catch (UnauthorizedAccessException)
        {
            return -1;
        }
    }

    private static void PrintAccuracy(string title, List<LanguageScore> scores)
    {
        Console.WriteLine(title);
        Console.WriteLine($"{"lang",-6}{"queries",8}{"top-1",9}{"top-3",9}{"strong",9}{"strong-prec",13}");
        foreach (var s in scores)
        {
            Console.WriteLine($"{s.Language,-6}{s.Queries,8}{s.Top1Rate * 100,8:0.0}%{s.Top3Rate * 100,8:0.0}%{s.StrongRate * 100,8:0.0}%{s.StrongPrecision * 100,12:0.0}%");
        }
    }

    private static Dictionary<string, object> ToJson(LanguageScore s) => new()
    {
        ["language"] = s.Language,
        ["queries"] = s.Queries,
        ["top1"] = Math.Round(s.Top1Rate, 4),
        ["top3"] = Math.Round(s.Top3Rate, 4),
        ["strongRate"] = Math.Round(s.StrongRate, 4),
        ["strongPrecision"] = Math.Round(s.StrongPrecision, 4),
    };
}
