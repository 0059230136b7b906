// Benchmarks and evaluation commands: `dotnet run -c Release --project bench -- <command> [options]`.
return args.Length == 0 ? Usage() : args[0] switch
{
    "intents" => Bench.Intents.IntentsBench.Run(args[1..]),
    "search" => Bench.Search.SearchBench.Run(args[1..]),
    "host" => Bench.Host.HostBench.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: bench <intents|search|host> [options]   (each command prints its own --help)");
    return 2;
}
