namespace Intents.Training;

/// <summary>Training settings.</summary>
public sealed class TrainerOptions
{
    /// <summary>Random seed. <value>Default 42.</value></summary>
    public int Seed { get; set; } = 42;
}
