namespace Intents.Model;

/// <summary>
/// Fitted decision parameters: softmax temperature, and thresholds on the out-of-scope score
/// s = (1 − α)·p1 + α·(p1 − p2) and on the top probability for a confident answer.
/// </summary>
/// <param name="Temperature">Logits are divided by this before the softmax.</param>
/// <param name="MarginWeight">α: how much the margin to the second candidate counts in the out-of-scope score.</param>
/// <param name="OutOfScopeThreshold">Below this out-of-scope score the prediction is OutOfScope.</param>
/// <param name="ConfidentThreshold">At or above this top probability (and in scope) the prediction is Confident.</param>
internal sealed record Calibration(double Temperature, double MarginWeight, double OutOfScopeThreshold, double ConfidentThreshold)
{
    public double OutOfScopeScore(double p1, double p2) => ((1 - MarginWeight) * p1) + (MarginWeight * (p1 - p2));
}
