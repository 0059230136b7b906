using Intents.Model;

namespace Intents.Tests.Model;

public sealed class QuantizedModelTests
{
    [Fact]
    public void Score_QuantisedRows_MatchFloatScoresWithinRounding()
    {
        var model = CreateFloatModel(features: 6, classes: 11);
        var sut = QuantizedModel.From(model);
        int[] indices = [0, 2, 5];
        float[] values = [0.5f, 0.25f, 0.8f];
        var expected = new float[model.Stride];
        var actual = new float[sut.Stride];

        model.Score(indices, values, expected);
        sut.Score(indices, values, actual);

        for (var c = 0; c < model.Classes; c++)
        {
            Assert.InRange(actual[c] - expected[c], -0.02f, 0.02f);
        }

        Assert.All(actual[model.Classes..], v => Assert.Equal(0f, v));
    }

    [Fact]
    public void From_ZeroRow_HasZeroScaleAndWeights()
    {
        var model = CreateFloatModel(features: 3, classes: 4);
        model.Weights.AsSpan(model.Stride, model.Stride).Clear();

        var sut = QuantizedModel.From(model);

        Assert.Equal(0f, sut.RowScales[1]);
        Assert.All(sut.Weights.AsSpan(sut.Stride, sut.Stride).ToArray(), w => Assert.Equal(0, w));
        Assert.Equal(127, sut.Weights.AsSpan(0, sut.Stride).ToArray().Max(w => Math.Abs((int)w)));
    }

    private static LinearModel CreateFloatModel(int features, int classes)
    {
        var stride = LinearModel.PaddedStride(classes);
        var weights = new float[features * stride];
        var bias = new float[stride];
        for (var f = 0; f < features; f++)
        {
            for (var c = 0; c < classes; c++)
            {
                weights[(f * stride) + c] = MathF.Sin((f * 7) + (c * 3)) * (f + 1);
            }
        }

        for (var c = 0; c < classes; c++)
        {
            bias[c] = c * 0.1f;
        }

        return new LinearModel(features, classes, weights, bias);
    }
}
