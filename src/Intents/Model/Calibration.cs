namespace Intents.Model;

/// <summary>
/// Fitted decision parameters: softmax temperature, and thresholds on the out-of-scope score
/// s = (1 − α)·p1 + α·(p1 − p2) + κ·log Σ exp(z / T) and on the top probability for a confident answer. The last
/// term is the negative free energy ("energy score"), which separates unknown questions from known ones better than
/// the top probability alone when the logits of all classes are low.
/// </summary>
/// <param name="Temperature">Logits are divided by this before the softmax.</param>
/// <param name="MarginWeight">α: how much the margin to the second candidate counts in the out-of-scope score.</param>
/// <param name="OutOfScopeThreshold">Below this out-of-scope score the prediction is OutOfScope.</param>
/// <param name="ConfidentThreshold">At or above this top probability (and in scope) the prediction is Confident.</param>
/// <param name="EnergyWeight">κ: weight of the log-sum-exp of the calibrated logits in the out-of-scope score.</param>
internal sealed record Calibration(
    double Temperature, double MarginWeight, double OutOfScopeThreshold, double ConfidentThreshold, double EnergyWeight = 0)
{
    public double OutOfScopeScore(double p1, double p2, double logSumExp = 0) =>
        ((1 - MarginWeight) * p1) + (MarginWeight * (p1 - p2)) + (EnergyWeight * logSumExp);
}
