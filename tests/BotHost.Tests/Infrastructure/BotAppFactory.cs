using System.Net.Http.Json;
using BotHost.AgentConsole;
using BotHost.Handoffs;
using BotHost.Turns;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace BotHost.Tests.Infrastructure;

/// <summary>
/// The real host in memory, with its own temp data folder (a copy of the trained model), a fake clock, known secrets,
/// test agents and the "test" channel. Share one per test class with IClassFixture.
/// </summary>
public class BotAppFactory : WebApplicationFactory<Program>
{
    public const string DirectLineSecret = "test-directline-secret-0123456789abcdef";
    public const string SigningKey = "test-player-signing-key-0123456789abcdef0123456789";
    public const string AgentPassword = "correct horse battery staple";

    private static readonly Lazy<string> AgentPasswordHash = new(() => PasswordHash.Create(AgentPassword));

    public BotAppFactory() => DataDirectory = TrainedModel.NewDataDirectory(GetType().Name);

    public string DataDirectory { get; }

    public FakeTimeProvider Clock { get; } = new();

    public TestChannelAdapter TestAdapter { get; } = new();

    public RecordingAgentNotifier AgentNotifier { get; } = new();

    /// <summary>The test agents: alice, carol and dora (l1_general), boris (l2_payments …), sam (supervisor).</summary>
    public static IReadOnlyList<(string Id, string Role, string[] Queues)> Agents { get; } =
    [
        ("alice", "agent", ["l1_general"]),
        ("boris", "agent", ["l2_payments", "l2_technical", "l2_vip"]),
        ("sam", "supervisor", ["l3_supervisors"]),
        ("carol", "agent", ["l1_general"]),
        ("dora", "agent", ["l1_general"]),
    ];

    /// <summary>carol speaks only en, ru and pl (the others take any language); dora holds at most this many chats.</summary>
    public static readonly string[] CarolLanguages = ["en", "ru", "pl"];

    public const int AgentCapacity = 2;

    public TestChannel NewTestChannel(string? locale = "en", string? verifiedPlayerId = null) =>
        new(Services, TestAdapter, locale, verifiedPlayerId);

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A client signed in to the agent console (and the dashboard, for sam) as one of <see cref="Agents"/>.</summary>
    public async Task<HttpClient> SignInAsync(string agentId)
    {
        var client = CreateClient();
        using var response = await client.PostAsJsonAsync("/agent/api/login", new { id = agentId, password = AgentPassword });
        Assert.True(response.IsSuccessStatusCode, $"login {agentId}: {(int)response.StatusCode}");
        return client;
    }

    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings() => [];

    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        builder.UseSetting("DirectLine:Secret", DirectLineSecret);
        builder.UseSetting("Identity:SigningKey", SigningKey);
        for (var i = 0; i < Agents.Count; i++)
        {
            var (id, role, queues) = Agents[i];
            builder.UseSetting($"AgentConsole:Agents:{i}:Id", id);
            builder.UseSetting($"AgentConsole:Agents:{i}:DisplayName", char.ToUpperInvariant(id[0]) + id[1..]);
            builder.UseSetting($"AgentConsole:Agents:{i}:PasswordHash", AgentPasswordHash.Value);
            builder.UseSetting($"AgentConsole:Agents:{i}:Role", role);
            for (var q = 0; q < queues.Length; q++)
            {
                builder.UseSetting($"AgentConsole:Agents:{i}:Queues:{q}", queues[q]);
            }
        }

        var carol = Agents.ToList().FindIndex(a => a.Id == "carol");
        for (var l = 0; l < CarolLanguages.Length; l++)
        {
            builder.UseSetting($"AgentConsole:Agents:{carol}:Languages:{l}", CarolLanguages[l]);
        }

        builder.UseSetting($"AgentConsole:Agents:{Agents.ToList().FindIndex(a => a.Id == "dora")}:Capacity", AgentCapacity.ToString(System.Globalization.CultureInfo.InvariantCulture));

        foreach (var (key, value) in Settings())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IChannelAdapter>(TestAdapter);
            services.AddSingleton<IAgentNotifier>(AgentNotifier);
            ConfigureTestServices(services);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // SQLite pools may still hold a file for a moment; temp is cleaned eventually.
            }
            catch (UnauthorizedAccessException)
            {
                // Same.
            }
        }
    }
}
