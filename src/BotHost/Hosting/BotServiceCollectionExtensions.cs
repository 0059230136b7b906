using System.Globalization;
using BotHost.Accounts;
using BotHost.AgentConsole;
using BotHost.Bot;
using BotHost.Channels.WebChat;
using BotHost.Dashboard;
using BotHost.Handoffs;
using BotHost.Identity;
using BotHost.Knowledge;
using BotHost.Middleware;
using BotHost.ScaleOut;
using BotHost.Turns;
using Handoff;
using Handoff.Persistence;
using Handoff.Persistence.Postgres;
using Handoff.Persistence.Sqlite;
using Handoff.Queues;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace BotHost.Hosting;

/// <summary>
/// The Add…() calls Program.cs makes. They live in the host, not in the libraries, because the libraries do not
/// reference ASP.NET or Microsoft.Extensions (DESIGN.md: each library is usable alone).
/// </summary>
public static class BotServiceCollectionExtensions
{
    /// <summary>The intent model and the search index, trained/indexed from data/faq before the server listens.</summary>
    public static IServiceCollection AddKnowledge(this IServiceCollection services)
    {
        services.AddOptions<IntentTrainingOptions>().BindConfiguration(IntentTrainingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<KnowledgeRuntime>();
        services.AddHostedService<KnowledgeStartup>();
        services.AddSingleton<KnowledgeReloader>();
        services.AddHostedService(sp => sp.GetRequiredService<KnowledgeReloader>());
        return services;
    }

    /// <summary>The handoff store (SQLite by default, PostgreSQL with <c>Handoff:Provider=Postgres</c>), routing and tickets.</summary>
    public static IServiceCollection AddHandoff(this IServiceCollection services)
    {
        services.AddOptions<HandoffOptions>().BindConfiguration(HandoffOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IHandoffStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<HandoffOptions>>().Value;
            var clock = sp.GetRequiredService<TimeProvider>();
            if (string.Equals(options.Provider, HandoffOptions.PostgresProvider, StringComparison.OrdinalIgnoreCase))
            {
                return new PostgresHandoffStore(
                    options.ConnectionString ?? throw new OptionsValidationException(HandoffOptions.SectionName, typeof(HandoffOptions),
                        ["Handoff:ConnectionString is required when Handoff:Provider is Postgres."]), clock);
            }

            var path = options.ConnectionString ?? new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(sp.GetRequiredService<IOptions<StorageOptions>>().Value.ResolveDataDirectory(), "bot.db"),
            }.ToString();
            return new SqliteHandoffStore(path, clock);
        });
        services.AddHostedService<StoreStartup>();
        services.AddScaleOut();
        services.AddSingleton(sp => new QueueRouter(sp.GetRequiredService<IOptions<HandoffOptions>>().Value));
        services.AddSingleton<HandoffService>();
        services.AddSingleton<HandoffCoordinator>();
        return services;
    }

    /// <summary>Account look-ups and player identity: signed player tokens and one-time account-linking codes.</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddOptions<IdentityOptions>().BindConfiguration(IdentityOptions.SectionName)
            .Configure<IConfiguration>((identity, configuration) =>
            {
                // The lifetime used to be a Telegram setting; a deployment that still sets it there keeps its value.
                if (configuration[$"{IdentityOptions.SectionName}:{nameof(IdentityOptions.LinkCodeLifetimeMinutes)}"] is null &&
                    int.TryParse(configuration[$"Telegram:{nameof(IdentityOptions.LinkCodeLifetimeMinutes)}"], CultureInfo.InvariantCulture, out var minutes))
                {
                    identity.LinkCodeLifetimeMinutes = minutes;
                }
            })
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PlayerTokenValidator>();
        services.AddSingleton<AccountLinking>();
        services.AddOptions<AccountApiOptions>().BindConfiguration(AccountApiOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient<HttpAccountDirectory>((sp, http) =>
            {
                var api = sp.GetRequiredService<IOptions<AccountApiOptions>>().Value;
                if (api.BaseUrl is { } baseUrl)
                {
                    http.BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/");
                }

                if (api.ApiKey is { Length: > 0 } key)
                {
                    http.DefaultRequestHeaders.Authorization = new("Bearer", key);
                }

                http.DefaultRequestHeaders.Accept.Add(new("application/json"));
            })
            // Held by singletons for the host's life: recycle connections so DNS changes are seen.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        services.AddSingleton<IAccountDirectory>(sp =>
            sp.GetRequiredService<IOptions<AccountApiOptions>>().Value.BaseUrl is { Length: > 0 }
                ? sp.GetRequiredService<HttpAccountDirectory>()
                : ActivatorUtilities.CreateInstance<DemoAccountDirectory>(sp));
        return services;
    }

    /// <summary>The turn pipeline, in order: store first, link an account if asked, then route to a human, then understand, then answer.</summary>
    public static IServiceCollection AddTurnPipeline(this IServiceCollection services)
    {
        services.AddSingleton<ConversationService>();
        services.AddSingleton<OutboundDispatcher>();
        services.AddSingleton<TurnErrorHandler>();
        services.AddSingleton<TurnPipeline>();
        services.AddSingleton<ITurnMiddleware, TranscriptMiddleware>();
        services.AddSingleton<ITurnMiddleware, AccountLinkingMiddleware>();
        services.AddSingleton<ITurnMiddleware, LanguageDetectionMiddleware>();
        services.AddSingleton<ITurnMiddleware, HandoffRoutingMiddleware>();
        services.AddSingleton<ITurnMiddleware, TypingMiddleware>();
        services.AddSingleton<ITurnMiddleware, IntentRecognitionMiddleware>();
        services.AddSingleton<ITurnMiddleware, FeedbackMiddleware>();
        services.AddSingleton<ITurnMiddleware, BotLogic>();
        return services;
    }

    /// <summary>The website channel (Direct Line 3.0).</summary>
    public static IServiceCollection AddWebChatChannel(this IServiceCollection services)
    {
        services.AddOptions<DirectLineOptions>().BindConfiguration(DirectLineOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<ConversationFeed>();
        services.AddSingleton<MessageRateLimiter>();
        services.AddSingleton<IChannelAdapter, DirectLineAdapter>();
        return services;
    }

    /// <summary>Agent console: cookie sign-in, SignalR hub, presence, abandonment sweep.</summary>
    public static IServiceCollection AddAgentConsole(this IServiceCollection services)
    {
        services.AddOptions<AgentConsoleOptions>().BindConfiguration(AgentConsoleOptions.SectionName);
        services.AddSingleton<AgentDirectory>();
        services.AddSingleton<AgentPresence>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<IAgentNotifier, SignalRAgentNotifier>();
        services.AddDashboard();
        services.AddHostedService<AbandonmentSweep>();
        services.AddSignalR();
        services.AddAuthorization();
        services.AddAuthentication(AgentConsoleApi.Scheme).AddCookie(AgentConsoleApi.Scheme, o =>
        {
            o.Cookie.Name = "agent";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.Events.OnRedirectToLogin = c =>
            {
                c.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Task.CompletedTask;
            };
            o.Events.OnRedirectToAccessDenied = c =>
            {
                c.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        return services;
    }
}
