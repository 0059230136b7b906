namespace Intents.Training;

/// <summary>Accuracy figures on a labelled test set.</summary>
/// <param name="InScopeAccuracy">Share of in-scope questions with the right intent and not rejected as out of scope.</param>
/// <param name="Top1Accuracy">Share of in-scope questions whose best candidate is right, ignoring thresholds.</param>
/// <param name="OutOfScopeRecall">Share of out-of-scope questions rejected (NaN when there are none).</param>
/// <param name="InScopeCount">In-scope questions.</param>
/// <param name="OutOfScopeCount">Out-of-scope questions.</param>
internal sealed record EvaluationResult(double InScopeAccuracy, double Top1Accuracy, double OutOfScopeRecall, int InScopeCount, int OutOfScopeCount);
