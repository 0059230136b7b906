using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bench.Host;

/// <summary>
/// `bench host &lt;pipeline|handoff|turns&gt; [--json PATH]`: starts the real BotHost as a child process on a loopback
/// port with a temporary data folder, measures it over HTTP like a user would, then stops it. Whatever happens, the
/// measurement stops after five minutes.
/// </summary>
internal static class HostBench
{
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(5);
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // An empty group's percentile or share is NaN.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static int Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(string[] args)
    {
        HostBenchArgs options;
        try
        {
            options = HostBenchArgs.Parse(args);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine(HostBenchArgs.Usage);
            return 2;
        }

        if (options.Help)
        {
            Console.Error.WriteLine(HostBenchArgs.Usage);
            return 0;
        }

        using var budget = new CancellationTokenSource(Budget);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            budget.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        using var handler = new SocketsHttpHandler { UseCookies = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            await using var host = await HostProcess.StartAsync(http, options.ForceDll, budget.Token);
            var client = new DirectLineClient(http, host.BaseAddress);
            object report = options.Command switch
            {
                "pipeline" => await PipelineBench.RunAsync(client, options, budget.Token),
                "handoff" => await HandoffBench.RunAsync(client, host.BaseAddress, options, budget.Token),
                _ => await TurnsBench.RunAsync(client, options, budget.Token),
            };
            if (options.Json is { } path)
            {
                var full = Path.GetFullPath(path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                await File.WriteAllTextAsync(full, JsonSerializer.Serialize(new { host = host.CommandLine, result = report }, JsonOptions));
                Console.WriteLine($"wrote {full}");
            }

            return 0;
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested)
        {
            Console.Error.WriteLine("host bench: stopped by the 5-minute budget (or Ctrl+C) before a result.");
            return 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TimeoutException or InvalidDataException or IOException)
        {
            Console.Error.WriteLine($"host bench failed: {ex.Message}");
            return 1;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
