using System.Text.Json.Nodes;
using BotHost.Identity;

namespace BotHost.Tests.Identity;

public sealed class LinkCodeTests
{
    [Fact]
    public void Generate_ManyCodes_EightCharactersOfTheAlphabetAndDistinct()
    {
        var codes = Enumerable.Range(0, 2000).Select(_ => LinkCode.Generate()).ToList();

        Assert.All(codes, c => Assert.Matches("^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{8}$", c));
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Format_NormalisedCode_GroupsOfFour()
    {
        var formatted = LinkCode.Format("K7QM4XPD");

        Assert.Equal("K7QM-4XPD", formatted);
    }

    [Theory]
    [InlineData("K7QM-4XPD", "K7QM4XPD")]
    [InlineData("k7qm-4xpd", "K7QM4XPD")]
    [InlineData("K7QM 4XPD", "K7QM4XPD")]
    [InlineData(" k7qm4xpd ", "K7QM4XPD")]
    [InlineData("O1IL-ABCD", "0111ABCD")]
    [InlineData("K7QM-4XP", null)]
    [InlineData("K7QM-4XPDA", null)]
    [InlineData("K7QM-4XPU", null)]
    [InlineData("K7QM_4XPD", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Normalize_TypedCode_CaseDashAndSpaceInsensitive(string? typed, string? expected)
    {
        var normalized = LinkCode.Normalize(typed);

        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("link K7QM-4XPD", "K7QM-4XPD")]
    [InlineData("LINK k7qm 4xpd", "k7qm 4xpd")]
    [InlineData("  link:  K7QM4XPD.", "K7QM4XPD")]
    [InlineData("привязать K7QM-4XPD", "K7QM-4XPD")]
    [InlineData("Połącz K7QM-4XPD", "K7QM-4XPD")]
    [InlineData("liên kết K7QM-4XPD", "K7QM-4XPD")]
    [InlineData("link XXXX", "XXXX")]
    public void TryParseCommand_LinkVerbAndCode_ReturnsTypedCode(string text, string code)
    {
        var found = LinkCode.TryParseCommand(text, out var typed);

        Assert.True(found);
        Assert.Equal(code, typed);
    }

    [Theory]
    [InlineData("how do I link my telegram account?")]
    [InlineData("link")]
    [InlineData("K7QM-4XPD")]
    [InlineData("please link K7QM-4XPD to my account now")]
    [InlineData("what is my balance")]
    public void TryParseCommand_OtherText_NotACommand(string text)
    {
        var found = LinkCode.TryParseCommand(text, out _);

        Assert.False(found);
    }

    [Theory]
    [InlineData("привязать ****-****", "ru")]
    [InlineData("Połącz ****-****", "pl")]
    [InlineData("polacz ****-****", "pl")]
    [InlineData("liên kết ****-****", "vi")]
    [InlineData("link ****-****", null)]
    [InlineData("****-****", null)]
    public void VerbLanguage_LocalisedVerb_ItsLanguage(string text, string? language)
    {
        var found = LinkCode.VerbLanguage(text);

        Assert.Equal(language, found);
    }

    [Fact]
    public void TryParseCommand_DecomposedVietnamese_Found()
    {
        var found = LinkCode.TryParseCommand("liên kết K7QM-4XPD".Normalize(System.Text.NormalizationForm.FormD), out var typed);

        Assert.True(found);
        Assert.Equal("K7QM-4XPD", typed);
    }

    [Theory]
    [InlineData("K7QM-4XPD", true)]
    [InlineData(" k7qm-4xpd ", true)]
    [InlineData("K7QM4XPD", false)]
    [InlineData("K7QM-4XPU", false)]
    [InlineData("my code is K7QM-4XPD", false)]
    public void IsBareCode_OnlyTheDisplayedForm(string text, bool expected)
    {
        var bare = LinkCode.IsBareCode(text);

        Assert.Equal(expected, bare);
    }

    [Fact]
    public void MaskIn_CodeTypedWithOtherSpacing_Masked()
    {
        var masked = LinkCode.MaskIn("link k7qm  4XPD", "K7QM-4XPD");

        Assert.Equal("link ****-****", masked);
    }

    [Fact]
    public void MaskInPayload_CodeInTextAndHtmlAttachment_MaskedEverywhereIdsKept()
    {
        var payload = new JsonObject
        {
            ["id"] = "f:ak7qm4xpd1",
            ["text"] = "<at>Support</at> link K7QM-4XPD",
            ["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "text/html", ["content"] = "<p>link K7QM-4XPD</p>" }),
        }.ToJsonString();

        var masked = JsonNode.Parse(LinkCode.MaskInPayload(payload, "K7QM-4XPD")!)!;

        Assert.Equal("<at>Support</at> link ****-****", masked["text"]!.GetValue<string>());
        Assert.Equal("<p>link ****-****</p>", masked["attachments"]![0]!["content"]!.GetValue<string>());
        Assert.Equal("f:ak7qm4xpd1", masked["id"]!.GetValue<string>());
    }
}
