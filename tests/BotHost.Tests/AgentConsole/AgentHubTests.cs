using System.Net.Http.Json;
using BotHost.AgentConsole;
using BotHost.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace BotHost.Tests.AgentConsole;

public sealed class AgentHubTests(BotAppFactory factory) : IClassFixture<BotAppFactory>
{
    private async Task<HubConnection> ConnectAsync(string agentId)
    {
        var client = factory.CreateClient();
        using var login = await client.PostAsJsonAsync("/agent/api/login", new { id = agentId, password = BotAppFactory.AgentPassword });
        login.EnsureSuccessStatusCode();
        var cookie = string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, "/agent/hub"), o =>
            {
                o.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                o.Headers["Cookie"] = cookie;
            })
            .Build();
        await connection.StartAsync();
        await connection.InvokeAsync<string>(nameof(BotHost.AgentConsole.AgentHub.Ready));
        return connection;
    }

    [Fact]
    public async Task NewTicket_AgentConnectedToHub_ReceivesTicketWithoutPolling()
    {
        await using var alice = await ConnectAsync("alice");
        var received = new TaskCompletionSource<TicketView>(TaskCreationOptions.RunContinuationsAsynchronously);
        alice.On<TicketView>(nameof(IAgentConsoleClient.Ticket), t => received.TrySetResult(t));
        var player = factory.NewTestChannel("en");

        await player.SendAsync("I want to talk to a human");

        var ticket = await received.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal((await player.TicketAsync())!.Id, ticket.Id);
        Assert.Equal("human_request", ticket.Reason);
        Assert.Equal("l1_general", ticket.Queue);
    }
}
