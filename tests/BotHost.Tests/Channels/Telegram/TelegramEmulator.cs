using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace BotHost.Tests.Channels.Telegram;

/// <summary>
/// The npm telegram-test-api server (tests/clients), run with node on a free 127.0.0.1 port: it plays Telegram for
/// the bot and has an HTTP API to act as a user.
/// </summary>
public sealed class TelegramEmulator : IAsyncDisposable
{
    private const string Script = """
        const TelegramServer = require('telegram-test-api');
        process.on('unhandledRejection', e => console.error('unhandled rejection: ' + (e && e.message)));
        const server = new TelegramServer({ port: Number(process.argv[1]), host: '127.0.0.1', storeTimeout: 3600 });
        server.start().then(() => console.log('READY'));
        process.stdin.on('end', () => process.exit(0));
        process.stdin.resume();
        """;

    private readonly Process _node;

    private TelegramEmulator(Process node, int port)
    {
        _node = node;
        Url = $"http://127.0.0.1:{port}";
    }

    public string Url { get; }

    public static async Task<TelegramEmulator> StartAsync()
    {
        var clients = ClientsDirectory();
        if (!File.Exists(Path.Combine(clients, "node_modules", "telegram-test-api", "package.json")))
        {
            await RunAsync("npm", "ci --no-audit --no-fund", clients);
        }

        var port = FreePort();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = clients,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-e");
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add(port.ToString());
        var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        node.OutputDataReceived += (_, e) =>
        {
            if (e.Data == "READY")
            {
                ready.TrySetResult();
            }
        };
        node.ErrorDataReceived += (_, _) => { };
        node.BeginOutputReadLine();
        node.BeginErrorReadLine();
        var emulator = new TelegramEmulator(node, port);
        try
        {
            await ready.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch
        {
            await emulator.DisposeAsync();
            throw;
        }

        return emulator;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string ClientsDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "clients");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/clients/package.json not found above " + AppContext.BaseDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_node.HasExited)
        {
            _node.Kill(entireProcessTree: true);
            await _node.WaitForExitAsync();
        }

        _node.Dispose();
    }

    private static async Task RunAsync(string file, string arguments, string directory)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { WorkingDirectory = directory, UseShellExecute = false })
            ?? throw new InvalidOperationException($"{file} did not start.");
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed with exit code {process.ExitCode} in {directory}.");
        }
    }
}
