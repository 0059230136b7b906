using BotHost.Accounts;
using BotHost.Identity;
using Microsoft.Extensions.Options;

namespace BotHost.Channels.WebChat;

/// <summary>
/// Stands in for the operator's website back end on the demo page at <c>/</c>: it holds the Direct Line secret and
/// signs the signed-in player's token server-side, exactly as a real site would, so neither reaches the browser.
/// </summary>
public static class DemoSiteApi
{
    public sealed record DemoTokenRequest(string? PlayerId, string? Locale, string? Name);

    /// <summary>
    /// The demo stand-in may only sign in the embedded demo players, and only while the embedded demo account store
    /// is in use: with the operator's player API configured, signing in belongs to the operator's site.
    /// </summary>
    public static bool MaySignIn(string playerId, IOptions<AccountApiOptions> accountApi, TimeProvider clock) =>
        string.IsNullOrWhiteSpace(accountApi.Value.BaseUrl) &&
        DemoAccountDirectory.DemoPlayers(clock.GetUtcNow()).Any(p => p.PlayerId == playerId);

    public static IEndpointRouteBuilder MapDemoSite(this IEndpointRouteBuilder app)
    {
        app.MapGet("/demo/players", (TimeProvider clock) =>
            TypedResults.Ok(DemoAccountDirectory.DemoPlayers(clock.GetUtcNow()).Select(p => new { p.PlayerId, p.DisplayName })));
        app.MapPost("/demo/token", async (
            DemoTokenRequest request, DirectLineTokens tokens, PlayerTokenValidator players, IOptions<AccountApiOptions> accountApi,
            TimeProvider clock, CancellationToken cancellationToken) =>
        {
            string? playerId = null;
            if (!string.IsNullOrWhiteSpace(request.PlayerId))
            {
                if (!MaySignIn(request.PlayerId, accountApi, clock))
                {
                    return Results.Problem(title: "The demo page can only sign in the demo players.", statusCode: StatusCodes.Status403Forbidden);
                }

                // The site signs a one-time player token; the Direct Line token request verifies it like any other.
                var check = await players.ValidateAsync(players.Issue(request.PlayerId, TimeSpan.FromMinutes(5)), cancellationToken);
                playerId = check.PlayerId;
            }

            var conversationId = Guid.NewGuid().ToString("N")[..22];
            var userId = playerId is null ? "dl_" + Guid.NewGuid().ToString("N")[..12] : "dl_" + playerId;
            var token = tokens.Issue(conversationId, userId, request.Name, playerId, request.Locale);
            return Results.Ok(new { conversationId, token, expires_in = tokens.LifetimeSeconds, verified = playerId is not null });
        });
        return app;
    }
}
