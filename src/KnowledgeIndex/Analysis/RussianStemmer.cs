namespace KnowledgeIndex.Analysis;

/// <summary>
/// The Snowball Russian stemmer (Porter's algorithm for Russian) on folded text (ё already written as е).
/// Removes inflectional endings so that <c>вывода</c>, <c>вывод</c>, <c>выводом</c> share one term.
/// </summary>
internal static class RussianStemmer
{
    private const string Vowels = "аеиоуыэюя";

    private static readonly string[] PerfectiveGerund1 = ["вшись", "вши", "в"];
    private static readonly string[] PerfectiveGerund2 = ["ившись", "ывшись", "ивши", "ывши", "ив", "ыв"];
    private static readonly string[] Adjective =
    [
        "ими", "ыми", "его", "ого", "ему", "ому", "ее", "ие", "ые", "ое", "ей", "ий", "ый", "ой", "ем", "им", "ым", "ом",
        "их", "ых", "ую", "юю", "ая", "яя", "ою", "ею",
    ];
    private static readonly string[] Participle1 = ["ем", "нн", "вш", "ющ", "щ"];
    private static readonly string[] Participle2 = ["ивш", "ывш", "ующ"];
    private static readonly string[] Reflexive = ["ся", "сь"];
    private static readonly string[] Verb1 =
    [
        "ете", "йте", "ешь", "нно", "ла", "на", "ли", "ем", "ло", "но", "ет", "ют", "ны", "ть", "й", "л", "н",
    ];
    private static readonly string[] Verb2 =
    [
        "ейте", "уйте", "ила", "ыла", "ена", "ите", "или", "ыли", "ило", "ыло", "ено", "ует", "уют", "ены", "ить", "ыть",
        "ишь", "ей", "уй", "ил", "ыл", "им", "ым", "ен", "ят", "ит", "ыт", "ую", "ю",
    ];
    private static readonly string[] Noun =
    [
        "иями", "ями", "ами", "ией", "иям", "ием", "иях", "ев", "ов", "ие", "ье", "еи", "ии", "ей", "ой", "ий", "ям", "ем",
        "ам", "ом", "ах", "ях", "ию", "ью", "ия", "ья", "а", "е", "и", "й", "о", "у", "ы", "ь", "ю", "я",
    ];
    private static readonly string[] Superlative = ["ейше", "ейш"];
    private static readonly string[] Derivational = ["ость", "ост"];

    /// <summary>The stem of a folded Russian word.</summary>
    public static string Stem(string word)
    {
        var rv = RegionAfterFirstVowel(word, 0);
        if (rv >= word.Length)
        {
            return word;
        }

        var r1 = RegionAfterVowelConsonant(word, 0);
        var r2 = RegionAfterVowelConsonant(word, r1);
        var w = word;

        // Step 1
        var cut = Ending(w, rv, PerfectiveGerund1, PerfectiveGerund2);
        if (cut > 0)
        {
            w = w[..^cut];
        }
        else
        {
            cut = Ending(w, rv, [], Reflexive);
            if (cut > 0)
            {
                w = w[..^cut];
            }

            cut = Ending(w, rv, [], Adjective);
            if (cut > 0)
            {
                w = w[..^cut];
                cut = Ending(w, rv, Participle1, Participle2);
                if (cut > 0)
                {
                    w = w[..^cut];
                }
            }
            else
            {
                cut = Ending(w, rv, Verb1, Verb2);
                if (cut == 0)
                {
                    cut = Ending(w, rv, [], Noun);
                }

                if (cut > 0)
                {
                    w = w[..^cut];
                }
            }
        }

        // Step 2
        if (w.Length > rv && w.EndsWith('и'))
        {
            w = w[..^1];
        }

        // Step 3
        cut = Ending(w, r2, [], Derivational);
        if (cut > 0)
        {
            w = w[..^cut];
        }

        // Step 4
        if (w.Length - 2 >= rv && w.EndsWith("нн", StringComparison.Ordinal))
        {
            return w[..^1];
        }

        cut = Ending(w, rv, [], Superlative);
        if (cut > 0)
        {
            w = w[..^cut];
            return w.Length - 2 >= rv && w.EndsWith("нн", StringComparison.Ordinal) ? w[..^1] : w;
        }

        return w.Length > rv && w.EndsWith('ь') ? w[..^1] : w;
    }

    // Longest ending inside the region; group-1 endings must follow а or я (which stays).
    private static int Ending(string w, int region, string[] group1, string[] group2)
    {
        var best = 0;
        foreach (var e in group2)
        {
            if (e.Length > best && w.Length - e.Length >= region && w.EndsWith(e, StringComparison.Ordinal))
            {
                best = e.Length;
            }
        }

        foreach (var e in group1)
        {
            var start = w.Length - e.Length;
            if (e.Length > best && start - 1 >= region && w.EndsWith(e, StringComparison.Ordinal) && w[start - 1] is 'а' or 'я')
            {
                best = e.Length;
            }
        }

        return best;
    }

    private static int RegionAfterFirstVowel(string w, int from)
    {
        for (var i = from; i < w.Length; i++)
        {
            if (Vowels.Contains(w[i], StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return w.Length;
    }

    private static int RegionAfterVowelConsonant(string w, int from)
    {
        for (var i = from + 1; i < w.Length; i++)
        {
            if (!Vowels.Contains(w[i], StringComparison.Ordinal) && Vowels.Contains(w[i - 1], StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return w.Length;
    }
}
