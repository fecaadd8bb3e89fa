namespace SenGraph.Contracts.Reports;

/// <summary>
/// The agency's time zone, America/New_York: fiscal years (and the retention dates computed from them) follow
/// the agency's calendar, not UTC and not the server's zone.
/// </summary>
public static class AgencyTime
{
    public const string TimeZoneId = "America/New_York";

    /// <summary>
    /// America/New_York from the system's time-zone database; where a host has none (a minimal container),
    /// the same zone from the US rules in force since 2007 (EST, UTC-5; EDT, UTC-4, from 2:00 on the second
    /// Sunday of March to 2:00 on the first Sunday of November), so numbering never depends on the host.
    /// </summary>
    public static TimeZoneInfo Zone { get; } = Find();

    /// <summary><paramref name="at"/> as the agency's clocks show it.</summary>
    public static DateTimeOffset ToAgencyTime(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    private static TimeZoneInfo Find()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
                DateTime.MinValue.Date, DateTime.MaxValue.Date, TimeSpan.FromHours(1),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 2, DayOfWeek.Sunday),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 11, 1, DayOfWeek.Sunday));
            return TimeZoneInfo.CreateCustomTimeZone(TimeZoneId, TimeSpan.FromHours(-5), "Eastern Time", "Eastern Standard Time",
                "Eastern Daylight Time", [rule]);
        }
    }
}
