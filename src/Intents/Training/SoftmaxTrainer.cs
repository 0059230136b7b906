using System.Numerics;
using System.Runtime.InteropServices;
using Intents.Model;

namespace Intents.Training;

/// <summary>
/// Multinomial logistic regression by stochastic gradient descent: shuffled epochs from a fixed seed, learning rate
/// decaying linearly to zero, L2 applied lazily through a global weight scale so each step only touches the rows of
/// the example's non-zero features. Single-threaded, hence deterministic.
/// </summary>
internal static class SoftmaxTrainer
{
    public static LinearModel Train(
        SparseMatrix x, int[] y, IReadOnlyList<int> rows, int features, int classes, TrainerOptions options, ulong seed,
        CancellationToken cancellationToken)
    {
        var stride = LinearModel.PaddedStride(classes);
        var weights = new float[features * stride];
        var bias = new float[stride];
        var order = rows.ToArray();
        var random = new DeterministicRandom(seed);
        var scores = new float[stride];
        var totalSteps = (double)options.Epochs * order.Length;
        var step = 0L;
        var scale = 1.0;
        var w = weights.AsSpan();
        var b = MemoryMarshal.Cast<float, Vector<float>>(bias.AsSpan());
        var g = MemoryMarshal.Cast<float, Vector<float>>(scores.AsSpan());

        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            random.Shuffle(order);
            foreach (var row in order)
            {
                var lr = options.LearningRate * (1 - (step++ / totalSteps));
                var idx = x.RowIndices(row);
                var val = x.RowValues(row);
                LinearModel.Score(weights, bias, stride, (float)scale, idx, val, scores);

                if (options.HingeLoss)
                {
                    // Crammer–Singer multiclass hinge: push the gold class one unit above the best rival.
                    var gold = y[row];
                    var rival = -1;
                    for (var c = 0; c < classes; c++)
                    {
                        if (c != gold && (rival < 0 || scores[c] > scores[rival]))
                        {
                            rival = c;
                        }
                    }

                    var violated = scores[gold] - scores[rival] < 1f;
                    scores.AsSpan().Clear();
                    if (!violated)
                    {
                        scale *= 1 - (lr * options.L2);
                        continue;
                    }

                    scores[gold] = -1f;
                    scores[rival] = 1f;
                }
                else
                {
                    // Gradient of the cross-entropy: p − onehot(y), only over the real classes.
                    _ = IntentClassifier.Softmax(scores.AsSpan(0, classes), 1f);
                    scores.AsSpan(classes).Clear();
                    scores[y[row]] -= 1f;
                }

                scale *= 1 - (lr * options.L2);
                var factor = new Vector<float>((float)(-lr / scale));
                for (var i = 0; i < idx.Length; i++)
                {
                    var wr = MemoryMarshal.Cast<float, Vector<float>>(w.Slice(idx[i] * stride, stride));
                    var f = factor * val[i];
                    for (var v = 0; v < wr.Length; v++)
                    {
                        wr[v] += g[v] * f;
                    }
                }

                var fb = new Vector<float>((float)-lr);
                for (var v = 0; v < b.Length; v++)
                {
                    b[v] += g[v] * fb;
                }

                if (scale < 1e-4)
                {
                    Rescale(weights, ref scale);
                }
            }
        }

        Rescale(weights, ref scale);
        return new LinearModel(features, classes, weights, bias);
    }

    private static void Rescale(float[] weights, ref double scale)
    {
        var s = (float)scale;
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] *= s;
        }

        scale = 1.0;
    }
}
