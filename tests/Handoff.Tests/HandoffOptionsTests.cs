using System.ComponentModel.DataAnnotations;
using Handoff.Queues;

namespace Handoff.Tests;

public sealed class HandoffOptionsTests
{
    [Fact]
    public void Constructor_Defaults_MatchDocumentedValues()
    {
        var sut = new HandoffOptions();

        Assert.Equal("Handoff", HandoffOptions.SectionName);
        Assert.Equal("Sqlite", sut.Provider);
        Assert.Null(sut.ConnectionString);
        Assert.Equal("l1_general", sut.DefaultQueue);
        Assert.Equal("l2_vip", sut.VipQueue);
        Assert.Equal((0, 10, 20), (sut.BasePriority, sut.VipPriorityBoost, sut.SensitivePriorityBoost));
        Assert.Equal(
            ["l1_general:1", "l2_payments:2", "l2_technical:2", "l2_vip:2", "l3_supervisors:3"],
            sut.Queues.OrderBy(q => q.Key, StringComparer.Ordinal).Select(q => $"{q.Key}:{q.Value.Tier}"));
        Assert.Equal(TimeSpan.Zero, sut.Queues["l1_general"].WorkingHours.From);
        Assert.Equal(TimeSpan.Zero, sut.Queues["l1_general"].WorkingHours.To);
        Assert.Equal((TimeSpan.FromHours(8), TimeSpan.FromHours(22), "UTC"),
            (sut.Queues["l2_payments"].WorkingHours.From, sut.Queues["l2_payments"].WorkingHours.To, sut.Queues["l2_payments"].WorkingHours.TimeZoneId));
        Assert.Equal("Mon-Sun", sut.Queues["l3_supervisors"].WorkingHours.Days);
        Assert.True(IsValid(sut));
    }

    [Fact]
    public void Validate_UnknownProvider_Fails()
    {
        var sut = new HandoffOptions { Provider = "MySql" };

        Assert.False(IsValid(sut));
    }

    [Fact]
    public void Validate_NegativeBoost_Fails()
    {
        var sut = new HandoffOptions { VipPriorityBoost = -1 };

        Assert.False(IsValid(sut));
    }

    [Fact]
    public void Validate_MalformedDays_Fails()
    {
        var sut = new WorkingHoursOptions { Days = "Mon..Fri" };

        Assert.False(IsValid(sut));
    }

    [Theory]
    [InlineData("Europe/Atlantis", "Mon-Fri", 15)]
    [InlineData("UTC", "Mon-Fryday", 15)]
    [InlineData("UTC", "Mon-Fri", 0)]
    public void Validate_BadNestedQueueSettings_Fails(string timeZoneId, string days, int slaMinutes)
    {
        var sut = new HandoffOptions();
        sut.Queues["l2_payments"].SlaMinutes = slaMinutes;
        sut.Queues["l2_payments"].WorkingHours.TimeZoneId = timeZoneId;
        sut.Queues["l2_payments"].WorkingHours.Days = days;

        Assert.False(IsValid(sut));
    }

    [Fact]
    public void Validate_RuleToUnknownQueue_Fails()
    {
        var sut = new HandoffOptions();
        sut.RoutingRules["kyc_*"] = "l2_kyc";

        Assert.False(IsValid(sut));
    }

    [Theory]
    [InlineData(0, 15)]
    [InlineData(4, 15)]
    [InlineData(1, 0)]
    public void Validate_QueueTierOrSlaOutOfRange_Fails(int tier, int slaMinutes)
    {
        var sut = new QueueOptions { Tier = tier, DisplayName = "x", SlaMinutes = slaMinutes };

        Assert.False(IsValid(sut));
    }

    private static bool IsValid(object options) =>
        Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true);
}
