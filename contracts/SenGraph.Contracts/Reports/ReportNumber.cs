using System.Globalization;
using System.Text.RegularExpressions;

namespace SenGraph.Contracts.Reports;

/// <summary>
/// Report numbers: <c>{TYPE}-FY{yyyy}-{sequence, 6+ digits}</c>, e.g. <c>SIR-FY2027-000123</c>, unique per
/// type and fiscal year (the sequence restarts each fiscal year).
/// </summary>
public static partial class ReportNumber
{
    /// <summary>
    /// <c>SIR-FY2027-000123</c>. <paramref name="type"/>: 2–16 upper-case letters or digits starting with a
    /// letter; <paramref name="fiscalYear"/>: 2000–9999; <paramref name="sequence"/>: 1 or more (padded to 6
    /// digits, longer when it needs to be).
    /// </summary>
    public static string Format(string type, int fiscalYear, int sequence)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (!TypeCode().IsMatch(type)) throw new ArgumentException($"'{type}' is not a report type code (2-16 upper-case letters or digits, starting with a letter).", nameof(type));
        ArgumentOutOfRangeException.ThrowIfLessThan(fiscalYear, 2000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fiscalYear, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        return string.Create(CultureInfo.InvariantCulture, $"{type}-FY{fiscalYear:D4}-{sequence:D6}");
    }

    /// <summary>
    /// The US federal fiscal year of <paramref name="at"/> on the agency's calendar (<see cref="AgencyTime"/>,
    /// America/New_York): it starts on October 1 and is named after the calendar year it ends in
    /// (2026-11-23 is in FY2027, 2026-09-30 in FY2026). 23:59 Eastern on September 30 is still the old year,
    /// whatever the offset of <paramref name="at"/> and the server's zone.
    /// </summary>
    public static int FiscalYear(DateTimeOffset at)
    {
        var eastern = AgencyTime.ToAgencyTime(at);
        return eastern.Month >= 10 ? eastern.Year + 1 : eastern.Year;
    }

    /// <summary>Reads a number exactly as <see cref="Format"/> writes it (upper case, no surrounding spaces, no extra zeros).</summary>
    public static bool TryParse(string? value, out string type, out int fiscalYear, out int sequence)
    {
        type = "";
        fiscalYear = 0;
        sequence = 0;
        if (value is null) return false;
        var match = Pattern().Match(value);
        if (!match.Success
            || !int.TryParse(match.Groups["seq"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seq)
            || seq < 1
            || match.Groups["seq"].Length > 6 && match.Groups["seq"].Value[0] == '0')
            return false;
        type = match.Groups["type"].Value;
        fiscalYear = int.Parse(match.Groups["fy"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
        sequence = seq;
        return true;
    }

    [GeneratedRegex("^[A-Z][A-Z0-9]{1,15}$")]
    private static partial Regex TypeCode();

    [GeneratedRegex("^(?<type>[A-Z][A-Z0-9]{1,15})-FY(?<fy>[2-9][0-9]{3})-(?<seq>[0-9]{6,10})$")]
    private static partial Regex Pattern();
}
