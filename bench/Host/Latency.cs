using System.Globalization;

namespace Bench.Host;

/// <summary>Percentiles (nearest rank) of latencies in milliseconds.</summary>
internal sealed record Latency(int N, double P50, double P90, double P99, double Max, double Mean)
{
    public static Latency Of(IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new Latency(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        double At(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Latency(sorted.Length, Round(At(0.50)), Round(At(0.90)), Round(At(0.99)), Round(sorted[^1]), Round(sorted.Average()));
    }

    public static string Ms(double value) => double.IsNaN(value) ? "-" : value.ToString("0.0", CultureInfo.InvariantCulture);

    private static double Round(double value) => Math.Round(value, 2);
}
