using System.Net.Http.Json;
using BotHost.Tests.Infrastructure;
using Handoff;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace BotHost.Tests.ScaleOut;

/// <summary>
/// One real host in memory for the scale-out and restart tests: the shared secrets and test agents of
/// <see cref="BotAppFactory"/>, the real clock (reconnect backoff must elapse), and optionally PostgreSQL and a given
/// data folder (to start a host again on the data of a stopped one).
/// </summary>
public sealed class ScaleOutHost(string? postgresConnectionString = null, string? dataDirectory = null) : BotAppFactory
{
    public string DataFolder => dataDirectory ?? DataDirectory;

    public DirectLineClient Player() => new(CreateClient());

    /// <summary>Signs an agent in; returns a client carrying the agent's cookie, and the cookie itself.</summary>
    public async Task<(HttpClient Client, string Cookie)> SignInAgentAsync(string agentId)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        using var login = await client.PostAsJsonAsync("/agent/api/login", new { id = agentId, password = AgentPassword });
        login.EnsureSuccessStatusCode();
        var cookie = string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return (client, cookie);
    }

    /// <summary>An HTTP client of this host that presents an agent cookie issued before (by this or an earlier host).</summary>
    public HttpClient AgentClient(string cookie)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    /// <summary>Connects as the console does: WebSockets only, no negotiate request (so no sticky sessions are needed).</summary>
    public async Task<HubConnection> ConnectAgentHubAsync(string agentId)
    {
        var (_, cookie) = await SignInAgentAsync(agentId);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(Server.BaseAddress, "/agent/hub"), o =>
            {
                o.SkipNegotiation = true;
                o.Transports = HttpTransportType.WebSockets;
                o.WebSocketFactory = async (context, cancellationToken) =>
                {
                    var client = Server.CreateWebSocketClient();
                    client.ConfigureRequest = request => request.Headers.Cookie = cookie;
                    return await client.ConnectAsync(context.Uri, cancellationToken);
                };
            })
            .Build();
        await connection.StartAsync();
        await connection.InvokeAsync<string>(nameof(BotHost.AgentConsole.AgentHub.Ready));
        return connection;
    }

    public async Task<StreamedActivities> OpenStreamAsync(string conversationId, string token)
    {
        var socket = await Server.CreateWebSocketClient().ConnectAsync(
            new Uri(Server.BaseAddress, $"/v3/directline/conversations/{conversationId}/stream?t={Uri.EscapeDataString(token)}"),
            CancellationToken.None);
        return new StreamedActivities(socket);
    }

    protected override IEnumerable<KeyValuePair<string, string?>> Settings()
    {
        if (dataDirectory is not null)
        {
            yield return new("Storage:DataDirectory", dataDirectory);
        }

        if (postgresConnectionString is not null)
        {
            yield return new("Handoff:Provider", HandoffOptions.PostgresProvider);
            yield return new("Handoff:ConnectionString", postgresConnectionString);
        }
    }

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton(TimeProvider.System);
}
