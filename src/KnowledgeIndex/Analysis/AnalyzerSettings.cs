using System.Globalization;

namespace KnowledgeIndex.Analysis;

/// <summary>
/// The choices that decide which terms an index holds. They are part of <see cref="AnalyzerVersion"/>, so an index is
/// only ever queried with the settings it was built with. The bench compares variants; production uses <see cref="Default"/>.
/// </summary>
/// <param name="SlavicStemming">Stemming for Russian and Polish.</param>
/// <param name="TruncateLength">Maximum term length for the truncating modes.</param>
/// <param name="EnglishStemming">Light English suffix stripping (plural, -ing, -ed, final e).</param>
/// <param name="VietnameseBigrams">Also index adjacent Vietnamese syllables as one term (<c>rut_tien</c>).</param>
internal sealed record AnalyzerSettings(StemMode SlavicStemming, int TruncateLength, bool EnglishStemming, bool VietnameseBigrams)
{
    /// <summary>The settings chosen on the evaluation set (see bench/Search and the project README).</summary>
    public static AnalyzerSettings Default { get; } = new(StemMode.SuffixThenTruncate, 6, EnglishStemming: true, VietnameseBigrams: true);

    /// <summary>A short stable description, stored in the index as part of the analyzer version.</summary>
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"slavic={SlavicStemming}/{TruncateLength};en={(EnglishStemming ? "light" : "none")};vi={(VietnameseBigrams ? "bigrams" : "syllables")}");
}
