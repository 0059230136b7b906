using Intents.Model;
using Intents.Training;

namespace Intents.Tests.Training;

public sealed class NaiveBayesTests
{
    [Fact]
    public void AddTo_FeatureSeenOnlyWithOneLabel_FavoursThatLabelAndRowsSumToZero()
    {
        // Feature 0 only in class 0, feature 1 only in class 1, feature 2 in both.
        var x = new SparseMatrix([0, 2, 4], [0, 2, 1, 2], [0.8f, 0.6f, 0.8f, 0.6f]);
        int[] y = [0, 1];
        var stride = LinearModel.PaddedStride(2);
        var sut = new LinearModel(3, 2, new float[3 * stride], new float[stride]);

        NaiveBayes.AddTo(sut, x, y, [0, 1], lambda: 1.0, smoothing: 0.1);

        Assert.True(sut.Weights[0] > sut.Weights[1]);
        Assert.True(sut.Weights[stride + 1] > sut.Weights[stride]);
        Assert.Equal(sut.Weights[2 * stride], sut.Weights[(2 * stride) + 1], 5);
        for (var f = 0; f < 3; f++)
        {
            Assert.Equal(0f, sut.Weights[f * stride] + sut.Weights[(f * stride) + 1], 5);
        }
    }
}
