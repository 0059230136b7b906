using Intents.Model;

namespace Intents.Training;

/// <summary>
/// Interpolates a multinomial naive Bayes model into trained regression weights (Wang &amp; Manning 2012's NB–LR
/// interpolation): W[f, c] += λ · (log θ[c, f] − mean over classes), θ from the same TF-IDF values with additive
/// smoothing. NB scores are linear in the features, so the sum is still one weight row per feature and prediction
/// costs the same. Centring each row changes no softmax and keeps the weights small.
/// </summary>
internal static class NaiveBayes
{
    public static void AddTo(LinearModel model, SparseMatrix x, int[] y, IReadOnlyList<int> rows, double lambda, double smoothing)
    {
        var classes = model.Classes;
        var stride = model.Stride;
        var features = model.Features;
        var mass = new double[features * classes];
        var classMass = new double[classes];
        foreach (var row in rows)
        {
            var idx = x.RowIndices(row);
            var val = x.RowValues(row);
            var c = y[row];
            for (var i = 0; i < idx.Length; i++)
            {
                mass[(idx[i] * classes) + c] += val[i];
                classMass[c] += val[i];
            }
        }

        var logDenominator = new double[classes];
        for (var c = 0; c < classes; c++)
        {
            logDenominator[c] = Math.Log(classMass[c] + (smoothing * features));
        }

        var weights = model.Weights;
        var logTheta = new double[classes];
        for (var f = 0; f < features; f++)
        {
            var mean = 0.0;
            for (var c = 0; c < classes; c++)
            {
                logTheta[c] = Math.Log(mass[(f * classes) + c] + smoothing) - logDenominator[c];
                mean += logTheta[c];
            }

            mean /= classes;
            for (var c = 0; c < classes; c++)
            {
                weights[(f * stride) + c] += (float)(lambda * (logTheta[c] - mean));
            }
        }
    }
}
