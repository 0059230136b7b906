using BotHost.AgentConsole;
using BotHost.Channels.WebChat;
using BotHost.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddBotHostDefaults();
builder.Services.AddKnowledge();
builder.Services.AddHandoff();
builder.Services.AddAccounts();
builder.Services.AddTurnPipeline();
builder.Services.AddWebChatChannel();
builder.Services.AddAgentConsole();

var app = builder.Build();
app.UseBotHostDefaults();
app.MapDirectLine();
app.MapAgentConsole();
app.MapDemoSite();
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory.</summary>
public partial class Program;
