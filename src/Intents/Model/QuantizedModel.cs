using System.Numerics;
using System.Runtime.InteropServices;

namespace Intents.Model;

/// <summary>
/// The served form of a <see cref="LinearModel"/>: each feature's row of class weights as int8 with one float scale
/// per row (symmetric, scale = max |w| / 127). Scoring a query touches ~170 rows picked at random from the table, so
/// it is bound by memory traffic; 1 byte per weight reads a quarter of the cache lines of float32 and makes the model
/// file four times smaller. Training stays in float32; the trainer calibrates on the quantised model it serves.
/// </summary>
internal sealed class QuantizedModel
{
    private const int Chunk = 256;

    public QuantizedModel(int features, int classes, sbyte[] weights, float[] rowScales, float[] bias)
    {
        Features = features;
        Classes = classes;
        Stride = PaddedStride(classes);
        if (weights.Length != features * Stride || rowScales.Length != features || bias.Length != Stride)
        {
            throw new ModelFormatException($"Weight table size mismatch: expected {features * Stride}, found {weights.Length}.");
        }

        Weights = weights;
        RowScales = rowScales;
        Bias = bias;
    }

    public int Features { get; }

    public int Classes { get; }

    /// <summary>Row length: classes rounded up to the int8 SIMD width (also the length of a score buffer).</summary>
    public int Stride { get; }

    public sbyte[] Weights { get; }

    public float[] RowScales { get; }

    public float[] Bias { get; }

    public static int PaddedStride(int classes)
    {
        var w = Vector<sbyte>.Count;
        return (classes + w - 1) / w * w;
    }

    /// <summary>Rounds each row of <paramref name="model"/> to int8 (deterministic: same floats, same bytes).</summary>
    public static QuantizedModel From(LinearModel model)
    {
        var stride = PaddedStride(model.Classes);
        var weights = new sbyte[model.Features * stride];
        var scales = new float[model.Features];
        for (var f = 0; f < model.Features; f++)
        {
            var row = model.Weights.AsSpan(f * model.Stride, model.Classes);
            var max = 0f;
            foreach (var w in row)
            {
                max = Math.Max(max, Math.Abs(w));
            }

            if (max == 0)
            {
                continue;
            }

            var scale = max / 127f;
            scales[f] = scale;
            var q = weights.AsSpan(f * stride, model.Classes);
            for (var c = 0; c < row.Length; c++)
            {
                q[c] = (sbyte)Math.Clamp(MathF.Round(row[c] / scale, MidpointRounding.ToEven), -127, 127);
            }
        }

        var bias = new float[stride];
        model.Bias.AsSpan(0, model.Classes).CopyTo(bias);
        return new QuantizedModel(model.Features, model.Classes, weights, scales, bias);
    }

    /// <summary>Writes <see cref="Stride"/> logits (the padding stays 0): bias + Σ values[i] · scale[f] · q[f].</summary>
    public void Score(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, Span<float> scores)
    {
        var acc = MemoryMarshal.Cast<float, Vector<float>>(scores[..Stride]);
        MemoryMarshal.Cast<float, Vector<float>>(Bias.AsSpan()).CopyTo(acc);
        var rows = MemoryMarshal.Cast<sbyte, Vector<sbyte>>(Weights.AsSpan());
        var perRow = Stride / Vector<sbyte>.Count;
        Span<float> x = stackalloc float[Chunk];
        Span<int> first = stackalloc int[Chunk];
        for (var start = 0; start < indices.Length; start += Chunk)
        {
            var count = Math.Min(Chunk, indices.Length - start);
            for (var j = 0; j < count; j++)
            {
                var f = indices[start + j];
                x[j] = values[start + j] * RowScales[f];
                first[j] = f * perRow;
            }

            // Block-outer, row-inner: the four accumulators of a 32-class block stay in registers across all rows
            // (row-outer spilled ~20 accumulators to memory per row); the rows re-read per block are in L1 by then.
            for (var v = 0; v < perRow; v++)
            {
                var o = v * 4;
                var a0 = acc[o];
                var a1 = acc[o + 1];
                var a2 = acc[o + 2];
                var a3 = acc[o + 3];
                for (var j = 0; j < count; j++)
                {
                    var xj = new Vector<float>(x[j]);
                    Vector.Widen(rows[first[j] + v], out var lo, out var hi);
                    Vector.Widen(lo, out var q0, out var q1);
                    Vector.Widen(hi, out var q2, out var q3);
                    a0 += Vector.ConvertToSingle(q0) * xj;
                    a1 += Vector.ConvertToSingle(q1) * xj;
                    a2 += Vector.ConvertToSingle(q2) * xj;
                    a3 += Vector.ConvertToSingle(q3) * xj;
                }

                acc[o] = a0;
                acc[o + 1] = a1;
                acc[o + 2] = a2;
                acc[o + 3] = a3;
            }
        }
    }
}
