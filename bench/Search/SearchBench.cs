namespace Bench.Search;

internal static class SearchBench
{
    public static int Run(string[] args) => throw new NotImplementedException();
}
