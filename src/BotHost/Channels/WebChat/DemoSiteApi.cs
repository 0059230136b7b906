using System.Text.Json.Serialization;
using BotHost.Accounts;
using BotHost.Channels.Telegram;
using BotHost.Identity;
using Microsoft.Extensions.Options;

namespace BotHost.Channels.WebChat;

/// <summary>
/// Stands in for the operator's website back end on the demo page at <c>/</c>: it holds the Direct Line secret and
/// signs the signed-in player's token server-side, exactly as a real site would, so neither reaches the browser; and it
/// hands the signed-in player a one-time code to link Telegram or Teams.
/// </summary>
public static class DemoSiteApi
{
    public sealed record DemoTokenRequest(string? PlayerId, string? Locale, string? Name);

    public sealed record LinkCodeRequest(string? PlayerId);

    /// <summary>A one-time code, the Telegram deep link (only with Telegram on) and what to send the bot in Teams.</summary>
    public sealed record LinkCodeResponse(
        string Code,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TelegramUrl,
        string TeamsCommand);

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
        app.MapPost("/demo/link-code", CreateLinkCodeAsync);
        return app;
    }

    /// <summary>The signed-in demo player asks for a code to link Telegram or Teams (a real site does this on its profile page).</summary>
    private static async Task<IResult> CreateLinkCodeAsync(
        LinkCodeRequest request, AccountLinking linking, IOptions<TelegramOptions> telegram, IOptions<AccountApiOptions> accountApi,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.PlayerId))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["playerId"] = ["A player id is required."] });
        }

        if (!MaySignIn(request.PlayerId, accountApi, clock))
        {
            return TypedResults.Problem(title: "The demo page can only link the demo players.", statusCode: StatusCodes.Status403Forbidden);
        }

        var code = await linking.CreateCodeAsync(request.PlayerId, cancellationToken);
        var telegramUrl = telegram.Value.Enabled ? TelegramMapper.LinkDeepLink(telegram.Value.BotUsername, code) : null;
        return TypedResults.Ok(new LinkCodeResponse(code, telegramUrl, "link " + code));
    }
}
