using Handoff.Masking;

namespace Handoff.Tests.Masking;

public sealed class PiiMaskerTests
{
    [Theory]
    [InlineData("my card 4111111111111111", "my card **** **** **** 1111")]
    [InlineData("4111 1111 1111 1111", "**** **** **** 1111")]
    [InlineData("card: 5105-1051-0510-5100.", "card: **** **** **** 5100.")]
    [InlineData("amex 378282246310005 please", "amex **** **** **** 0005 please")]
    [InlineData("old visa 4222222222222", "old visa **** **** **** 2222")]
    [InlineData("4000 0012 3456 7899 and 6011111111111117", "**** **** **** 7899 and **** **** **** 1117")]
    public void Mask_LuhnValidCardNumber_KeepsLastFourDigits(string text, string expected)
    {
        var masked = PiiMasker.Mask(text);

        Assert.Equal(expected, masked);
    }

    [Theory]
    [InlineData("reference 4111111111111112")]
    [InlineData("1234567890123456")]
    [InlineData("9876 5432 1098 7654")]
    [InlineData("code 1234-5678-9012-3456 failed")]
    public void Mask_NonLuhnSixteenDigits_LeavesTextAsIs(string text)
    {
        var masked = PiiMasker.Mask(text);

        Assert.Equal(text, masked);
    }

    [Theory]
    [InlineData("IBAN DE89370400440532013000", "IBAN DE** **** **** 3000")]
    [InlineData("to DE89 3704 0044 0532 0130 00 today", "to DE** **** **** 3000 today")]
    [InlineData("GB82 WEST 1234 5698 7654 32", "GB** **** **** 5432")]
    [InlineData("FR1420041010050500013M02606", "FR** **** **** 2606")]
    public void Mask_Iban_KeepsCountryAndLastFour(string text, string expected)
    {
        var masked = PiiMasker.Mask(text);

        Assert.Equal(expected, masked);
    }

    [Theory]
    [InlineData("mail john.doe@example.com now", "mail j***@example.com now")]
    [InlineData("A.B+bets@mail.casino.co.uk", "A***@mail.casino.co.uk")]
    [InlineData("x@y.io.", "x***@y.io.")]
    public void Mask_Email_KeepsFirstLetterAndDomain(string text, string expected)
    {
        var masked = PiiMasker.Mask(text);

        Assert.Equal(expected, masked);
    }

    [Theory]
    [InlineData("call +44 20 7946 0958", "call +** ** **** **58")]
    [InlineData("(555) 123-4567", "(***) ***-**67")]
    [InlineData("my number is 0612345678.", "my number is ********78.")]
    [InlineData("+1-202-555-0143 or 555 0143 22", "+*-***-***-**43 or *** **** 22")]
    public void Mask_PhoneNumber_KeepsLastTwoDigits(string text, string expected)
    {
        var masked = PiiMasker.Mask(text);

        Assert.Equal(expected, masked);
    }

    [Theory]
    [InlineData("I deposited 100 EUR")]
    [InlineData("withdrawal of 2500.50 is pending")]
    [InlineData("balance 1,000,000.00")]
    [InlineData("since 2024-01-15 10:30")]
    [InlineData("on 15/01/2024 at 23:00")]
    [InlineData("ticket 1234567")]
    [InlineData("Ticket #12345678 still open")]
    [InlineData("order no. 98765432")]
    [InlineData("transaction id: 5544332211")]
    [InlineData("")]
    public void Mask_AmountsDatesAndReferences_LeavesTextAsIs(string text)
    {
        var masked = PiiMasker.Mask(text);

        Assert.Equal(text, masked);
    }

    [Theory]
    [InlineData("4111111111111111", true)]
    [InlineData("4111111111111112", false)]
    [InlineData("79927398713", true)]
    public void IsLuhnValid_Digits_MatchesChecksum(string digits, bool expected)
    {
        var valid = PiiMasker.IsLuhnValid(digits);

        Assert.Equal(expected, valid);
    }
}
