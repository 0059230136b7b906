using System.Numerics;
using System.Runtime.InteropServices;

namespace Intents.Model;

/// <summary>
/// Multinomial linear model: one dense row of class weights per feature (float32, padded to the SIMD width), so
/// scoring a sparse vector is a few vector multiply-adds per non-zero feature.
/// </summary>
internal sealed class LinearModel
{
    public LinearModel(int features, int classes, float[] weights, float[] bias)
    {
        Features = features;
        Classes = classes;
        Stride = PaddedStride(classes);
        if (weights.Length != features * Stride || bias.Length != Stride)
        {
            throw new ModelFormatException($"Weight table size mismatch: expected {features * Stride}, found {weights.Length}.");
        }

        Weights = weights;
        Bias = bias;
    }

    public int Features { get; }

    public int Classes { get; }

    /// <summary>Row length: classes rounded up to the SIMD width.</summary>
    public int Stride { get; }

    public float[] Weights { get; }

    public float[] Bias { get; }

    public static int PaddedStride(int classes)
    {
        var w = Vector<float>.Count;
        return (classes + w - 1) / w * w;
    }

    /// <summary>Writes <see cref="Stride"/> logits (the padding stays 0) into <paramref name="scores"/>.</summary>
    public void Score(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, Span<float> scores)
    {
        Score(Weights, Bias, Stride, 1f, indices, values, scores);
    }

    /// <summary>scores = bias + scale · Σ values[i] · W[indices[i]].</summary>
    public static void Score(
        float[] weights, float[] bias, int stride, float scale, ReadOnlySpan<int> indices, ReadOnlySpan<float> values, Span<float> scores)
    {
        var acc = MemoryMarshal.Cast<float, Vector<float>>(scores[..stride]);
        acc.Clear();
        var w = weights.AsSpan();
        for (var i = 0; i < indices.Length; i++)
        {
            var row = MemoryMarshal.Cast<float, Vector<float>>(w.Slice(indices[i] * stride, stride));
            var x = new Vector<float>(values[i] * scale);
            for (var v = 0; v < acc.Length; v++)
            {
                acc[v] += row[v] * x;
            }
        }

        var b = MemoryMarshal.Cast<float, Vector<float>>(bias.AsSpan(0, stride));
        for (var v = 0; v < acc.Length; v++)
        {
            acc[v] += b[v];
        }
    }
}
