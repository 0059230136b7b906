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
}
