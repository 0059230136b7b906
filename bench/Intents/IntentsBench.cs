namespace Bench.Intents;

internal static class IntentsBench
{
    public static int Run(string[] args) => throw new NotImplementedException();
}
