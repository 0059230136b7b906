using System.Globalization;

namespace Bench.Host;

/// <summary>Options of `bench host`.</summary>
internal sealed class HostBenchArgs
{
    public const string Usage =
        "usage: bench host <pipeline|handoff|turns> [--json PATH] [--misses] [--eval DIR] [--count 100] [--turns 1000] [--concurrency 8] [--seconds 120] [--dll]\n" +
        "  pipeline   article accuracy (top-1/top-3), handoff rate and turn latency per language on bench/data/faq-eval,\n" +
        "             and how often out-of-scope messages (its oos/ folder) were wrongly answered with an article\n" +
        "  handoff    time from a player's \"I want to talk to a human\" to the ticket on the agent console hub (--count handoffs)\n" +
        "  turns      p50/p99 latency and throughput of FAQ turns over --concurrency conversations (--turns, --seconds)\n" +
        "  --misses   pipeline: print every miss; --eval DIR: another question set for pipeline and turns\n" +
        "             (bench/data/faq-dev for tuning);\n" +
        "  --dll      use artifacts/bin/BotHost/release even when older than src/";

    public string Command { get; private set; } = "";

    public string? Json { get; private set; }

    public bool ShowMisses { get; private set; }

    /// <summary>The question set (default bench/data/faq-eval).</summary>
    public string? EvalDirectory { get; private set; }

    public int Count { get; private set; } = 100;

    public int Turns { get; private set; } = 1000;

    public int Concurrency { get; private set; } = 8;

    public int Seconds { get; private set; } = 120;

    public bool ForceDll { get; private set; }

    public bool Help { get; private set; }

    public static HostBenchArgs Parse(string[] args)
    {
        var result = new HostBenchArgs();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int NextInt(int min, int max)
            {
                var name = args[i];
                var value = int.Parse(Next(), NumberStyles.None, CultureInfo.InvariantCulture);
                return value >= min && value <= max ? value : throw new ArgumentException($"{name} must be between {min} and {max}");
            }

            switch (args[i])
            {
                case "pipeline" or "handoff" or "turns" when result.Command.Length == 0: result.Command = args[i]; break;
                case "--json": result.Json = Next(); break;
                case "--misses": result.ShowMisses = true; break;
                case "--eval": result.EvalDirectory = Next(); break;
                case "--count": result.Count = NextInt(1, 1000); break;
                case "--turns": result.Turns = NextInt(1, 100_000); break;
                case "--concurrency": result.Concurrency = NextInt(1, 64); break;
                case "--seconds": result.Seconds = NextInt(1, 280); break;
                case "--dll": result.ForceDll = true; break;
                case "--help" or "-h": result.Help = true; break;
                default: throw new ArgumentException($"unknown argument {args[i]}");
            }
        }

        if (result.Command.Length == 0 && !result.Help)
        {
            throw new ArgumentException("name a measurement: pipeline, handoff or turns");
        }

        return result;
    }
}
