using Handoff.Queues;
using Handoff.Tests.Support;
using Handoff.Tickets;

namespace Handoff.Tests.Queues;

public sealed class QueueRouterTests
{
    // 2026-11-25 is a Wednesday.
    private static readonly DateTimeOffset Noon = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("deposit_missing", "l2_payments")]
    [InlineData("withdrawal_pending", "l2_payments")]
    [InlineData("balance", "l2_payments")]
    [InlineData("payment_methods", "l2_payments")]
    [InlineData("game_malfunction", "l2_technical")]
    [InlineData("app_download", "l2_technical")]
    [InlineData("site_access", "l2_technical")]
    [InlineData("login_problem", "l2_technical")]
    [InlineData("two_factor", "l2_technical")]
    [InlineData("complaint", "l3_supervisors")]
    [InlineData("bonus_terms", "l1_general")]
    [InlineData("self_exclusion", "l1_general")]
    [InlineData(null, "l1_general")]
    public void Route_Intent_PicksQueueByRules(string? intent, string expectedQueue)
    {
        var sut = CreateSut();

        var route = sut.Route(NewTicket(intent), Noon);

        Assert.Equal(expectedQueue, route.Queue);
    }

    [Theory]
    [InlineData(false, false, "deposit_missing", "l2_payments", 0)]
    [InlineData(true, false, "deposit_missing", "l2_vip", 10)]
    [InlineData(false, true, "self_exclusion", "l1_general", 20)]
    [InlineData(true, true, "complaint", "l2_vip", 30)]
    public void Route_VipAndSensitive_RaisePriorityAndVipGoesToVipDesk(
        bool isVip, bool isSensitive, string intent, string expectedQueue, int expectedPriority)
    {
        var sut = CreateSut();

        var route = sut.Route(NewTicket(intent) with { IsVip = isVip, IsSensitive = isSensitive }, Noon);

        Assert.Equal(expectedQueue, route.Queue);
        Assert.Equal(expectedPriority, route.Priority);
    }

    [Fact]
    public void Route_OpenQueue_SlaCountsFromNow()
    {
        var sut = CreateSut();

        var route = sut.Route(NewTicket("deposit_missing"), Noon);

        Assert.True(route.IsOpen);
        Assert.Equal(Noon.AddMinutes(15), route.SlaDueAt);
    }

    [Fact]
    public void Route_ClosedQueueLateEvening_SlaCountsFromNextMorning()
    {
        var sut = CreateSut();
        var lateEvening = new DateTimeOffset(2026, 11, 25, 23, 0, 0, TimeSpan.Zero);

        var route = sut.Route(NewTicket("deposit_missing"), lateEvening);

        Assert.False(route.IsOpen);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 8, 15, 0, TimeSpan.Zero), route.SlaDueAt);
    }

    [Theory]
    [InlineData("l1_general", 3, 0, true)]
    [InlineData("l2_payments", 7, 59, false)]
    [InlineData("l2_payments", 8, 0, true)]
    [InlineData("l2_technical", 21, 59, true)]
    [InlineData("l3_supervisors", 22, 0, false)]
    public void IsOpen_DefaultHours_MatchesShift(string queue, int hour, int minute, bool expected)
    {
        var sut = CreateSut();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, hour, minute, 0, TimeSpan.Zero));

        var open = sut.IsOpen(queue, clock.GetUtcNow());

        Assert.Equal(expected, open);
    }

    [Fact]
    public void NextOpening_WeekdayQueueOnSaturday_ReturnsMondayMorningLocalTime()
    {
        var options = new HandoffOptions();
        options.Queues["l2_payments"].WorkingHours = new WorkingHoursOptions
        {
            Days = "Mon-Fri",
            From = TimeSpan.FromHours(9),
            To = TimeSpan.FromHours(17),
            TimeZoneId = "Europe/Malta",
        };
        var sut = CreateSut(options);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero)); // Saturday

        var opening = sut.NextOpening("l2_payments", clock.GetUtcNow());

        Assert.False(sut.IsOpen("l2_payments", clock.GetUtcNow()));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(1)), opening);
    }

    [Theory]
    [InlineData(23, true)]
    [InlineData(3, true)]
    [InlineData(6, false)]
    [InlineData(12, false)]
    public void IsOpen_OvernightShift_SpansMidnight(int hour, bool expected)
    {
        var options = new HandoffOptions();
        options.Queues["l3_supervisors"].WorkingHours = new WorkingHoursOptions { From = TimeSpan.FromHours(22), To = TimeSpan.FromHours(6) };
        var sut = CreateSut(options);

        var open = sut.IsOpen("l3_supervisors", new DateTimeOffset(2026, 11, 25, hour, 0, 0, TimeSpan.Zero));

        Assert.Equal(expected, open);
    }

    [Fact]
    public void NextOpening_OpenQueue_ReturnsNow()
    {
        var sut = CreateSut();

        var opening = sut.NextOpening("l2_vip", Noon);

        Assert.Equal(Noon, opening);
    }

    [Fact]
    public void NextOpening_NoWorkingDays_ReturnsNull()
    {
        var options = new HandoffOptions();
        options.Queues["l2_vip"].WorkingHours = new WorkingHoursOptions { Days = "" };
        var sut = CreateSut(options);

        var opening = sut.NextOpening("l2_vip", Noon);

        Assert.Null(opening);
    }

    [Theory]
    [InlineData("deposit_crypto", "l2_technical")]
    [InlineData("deposit_card", "l2_payments")]
    [InlineData("deposit_crypto_delay", "l3_supervisors")]
    public void QueueForIntent_CustomRules_ExactBeatsWildcardAndLongestPrefixWins(string intent, string expected)
    {
        var options = new HandoffOptions();
        options.RoutingRules["deposit_crypto*"] = "l2_technical";
        options.RoutingRules["deposit_crypto_delay"] = "l3_supervisors";
        var sut = CreateSut(options);

        var queue = sut.QueueForIntent(intent);

        Assert.Equal(expected, queue);
    }

    [Theory]
    [InlineData("Mon-Fri", "Monday,Tuesday,Wednesday,Thursday,Friday")]
    [InlineData("fri-mon", "Sunday,Monday,Friday,Saturday")]
    [InlineData("Sat, Sunday", "Sunday,Saturday")]
    [InlineData("Mon-Sun", "Sunday,Monday,Tuesday,Wednesday,Thursday,Friday,Saturday")]
    [InlineData("", "")]
    public void ParseDays_DayList_ReturnsNamedDays(string text, string expected)
    {
        var days = DaySet.Parse(text);

        Assert.Equal(expected, string.Join(',', days.Order()));
    }

    [Fact]
    public void Constructor_UnknownDayName_Throws()
    {
        var options = new HandoffOptions();
        options.Queues["l2_vip"].WorkingHours.Days = "Mon-Fryday";

        var error = Assert.Throws<ArgumentException>(() => CreateSut(options));

        Assert.Contains("Fryday", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_RuleToUnknownQueue_Throws()
    {
        var options = new HandoffOptions();
        options.RoutingRules["bonus_*"] = "l4_marketing";

        var error = Assert.Throws<ArgumentException>(() => CreateSut(options));

        Assert.Contains("l4_marketing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsOpen_UnknownQueue_Throws()
    {
        var sut = CreateSut();

        Assert.Throws<ArgumentException>(() => sut.IsOpen("nope", Noon));
    }

    private static QueueRouter CreateSut(HandoffOptions? options = null) => new(options ?? new HandoffOptions());

    private static NewTicket NewTicket(string? intent) => new()
    {
        ConversationId = "webchat:c1",
        Channel = "webchat",
        Language = "en",
        Reason = "human_request",
        Intent = intent,
    };
}
