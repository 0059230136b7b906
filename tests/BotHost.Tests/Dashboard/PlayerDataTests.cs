using System.Net;
using System.Text.Json.Nodes;
using BotHost.Tests.Infrastructure;

namespace BotHost.Tests.Dashboard;

/// <summary>A supervisor downloads a verified player's data for a data request (own host: it counts everything).</summary>
public sealed class PlayerDataTests(BotAppFactory factory) : IClassFixture<BotAppFactory>
{
    [Fact]
    public async Task Export_VerifiedPlayer_TheirConversationsTranscriptsAndRatedTicketOnly()
    {
        var anna = factory.NewTestChannel("en", verifiedPlayerId: "p-1001");
        await anna.SendAsync("how do I deposit? my card is 4111 1111 1111 1111");
        await anna.SendAsync("I want to talk to a human");
        var ticket = (await anna.TicketAsync())!;
        var alice = await factory.SignInAsync("alice");
        (await alice.PostAsync($"/agent/api/tickets/{ticket.Id}/claim", null)).EnsureSuccessStatusCode();
        await anna.SendAsync("hello Alice");
        (await alice.PostAsync($"/agent/api/tickets/{ticket.Id}/messages", JsonContent("{\"text\":\"Hi Anna, Alice here.\"}"))).EnsureSuccessStatusCode();
        (await alice.PostAsync($"/agent/api/tickets/{ticket.Id}/resolve", JsonContent("{\"resolutionCode\":\"answered\"}"))).EnsureSuccessStatusCode();
        await anna.SendAsync("5");
        await factory.NewTestChannel("en", verifiedPlayerId: "p-1002").SendAsync("how do I withdraw?");
        await factory.NewTestChannel("en").SendAsync("anonymous question about bonuses");
        var sam = await factory.SignInAsync("sam");

        using var response = await sam.GetAsync("/dashboard/api/players/p-1001/export");
        var export = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        using var notSupervisor = await alice.GetAsync("/dashboard/api/players/p-1001/export");
        var nobody = JsonNode.Parse(await sam.GetStringAsync("/dashboard/api/players/p-9999/export"))!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("player-p-1001.json", response.Content.Headers.ContentDisposition!.FileName);
        Assert.Equal("p-1001", export["playerId"]!.GetValue<string>());
        var conversation = Assert.Single(export["conversations"]!.AsArray())!;
        var texts = conversation["messages"]!.AsArray().Select(m => m!["text"]!.GetValue<string>()).ToList();
        Assert.Contains(texts, t => t.StartsWith("how do I deposit?", StringComparison.Ordinal));
        Assert.Contains("hello Alice", texts);
        Assert.DoesNotContain(texts, t => t.Contains("4111 1111", StringComparison.Ordinal) || t.Contains("withdraw?", StringComparison.Ordinal));
        Assert.Contains(conversation["messages"]!.AsArray(), m => m!["sender"]!.GetValue<string>() == "agent" && m["text"]!.GetValue<string>() == "Hi Anna, Alice here.");
        var exported = Assert.Single(export["tickets"]!.AsArray())!;
        Assert.Equal((ticket.Id, 5), (exported["id"]!.GetValue<long>(), exported["csatScore"]!.GetValue<int>()));
        Assert.Equal(HttpStatusCode.Forbidden, notSupervisor.StatusCode);
        Assert.Empty(nobody["conversations"]!.AsArray());
    }

    [Fact]
    public async Task Erase_ConfirmedById_TheExportIsEmptyAndTheTranscriptErased()
    {
        var vip = factory.NewTestChannel("ru", verifiedPlayerId: "p-1003");
        await vip.SendAsync("как вывести деньги на карту 4111 1111 1111 1111");
        var sam = await factory.SignInAsync("sam");
        var alice = await factory.SignInAsync("alice");

        using var unconfirmed = await sam.PostAsync("/dashboard/api/players/p-1003/erase", JsonContent("{\"confirm\":\"p-1001\"}"));
        using var notSupervisor = await alice.PostAsync("/dashboard/api/players/p-1003/erase", JsonContent("{\"confirm\":\"p-1003\"}"));
        var before = JsonNode.Parse(await sam.GetStringAsync("/dashboard/api/players/p-1003/export"))!;
        using var erase = await sam.PostAsync("/dashboard/api/players/p-1003/erase", JsonContent("{\"confirm\":\"p-1003\"}"));
        var erased = JsonNode.Parse(await erase.Content.ReadAsStringAsync())!;
        var after = JsonNode.Parse(await sam.GetStringAsync("/dashboard/api/players/p-1003/export"))!;
        var transcript = await vip.TranscriptAsync(includeInternal: true);

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.Forbidden), (unconfirmed.StatusCode, notSupervisor.StatusCode));
        Assert.Single(before["conversations"]!.AsArray());
        Assert.Equal(HttpStatusCode.OK, erase.StatusCode);
        Assert.Equal(1, erased["conversations"]!.GetValue<int>());
        Assert.Equal(transcript.Count, erased["messages"]!.GetValue<int>());
        Assert.Empty(after["conversations"]!.AsArray());
        Assert.All(transcript, m => Assert.Equal(Handoff.Conversations.PlayerErasure.ErasedText, m.Text));
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
