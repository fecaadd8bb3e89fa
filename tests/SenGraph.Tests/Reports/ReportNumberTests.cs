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
    [InlineData("2026-10-01T00:00:00Z", 2027)]
    [InlineData("2026-09-30T23:59:59Z", 2026)]
    [InlineData("2026-01-01T00:00:00Z", 2026)]
    [InlineData("2026-12-31T23:59:59Z", 2027)]
    [InlineData("2026-09-30T21:00:00-04:00", 2027)]   // 01:00 UTC on October 1: the UTC date decides
    [InlineData("2026-10-01T01:00:00+05:00", 2026)]   // still September 30 in UTC
    public void The_fiscal_year_starts_on_October_first_UTC(string at, int fiscalYear) =>
        Assert.Equal(fiscalYear, ReportNumber.FiscalYear(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));

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
