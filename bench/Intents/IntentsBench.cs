using System.Globalization;
using System.Text.Json;
using Intents.Training;

namespace Bench.Intents;

/// <summary>
/// `bench intents &lt;clinc150|banking77|tsv TRAIN TEST|faq [--dir data/faq]|profile&gt; [--json PATH]` plus trainer
/// overrides (--epochs, --lr, --l2, --word-max, --char-min, --char-max, --within-words, --min-df, --seed, --nb, --nb-alpha).
/// </summary>
internal static class IntentsBench
{
    private static readonly JsonSerializerOptions _json = new() { WriteIndented = true };

    public static int Run(string[] args)
    {
        var a = new BenchArgs(args);
        if (a.Positional.Count == 0 || a.Get("help") is not null)
        {
            Console.Error.WriteLine("usage: bench intents <clinc150|banking77|tsv TRAIN TEST|faq [--dir data/faq]|profile> [--json PATH] [--epochs N --lr X --l2 X --word-max N --char-min N --char-max N --within-words --min-df N --seed N]");
            return 2;
        }

        var options = a.TrainerOptions();
        List<Dictionary<string, object>> rows;
        switch (a.Positional[0])
        {
            case "clinc150":
                rows = Clinc(options, a.Get("only"));
                break;
            case "banking77":
                var train = Datasets.Csv(Datasets.Shared("datasets/banking77/train.csv"));
                var test = Datasets.Csv(Datasets.Shared("datasets/banking77/test.csv"));
                rows = [Measurement.Run("banking77", train, null, test, options)];
                break;
            case "tsv" when a.Positional.Count >= 3:
                rows = [Measurement.Run("tsv", Datasets.Tsv(a.Positional[1], "en"), null, Datasets.Tsv(a.Positional[2], "en"), options)];
                break;
            case "profile":
                ProfileBench.Run(options);
                return 0;
            case "faq":
                rows = FaqBench.Run(a.Get("dir") ?? Path.Combine(Datasets.RepoRoot(), "data", "faq"), options);
                break;
            default:
                Console.Error.WriteLine($"unknown dataset '{a.Positional[0]}'");
                return 2;
        }

        Print(rows);
        if (a.Get("json") is { } json)
        {
            var payload = rows.Count == 1 ? (object)rows[0] : rows;
            File.WriteAllText(json, JsonSerializer.Serialize(payload, _json));
        }

        return 0;
    }

    private static List<Dictionary<string, object>> Clinc(TrainerOptions options, string? only)
    {
        var data = Datasets.Clinc150(Datasets.Shared("datasets/clinc150/data_full.json"));
        var validation = data["val"].Concat(data["oos_val"]).ToList();
        var test = data["test"].Concat(data["oos_test"]).ToList();
        var rows = new List<Dictionary<string, object>>();
        if (only is null or "plain")
        {
            rows.Add(Measurement.Run("clinc150", data["train"], validation, test, options));
        }

        if (only is null or "oos")
        {
            rows.Add(Measurement.Run("clinc150+oos_train", data["train"].Concat(data["oos_train"]).ToList(), validation, test, options));
        }

        return rows;
    }

    private static void Print(List<Dictionary<string, object>> rows)
    {
        var columns = rows.SelectMany(r => r.Keys).Distinct().ToList();
        var widths = columns.Select(c => Math.Max(c.Length, rows.Max(r => Format(r.GetValueOrDefault(c)).Length))).ToList();
        Console.WriteLine(string.Join(" | ", columns.Select((c, i) => c.PadRight(widths[i]))));
        Console.WriteLine(string.Join("-|-", widths.Select(w => new string('-', w))));
        foreach (var r in rows)
        {
            Console.WriteLine(string.Join(" | ", columns.Select((c, i) => Format(r.GetValueOrDefault(c)).PadRight(widths[i]))));
        }
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        double d => d.ToString("0.####", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
