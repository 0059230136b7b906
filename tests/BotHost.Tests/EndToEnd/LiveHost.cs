using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BotHost.Tests.EndToEnd;

/// <summary>The real host on a loopback port (Kestrel), with its own data folder, for clients that need a socket.</summary>
public sealed class LiveHost : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    public LiveHost(IReadOnlyDictionary<string, string?>? settings = null)
    {
        DataDirectory = Directory.CreateTempSubdirectory("bot-e2e-").FullName;
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Storage:DataDirectory", DataDirectory);
            builder.UseSetting("urls", BaseUrl);
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                builder.UseSetting(key, value);
            }
        });
        _factory.UseKestrel(port);
        _factory.StartServer();
    }

    public string BaseUrl { get; }

    public string DataDirectory { get; }

    public IServiceProvider Services => _factory.Services;

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold a file for a moment; the temp folder is cleaned by the OS.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
