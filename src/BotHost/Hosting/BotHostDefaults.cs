using BotHost.Channels.WebChat;
using Microsoft.AspNetCore.DataProtection;

namespace BotHost.Hosting;

public static class BotHostDefaults
{
    /// <summary>Logging, ProblemDetails, health checks, clock, storage options and CORS for the website channel.</summary>
    public static WebApplicationBuilder AddBotHostDefaults(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) &&
            string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]) &&
            string.IsNullOrEmpty(builder.Configuration["Kestrel:Endpoints:Http:Url"]))
        {
            builder.WebHost.UseUrls("http://localhost:5080");
        }

        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        builder.Services.AddProblemDetails();
        // Agents' sign-in cookies survive a restart: the keys live in the data folder with everything else.
        builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(
            Path.Combine(Path.GetFullPath(builder.Configuration[$"{StorageOptions.SectionName}:DataDirectory"] ?? new StorageOptions().DataDirectory), "keys")));
        builder.Services.AddHealthChecks().AddCheck<ReadinessCheck>("knowledge");
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddCors(o => o.AddPolicy(DirectLineApi.CorsPolicy, p => p
            .AllowAnyOrigin()
            .WithHeaders("authorization", "content-type", "x-ms-bot-agent", "x-requested-with")
            .WithMethods("GET", "POST", "OPTIONS")));
        return builder;
    }

    public static WebApplication UseBotHostDefaults(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.UseCors();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthChecks("/healthz");
        return app;
    }
}
