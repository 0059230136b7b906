namespace Intents.Featurization;

/// <summary>
/// Text → sparse TF-IDF vector: normalise, hash n-grams, look up the vocabulary, sublinear term frequency times IDF,
/// L2-normalised. Buffers come from a per-thread scratch, so the hot path does not allocate.
/// </summary>
internal sealed class TextVectorizer(NgramFeaturizer featurizer, Vocabulary vocabulary)
{
    [ThreadStatic]
    private static Scratch? _scratch;

    public NgramFeaturizer Featurizer { get; } = featurizer;

    public Vocabulary Vocabulary { get; } = vocabulary;

    /// <summary>
    /// Vectorises <paramref name="text"/>; the result spans live in the calling thread's scratch until its next call.
    /// </summary>
    public int Vectorize(string text, out ReadOnlySpan<int> indices, out ReadOnlySpan<float> values)
    {
        var s = _scratch ??= new Scratch();
        var source = Normalizer.ToNfkc(text);
        s.EnsureText(source.Length, Featurizer.Settings);
        var len = Normalizer.Normalize(source, s.Normalized);
        var keyCount = Featurizer.Extract(s.Normalized.AsSpan(0, len), s.Folded, s.Keys);
        s.EnsureTable(keyCount);

        var table = s.Table.AsSpan(0, s.TableSize);
        table.Clear();
        var mask = s.TableSize - 1;
        var idx = s.Indices;
        var tf = s.Values;
        var weight = s.Idf;
        var m = 0;
        for (var k = 0; k < keyCount; k++)
        {
            if (!Vocabulary.TryGet(s.Keys[k], out var j, out var idf))
            {
                continue;
            }

            var slot = (int)((uint)j * 0x9E3779B1u >> 8) & mask;
            while (true)
            {
                var e = table[slot];
                if (e == 0)
                {
                    table[slot] = m + 1;
                    idx[m] = j;
                    tf[m] = 1;
                    weight[m] = idf;
                    m++;
                    break;
                }

                if (idx[e - 1] == j)
                {
                    tf[e - 1] += 1;
                    break;
                }

                slot = (slot + 1) & mask;
            }
        }

        var sum = 0f;
        for (var i = 0; i < m; i++)
        {
            var v = tf[i] == 1 ? weight[i] : (1f + MathF.Log(tf[i])) * weight[i];
            tf[i] = v;
            sum += v * v;
        }

        if (sum > 0)
        {
            var inv = 1f / MathF.Sqrt(sum);
            for (var i = 0; i < m; i++)
            {
                tf[i] *= inv;
            }
        }

        indices = idx.AsSpan(0, m);
        values = tf.AsSpan(0, m);
        return m;
    }

    /// <summary>Raw keys of <paramref name="text"/> (allocating; for vocabulary building).</summary>
    public static ulong[] Keys(NgramFeaturizer featurizer, string text) => Keys(featurizer, text, out _);

    /// <summary>Raw keys; the first <paramref name="wordKeys"/> are word n-grams.</summary>
    public static ulong[] Keys(NgramFeaturizer featurizer, string text, out int wordKeys)
    {
        var source = Normalizer.ToNfkc(text);
        var normalized = new char[Normalizer.MaxOutputLength(source.Length)];
        var len = Normalizer.Normalize(source, normalized);
        var folded = new char[len + 1];
        var keys = new ulong[featurizer.Settings.MaxKeys(len)];
        var n = featurizer.Extract(normalized.AsSpan(0, len), folded, keys, out wordKeys);
        return keys[..n];
    }

    private sealed class Scratch
    {
        public char[] Normalized = new char[256];
        public char[] Folded = new char[256];
        public ulong[] Keys = new ulong[4096];
        public int[] Indices = new int[4096];
        public float[] Values = new float[4096];
        public float[] Idf = new float[4096];
        public int[] Table = new int[8192];
        public int TableSize;

        public void EnsureText(int length, FeaturizerSettings settings)
        {
            var max = Normalizer.MaxOutputLength(length);
            if (Normalized.Length < max)
            {
                Normalized = new char[max];
                Folded = new char[max];
            }

            var keys = settings.MaxKeys(max);
            if (Keys.Length < keys)
            {
                Keys = new ulong[keys];
                Indices = new int[keys];
                Values = new float[keys];
                Idf = new float[keys];
            }
        }

        public void EnsureTable(int keyCount)
        {
            var size = 64;
            while (size < keyCount * 2)
            {
                size <<= 1;
            }

            if (Table.Length < size)
            {
                Table = new int[size];
            }

            TableSize = size;
        }
    }
}
