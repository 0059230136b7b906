using System.Net;
using System.Net.Sockets;
using BotHost.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BotHost.Tests.EndToEnd;

/// <summary>
/// The real host on a loopback port (Kestrel), with its own data folder, for clients that need a socket. With
/// <c>editableFaq</c> it reads a private copy of data/faq (<see cref="FaqDirectory"/>) that a test may teach.
/// </summary>
public sealed class LiveHost : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    public LiveHost(IReadOnlyDictionary<string, string?>? settings = null, bool editableFaq = false)
    {
        DataDirectory = Directory.CreateTempSubdirectory("bot-e2e-").FullName;
        FaqDirectory = editableFaq ? RepoPaths.CopyFaqTo(Path.Combine(DataDirectory, "faq")) : RepoPaths.Faq;
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Storage:DataDirectory", DataDirectory);
            builder.UseSetting("urls", BaseUrl);
            builder.UseSetting("Storage:FaqDirectory", FaqDirectory);
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

    public string FaqDirectory { get; }

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
