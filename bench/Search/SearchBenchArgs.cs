namespace Bench.Search;

/// <summary>Options of `bench search`.</summary>
internal sealed class SearchBenchArgs
{
    public string? Json { get; private set; }

    public string? FaqDir { get; private set; }

    public string? EvalDir { get; private set; }

    public int Size { get; private set; } = 5000;

    public int Rounds { get; private set; } = 20;

    public bool Variants { get; private set; } = true;

    public bool Tune { get; private set; }

    public bool Help { get; private set; }

    public bool ShowMisses { get; private set; }

    public static SearchBenchArgs Parse(string[] args)
    {
        var result = new SearchBenchArgs();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--json": result.Json = Next(); break;
                case "--faq": result.FaqDir = Next(); break;
                case "--eval": result.EvalDir = Next(); break;
                case "--size": result.Size = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture); break;
                case "--rounds": result.Rounds = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture); break;
                case "--no-variants": result.Variants = false; break;
                case "--tune": result.Tune = true; break;
                case "--misses": result.ShowMisses = true; break;
                case "--help" or "-h": result.Help = true; break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }

        return result;
    }

    public const string Usage =
        "usage: bench search [--json PATH] [--faq DIR] [--eval DIR] [--size 5000] [--rounds 20] [--no-variants] [--tune] [--misses]";
}
