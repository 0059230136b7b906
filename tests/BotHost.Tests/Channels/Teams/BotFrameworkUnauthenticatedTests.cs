using System.Net;

namespace BotHost.Tests.Channels.Teams;

public sealed class BotFrameworkUnauthenticatedTests(UnauthenticatedTeamsHostFixture host) : IClassFixture<UnauthenticatedTeamsHostFixture>
{
    [Fact]
    public async Task PostMessage_NoAppIdAndNoToken_AnsweredWithoutAuthentication()
    {
        var conversation = ActivityBuilder.NewPersonalConversation();

        using var response = await host.Client.SendAsync(ActivityBuilder.Post(
            ActivityBuilder.Message(host.Emulator.ServiceUrl, conversation, "how do I reset my password?"), jwt: null));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await host.Emulator.WaitForAsync(a => a.ConversationId == conversation && a.Type == "message", "the answer");
        Assert.Equal(0, host.Emulator.TokenRequests);
    }

    [Fact]
    public async Task PostMessage_NoAppIdAndRemoteServiceUrl_Returns401()
    {
        var conversation = ActivityBuilder.NewPersonalConversation();

        using var response = await host.Client.SendAsync(ActivityBuilder.Post(
            ActivityBuilder.Message("https://smba.trafficmanager.net/emea/", conversation, "hello"), jwt: null));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
