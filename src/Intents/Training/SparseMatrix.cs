namespace Intents.Training;

/// <summary>Rows of L2-normalised TF-IDF vectors in compressed sparse row form.</summary>
internal sealed class SparseMatrix(int[] rowStart, int[] indices, float[] values)
{
    public int Rows => rowStart.Length - 1;

    public ReadOnlySpan<int> RowIndices(int row) => indices.AsSpan(rowStart[row], rowStart[row + 1] - rowStart[row]);

    public ReadOnlySpan<float> RowValues(int row) => values.AsSpan(rowStart[row], rowStart[row + 1] - rowStart[row]);
}
