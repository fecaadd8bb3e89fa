using System.Text.RegularExpressions;
using SenGraph.Contracts.Reports;

namespace SenGraph.Modules.Lens.Notifications;

/// <summary>
/// An NCIC Originating Agency Identifier: the two-letter code of a state, DC or territory, then seven letters or
/// digits (e.g. <c>NY0303000</c>; the LESC's is <see cref="Lesc"/>).
/// </summary>
public static partial class Ori
{
    /// <summary>The Law Enforcement Support Center's ORI: every LENS message comes from it, inquiries go to it.</summary>
    public const string Lesc = "VTINS07S0";

    /// <summary>The ORI trimmed and upper-cased, or null when it is not one (wrong shape, or an unknown state code).</summary>
    public static string? Normalize(string? value)
    {
        var ori = value?.Trim().ToUpperInvariant();
        return ori is not null && Shape().IsMatch(ori) && UsStates.IsCode(ori[..2]) ? ori : null;
    }

    [GeneratedRegex("^[A-Z]{2}[A-Z0-9]{7}$")]
    private static partial Regex Shape();
}

/// <summary>
/// FBI numbers (Universal Control Numbers): one to nine letters and digits with at least one digit, as NCIC
/// records them; spaces and dashes people type are dropped.
/// </summary>
public static partial class FbiNumber
{
    /// <summary>The number upper-cased without separators, or null when it is not one.</summary>
    public static string? Normalize(string? value)
    {
        var number = value?.Replace(" ", "").Replace("-", "").ToUpperInvariant();
        return number is not null && Shape().IsMatch(number) && number.Any(char.IsAsciiDigit) ? number : null;
    }

    [GeneratedRegex("^[A-Z0-9]{1,9}$")]
    private static partial Regex Shape();
}
