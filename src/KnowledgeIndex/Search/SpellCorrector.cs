namespace KnowledgeIndex.Search;

/// <summary>
/// Corrects a misspelt word to the most frequent index word within edit distance 1 (2 for words of 8+ letters),
/// using symmetric deletes: every vocabulary word is stored under each one-letter deletion, so a look-up costs a few
/// dictionary probes instead of a scan of the vocabulary.
/// </summary>
internal sealed class SpellCorrector
{
    private const int MinLength = 4;
    private readonly Dictionary<string, int> _frequency;
    private readonly string[] _words;
    private readonly Dictionary<string, List<int>> _deletes = new(StringComparer.Ordinal);

    public SpellCorrector(Dictionary<string, int> frequency)
    {
        _frequency = frequency;
        _words = [.. frequency.Keys.Where(w => w.Length >= MinLength - 1)];
        for (var i = 0; i < _words.Length; i++)
        {
            foreach (var delete in Deletes(_words[i]))
            {
                if (!_deletes.TryGetValue(delete, out var list))
                {
                    _deletes[delete] = list = [];
                }

                if (list.Count == 0 || list[^1] != i)
                {
                    list.Add(i);
                }
            }
        }
    }

    /// <summary>True when <paramref name="word"/> is in the vocabulary.</summary>
    public bool Contains(string word) => _frequency.ContainsKey(word);

    /// <summary>The best correction of an unknown <paramref name="word"/>, or false when none is close enough.</summary>
    public bool TryCorrect(string word, out string corrected)
    {
        corrected = word;
        if (word.Length < MinLength || char.IsDigit(word[0]))
        {
            return false;
        }

        var maxDistance = word.Length >= 8 ? 2 : 1;
        var best = (Distance: int.MaxValue, Frequency: 0, Word: (string?)null);

        void Consider(string candidate)
        {
            if (Math.Abs(candidate.Length - word.Length) > maxDistance)
            {
                return;
            }

            var distance = OptimalStringAlignment(word, candidate, maxDistance);
            if (distance > maxDistance)
            {
                return;
            }

            var frequency = _frequency[candidate];
            if (distance < best.Distance || (distance == best.Distance &&
                (frequency > best.Frequency || (frequency == best.Frequency && string.CompareOrdinal(candidate, best.Word) < 0))))
            {
                best = (distance, frequency, candidate);
            }
        }

        void ConsiderDeletesOf(string key)
        {
            if (_deletes.TryGetValue(key, out var list))
            {
                foreach (var index in list)
                {
                    Consider(_words[index]);
                }
            }
        }

        ConsiderDeletesOf(word);
        foreach (var delete in Deletes(word))
        {
            if (_frequency.ContainsKey(delete))
            {
                Consider(delete);
            }

            ConsiderDeletesOf(delete);
        }

        if (best.Word is null)
        {
            return false;
        }

        corrected = best.Word;
        return true;
    }

    private static IEnumerable<string> Deletes(string word)
    {
        for (var i = 0; i < word.Length; i++)
        {
            yield return string.Concat(word.AsSpan(0, i), word.AsSpan(i + 1));
        }
    }

    // Damerau-Levenshtein (optimal string alignment), stopping early beyond maxDistance.
    internal static int OptimalStringAlignment(string a, string b, int maxDistance)
    {
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > maxDistance)
            {
                return maxDistance + 1;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }
}
