namespace BotHost.Tests.EndToEnd;

/// <summary>
/// A test that needs Debian's Chromium. Without it a bare `dotnet test` skips with the reason; under CI (CI=true)
/// the test runs and fails, so a missing browser is never silently green.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!File.Exists(Browser.ExecutablePath) && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = $"Chromium not found at {Browser.ExecutablePath}; ./test.sh installs it.";
        }
    }
}
