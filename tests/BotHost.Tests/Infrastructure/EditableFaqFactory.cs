namespace BotHost.Tests.Infrastructure;

/// <summary>The host reading a private copy of data/faq that the tests may edit (the repository's stays untouched).</summary>
public class EditableFaqFactory : BotAppFactory
{
    public EditableFaqFactory() => FaqDirectory = RepoPaths.CopyFaqTo(Path.Combine(DataDirectory, "faq-copy"));

    public string FaqDirectory { get; }

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() => [new("Storage:FaqDirectory", FaqDirectory)];
}
