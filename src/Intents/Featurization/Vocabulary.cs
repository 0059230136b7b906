namespace Intents.Featurization;

/// <summary>
/// Maps 64-bit feature keys to dense feature indices with inverse document frequencies. Open addressing with linear
/// probing over flat arrays, so a lookup touches one or two cache lines and loading is a straight copy.
/// </summary>
internal sealed class Vocabulary
{
    private readonly ulong[] _keys;
    private readonly int[] _indices;
    private readonly Slot[] _slots;
    private readonly int _mask;

    public Vocabulary(ulong[] slotKeys, int[] slotIndices, float[] idf)
    {
        if (slotKeys.Length != slotIndices.Length || (slotKeys.Length & (slotKeys.Length - 1)) != 0)
        {
            throw new ModelFormatException("Vocabulary table size must be a power of two.");
        }

        _keys = slotKeys;
        _indices = slotIndices;
        _mask = slotKeys.Length - 1;
        Idf = idf;

        // Key, index and IDF side by side: a lookup is one cache miss instead of three.
        _slots = new Slot[slotKeys.Length];
        for (var i = 0; i < slotKeys.Length; i++)
        {
            var index = slotIndices[i];
            var known = slotKeys[i] != 0 && (uint)index < (uint)idf.Length;
            _slots[i] = new Slot(slotKeys[i], known ? index : -1, known ? idf[index] : 0);
        }
    }

    /// <summary>Number of features.</summary>
    public int Count => Idf.Length;

    /// <summary>Inverse document frequency per feature index.</summary>
    public float[] Idf { get; }

    internal ulong[] SlotKeys => _keys;

    internal int[] SlotIndices => _indices;

    /// <summary>The feature index of <paramref name="key"/>, or -1.</summary>
    public int IndexOf(ulong key) => TryGet(key, out var index, out _) ? index : -1;

    /// <summary>The feature index and IDF of <paramref name="key"/>; false when it is not in the vocabulary.</summary>
    public bool TryGet(ulong key, out int index, out float idf)
    {
        var slots = _slots;
        var slot = (int)key & _mask;
        while (true)
        {
            ref readonly var s = ref slots[slot];
            if (s.Key == key)
            {
                index = s.Index;
                idf = s.Idf;
                return index >= 0;
            }

            if (s.Key == 0)
            {
                index = -1;
                idf = 0;
                return false;
            }

            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>Builds the table from keys in index order.</summary>
    public static Vocabulary Build(IReadOnlyList<ulong> keysInIndexOrder, float[] idf)
    {
        var size = 16;
        while (size < keysInIndexOrder.Count * 2)
        {
            size <<= 1;
        }

        var keys = new ulong[size];
        var indices = new int[size];
        var mask = size - 1;
        for (var i = 0; i < keysInIndexOrder.Count; i++)
        {
            var key = keysInIndexOrder[i];
            var slot = (int)key & mask;
            while (keys[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            keys[slot] = key;
            indices[slot] = i;
        }

        return new Vocabulary(keys, indices, idf);
    }

    private readonly record struct Slot(ulong Key, int Index, float Idf);
}
