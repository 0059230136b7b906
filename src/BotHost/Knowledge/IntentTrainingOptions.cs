using System.ComponentModel.DataAnnotations;

namespace BotHost.Knowledge;

/// <summary>Policy for the model the host trains from data/faq.</summary>
public sealed class IntentTrainingOptions
{
    public const string SectionName = "Intents";

    /// <summary>
    /// Precision a direct answer must reach on held-out questions; the Confident threshold is fitted to it (below it
    /// the bot clarifies or searches). <value>Default 0.9.</value>
    /// </summary>
    [Range(0.5, 0.99)]
    public double ConfidentPrecision { get; set; } = 0.9;

    /// <summary>
    /// Shortest character n-gram of the product's model. 3–5 rather than the engine's 2–4 (chosen on CLINC150): on
    /// the player questions of bench/data/faq-dev the classifier alone is right 75.3 % of the time with 3–5, 73.3 %
    /// with 1–5 and 71.8 % with 2–4 (the evaluation set was not used). <value>Default 3.</value>
    /// </summary>
    [Range(1, 8)]
    public int CharNgramMin { get; set; } = 3;

    /// <summary>Longest character n-gram of the product's model. <value>Default 5.</value></summary>
    [Range(1, 8)]
    public int CharNgramMax { get; set; } = 5;

    /// <summary>
    /// How often the host checks whether <c>data/faq</c> changed on disk (an article edited by hand, or taught from
    /// another host that shares the folder) and retrains; 0 checks only when taught from this host's dashboard.
    /// <value>Default 60.</value>
    /// </summary>
    [Range(0, 86_400)]
    public int ReloadCheckSeconds { get; set; } = 60;
}
