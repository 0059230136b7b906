using BotHost.Accounts;
using BotHost.Identity;

namespace BotHost.Channels.WebChat;

/// <summary>
/// Stands in for the operator's website back end on the demo page at <c>/</c>: it holds the Direct Line secret and
/// signs the signed-in player's token server-side, exactly as a real site would, so neither reaches the browser.
/// </summary>
public static class DemoSiteApi
{
    public sealed record DemoTokenRequest(string? PlayerId, string? Locale, string? Name);

    public static IEndpointRouteBuilder MapDemoSite(this IEndpointRouteBuilder app)
    {
        app.MapGet("/demo/players", (TimeProvider clock) =>
            TypedResults.Ok(DemoAccountDirectory.DemoPlayers(clock.GetUtcNow()).Select(p => new { p.PlayerId, p.DisplayName })));
        app.MapPost("/demo/token", async (DemoTokenRequest request, DirectLineTokens tokens, PlayerTokenValidator players, CancellationToken cancellationToken) =>
        {
            string? playerId = null;
            if (!string.IsNullOrWhiteSpace(request.PlayerId))
            {
                // The site signs a one-time player token; the Direct Line token request verifies it like any other.
                var check = await players.ValidateAsync(players.Issue(request.PlayerId, TimeSpan.FromMinutes(5)), cancellationToken);
                playerId = check.PlayerId;
            }

            var conversationId = Guid.NewGuid().ToString("N")[..22];
            var userId = playerId is null ? "dl_" + Guid.NewGuid().ToString("N")[..12] : "dl_" + playerId;
            var token = tokens.Issue(conversationId, userId, request.Name, playerId, request.Locale);
            return TypedResults.Ok(new { conversationId, token, expires_in = tokens.LifetimeSeconds, verified = playerId is not null });
        });
        return app;
    }
}
