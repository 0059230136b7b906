namespace Intents.Training;

/// <summary>One held-out prediction: calibrated top-two probabilities and whether it was right.</summary>
/// <param name="P1">Top in-scope probability.</param>
/// <param name="P2">Second in-scope probability.</param>
/// <param name="Correct">The top in-scope label is the gold label.</param>
/// <param name="GoldOutOfScope">The gold label is out of scope.</param>
/// <param name="PredictedOutOfScopeClass">The trained out-of-scope class ranked first.</param>
/// <param name="LogSumExp">log Σ exp(z / T) of the calibrated logits.</param>
internal readonly record struct HeldOutScore(
    double P1, double P2, bool Correct, bool GoldOutOfScope, bool PredictedOutOfScopeClass, double LogSumExp = 0);
