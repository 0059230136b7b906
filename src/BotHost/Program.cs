using BotHost.AgentConsole;
using BotHost.Channels.Teams;
using BotHost.Channels.Telegram;
using BotHost.Channels.WebChat;
using BotHost.Dashboard;
using BotHost.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddBotHostDefaults();
builder.Services.AddKnowledge();
builder.Services.AddHandoff();
builder.Services.AddAccounts();
builder.Services.AddTurnPipeline();
builder.Services.AddWebChatChannel();
builder.Services.AddTelegramChannel();
builder.Services.AddAgentConsole();
builder.Services.AddTeamsChannel(builder.Configuration);

var app = builder.Build();
app.UseBotHostDefaults();
app.MapDirectLine();
app.MapBotFramework();
app.MapTelegramWebhook();
app.MapAgentConsole();
app.MapDemoSite();
app.MapDashboard();
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory.</summary>
public partial class Program;
