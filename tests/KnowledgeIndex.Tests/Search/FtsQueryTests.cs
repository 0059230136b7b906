using KnowledgeIndex.Search;

namespace KnowledgeIndex.Tests.Search;

public sealed class FtsQueryTests
{
    [Theory]
    [InlineData("withdraw", "\"withdraw\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("NEAR(a b)", "\"NEAR(a b)\"")]
    public void Quote_Term_ReturnsFtsStringLiteral(string term, string expected)
    {
        var quoted = FtsQuery.Quote(term);

        Assert.Equal(expected, quoted);
    }

    [Fact]
    public void AnyOf_Terms_JoinsQuotedTermsWithOr()
    {
        var query = FtsQuery.AnyOf(["rut_tien", "or", " "]);

        Assert.Equal("\"rut_tien\" OR \"or\"", query);
    }

    [Fact]
    public void AnyOf_NoTerms_ReturnsNull()
    {
        var query = FtsQuery.AnyOf([]);

        Assert.Null(query);
    }
}
