namespace Intents;

/// <summary>What the bot should do with a prediction, decided by thresholds fitted during calibration.</summary>
public enum IntentDecision
{
    /// <summary>The top intent is reliable enough to act on.</summary>
    Confident,
    /// <summary>One of a few intents is likely: ask the player to pick.</summary>
    Ambiguous,
    /// <summary>None of the known intents: out of scope.</summary>
    OutOfScope,
}

/// <summary>An intent with its calibrated probability.</summary>
/// <param name="Intent">Intent id.</param>
/// <param name="Probability">Calibrated probability in [0, 1].</param>
public sealed record IntentScore(string Intent, double Probability);

/// <summary>A ranked, calibrated prediction.</summary>
/// <param name="Language">The language used (the hint, or the detected one; "en" when unknown).</param>
/// <param name="Candidates">Top candidates, best first (at most five).</param>
/// <param name="Decision">Confident, Ambiguous or OutOfScope.</param>
public sealed record IntentPrediction(string Language, IReadOnlyList<IntentScore> Candidates, IntentDecision Decision)
{
    /// <summary>The best intent, or null when out of scope.</summary>
    public string? TopIntent => Decision == IntentDecision.OutOfScope || Candidates.Count == 0 ? null : Candidates[0].Intent;

    /// <summary>Calibrated probability of the best candidate (0 when there is none).</summary>
    public double Confidence => Candidates.Count == 0 ? 0 : Candidates[0].Probability;

    /// <summary>True when <see cref="Decision"/> is <see cref="IntentDecision.Confident"/>.</summary>
    public bool IsConfident => Decision == IntentDecision.Confident;

    /// <summary>
    /// Calibrated probability of the trained out-of-scope class (0 when the model has none); above
    /// <see cref="Confidence"/> the classifier recognised the message as one it was taught is not ours.
    /// </summary>
    public double OutOfScopeProbability { get; init; }

    /// <summary>
    /// Out of scope because the trained out-of-scope class beat every intent ("test", "who wins tonight?"), not merely
    /// because the message is unfamiliar.
    /// </summary>
    public bool IsRecognisedOutOfScope => Decision == IntentDecision.OutOfScope && OutOfScopeProbability > Confidence;
}

/// <summary>A detected language with a confidence in [0, 1].</summary>
/// <param name="Language">BCP-47 tag, or <see cref="Unknown"/>.</param>
/// <param name="Confidence">Confidence in [0, 1].</param>
public sealed record LanguageGuess(string Language, double Confidence)
{
    /// <summary>The tag for an undetermined language.</summary>
    public const string Unknown = "und";
}
