using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Bench.Host;

/// <summary>
/// The real BotHost as a child process, as a user would run it: on a free loopback port, with its own temporary data
/// folder, content root src/BotHost. Disposing kills the process tree and deletes the folder.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private readonly Process _process;
    private readonly DirectoryInfo _dataDirectory;
    private readonly Queue<string> _tail = new();

    private HostProcess(Process process, DirectoryInfo dataDirectory, Uri baseAddress, string commandLine)
    {
        _process = process;
        _dataDirectory = dataDirectory;
        BaseAddress = baseAddress;
        CommandLine = commandLine;
    }

    public Uri BaseAddress { get; }

    public string CommandLine { get; }

    /// <summary>Starts the host and returns once GET /healthz answers 200 (the intent model is trained by then).</summary>
    public static async Task<HostProcess> StartAsync(HttpClient http, bool forceDll, CancellationToken cancellationToken)
    {
        var root = HostPaths.Root();
        var projectDir = HostPaths.HostProject(root);
        var dll = HostPaths.BuiltHost(root);
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = projectDir,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (File.Exists(dll) && (forceDll || !HostPaths.IsStale(root, dll)))
        {
            start.ArgumentList.Add(dll);
        }
        else
        {
            Console.Error.WriteLine(File.Exists(dll)
                ? $"{dll} is older than src/: using dotnet run (pass --dll to use it anyway)"
                : $"{dll} not found: using dotnet run");
            foreach (var arg in new[] { "run", "-c", "Release", "--project", Path.Combine(projectDir, "BotHost.csproj"), "--no-launch-profile", "--" })
            {
                start.ArgumentList.Add(arg);
            }
        }

        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(url);
        var data = Directory.CreateTempSubdirectory("bothost-bench-");
        start.Environment["Storage__DataDirectory"] = data.FullName;

        // The benches play many players through a few conversations as fast as the host answers; the per-conversation
        // flood guard (DirectLine:MessagesPerMinute, 30 by default) would measure itself instead of the host.
        start.Environment["DirectLine__MessagesPerMinute"] = "6000";
        start.Environment["DirectLine__MessageBurst"] = "1000";
        start.Environment.Remove("ASPNETCORE_URLS");

        var process = new Process { StartInfo = start };
        var host = new HostProcess(process, data, new Uri(url + "/"), "dotnet " + string.Join(' ', start.ArgumentList));
        process.OutputDataReceived += (_, e) => host.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => host.Keep(e.Data);
        try
        {
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            Console.Error.WriteLine($"host: {host.CommandLine}  (data {data.FullName})");
            await host.WaitHealthyAsync(http, cancellationToken);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException or System.ComponentModel.Win32Exception)
        {
            Console.Error.WriteLine($"host: could not stop process: {ex.Message}");
        }
        finally
        {
            _process.Dispose();
        }

        for (var attempt = 0; ; attempt++)
        {
            try
            {
                _dataDirectory.Refresh();
                if (_dataDirectory.Exists)
                {
                    _dataDirectory.Delete(recursive: true);
                }

                break;
            }
            catch (IOException) when (attempt < 10)
            {
                await Task.Delay(200);
            }
        }
    }

    private async Task WaitHealthyAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        var health = new Uri(BaseAddress, "healthz");
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with code {_process.ExitCode} before it was healthy:\n{Tail()}");
            }

            if (started.Elapsed > StartTimeout)
            {
                throw new TimeoutException($"The host was not healthy after {StartTimeout.TotalSeconds:0} s:\n{Tail()}");
            }

            try
            {
                using var probe = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                probe.CancelAfter(TimeSpan.FromSeconds(5));
                using var response = await http.GetAsync(health, probe.Token);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    Console.Error.WriteLine($"host: healthy after {started.Elapsed.TotalSeconds:0.0} s");
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // A probe timed out while the host was busy training; try again.
            }

            await Task.Delay(250, cancellationToken);
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_tail)
        {
            _tail.Enqueue(line);
            while (_tail.Count > 40)
            {
                _tail.Dequeue();
            }
        }
    }

    private string Tail()
    {
        lock (_tail)
        {
            return string.Join('\n', _tail);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
