using SenGraph.Contracts.Reports;

namespace SenGraph.Tests.Reports;

public sealed class ReportNumberTests
{
    [Fact]
    public void Numbers_name_type_fiscal_year_and_a_six_digit_sequence()
    {
        Assert.Equal("SIR-FY2027-000123", ReportNumber.Format("SIR", 2027, 123));
        Assert.Equal("OPPRED-FY2026-000001", ReportNumber.Format("OPPRED", 2026, 1));
        Assert.Equal("SIR-FY2027-1234567", ReportNumber.Format("SIR", 2027, 1_234_567));
    }

    [Theory]
    [InlineData("sir", 2027, 1)]
    [InlineData("S", 2027, 1)]
    [InlineData("SIR-X", 2027, 1)]
    [InlineData("1SIR", 2027, 1)]
    [InlineData("SIR", 1999, 1)]
    [InlineData("SIR", 10000, 1)]
    [InlineData("SIR", 2027, 0)]
    [InlineData("SIR", 2027, -5)]
    public void Bad_parts_are_refused(string type, int fiscalYear, int sequence) =>
        Assert.ThrowsAny<ArgumentException>(() => ReportNumber.Format(type, fiscalYear, sequence));

    [Theory]
    [InlineData("2026-11-23T10:00:00Z", 2027)]
    [InlineData("2026-09-30T23:59:00-04:00", 2026)]   // 23:59 EDT on September 30: the old year
    [InlineData("2026-10-01T00:00:00-04:00", 2027)]   // midnight EDT on October 1: the new year
    [InlineData("2026-10-01T03:59:59Z", 2026)]        // 23:59:59 EDT on September 30, given in UTC
    [InlineData("2026-10-01T04:00:00Z", 2027)]        // midnight EDT, given in UTC
    [InlineData("2026-10-01T01:00:00+05:00", 2026)]   // September 30, 16:00 EDT
    [InlineData("2026-10-01T05:30:00+01:00", 2027)]   // October 1, 00:30 EDT
    [InlineData("2027-01-01T03:00:00Z", 2027)]        // December 31, 22:00 EST: the calendar year changes, the fiscal year does not
    public void The_fiscal_year_starts_on_October_first_Eastern_time(string at, int fiscalYear) =>
        Assert.Equal(fiscalYear, ReportNumber.FiscalYear(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2024-02-29T12:00:00Z", 2024)]        // leap day
    [InlineData("2024-09-30T23:59:00-04:00", 2024)]   // a leap year's last minute of FY2024
    [InlineData("2024-10-01T00:00:00-04:00", 2025)]
    [InlineData("2028-09-30T23:59:00-04:00", 2028)]
    [InlineData("2028-10-01T00:00:00-04:00", 2029)]
    [InlineData("2100-10-01T04:00:00Z", 2101)]        // 2100 is not a leap year; the rule holds
    public void Leap_years_change_nothing(string at, int fiscalYear) =>
        Assert.Equal(fiscalYear, ReportNumber.FiscalYear(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2026-03-08T06:59:59Z", -5)]          // 01:59:59 EST, then clocks go forward
    [InlineData("2026-03-08T07:00:00Z", -4)]          // 03:00 EDT
    [InlineData("2026-11-01T05:59:59Z", -4)]          // 01:59:59 EDT, then clocks go back
    [InlineData("2026-11-01T06:00:00Z", -5)]          // 01:00 EST
    [InlineData("2026-09-30T12:00:00Z", -4)]          // the fiscal year always turns in daylight time
    public void Agency_time_follows_daylight_saving(string at, int offsetHours) =>
        Assert.Equal(TimeSpan.FromHours(offsetHours), AgencyTime.ToAgencyTime(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture)).Offset);

    [Fact]
    public void Formatted_numbers_parse_back()
    {
        Assert.True(ReportNumber.TryParse("SIR-FY2027-000123", out var type, out var fy, out var seq));
        Assert.Equal(("SIR", 2027, 123), (type, fy, seq));
        Assert.True(ReportNumber.TryParse(ReportNumber.Format("ERO1", 2030, 9_999_999), out type, out fy, out seq));
        Assert.Equal(("ERO1", 2030, 9_999_999), (type, fy, seq));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("SIR-FY2027-123")]
    [InlineData("sir-FY2027-000123")]
    [InlineData("SIR-2027-000123")]
    [InlineData("SIR-FY27-000123")]
    [InlineData("SIR-FY2027-000000")]
    [InlineData("SIR-FY2027-0000123")]
    [InlineData(" SIR-FY2027-000123")]
    [InlineData("SIR-FY2027-99999999999")]
    public void Other_strings_do_not_parse(string? value) =>
        Assert.False(ReportNumber.TryParse(value, out _, out _, out _));
}
