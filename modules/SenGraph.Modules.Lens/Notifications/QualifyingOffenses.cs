using System.Text.RegularExpressions;

namespace SenGraph.Modules.Lens.Notifications;

/// <summary>A range of NCIC offense codes (inclusive) with the category it stands for.</summary>
public sealed record OffenseCodeRange(string From, string To, string Category)
{
    public bool Contains(string code) => string.CompareOrdinal(code, From) >= 0 && string.CompareOrdinal(code, To) <= 0;

    /// <summary>Every code of the range.</summary>
    public IEnumerable<string> Codes() =>
        Enumerable.Range(int.Parse(From, System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(To, System.Globalization.CultureInfo.InvariantCulture) - int.Parse(From, System.Globalization.CultureInfo.InvariantCulture) + 1)
            .Select(n => n.ToString("D4", System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>
/// The NCIC offense codes (four digits, NCIC Uniform Offense Classifications) whose conviction makes a release
/// notifiable. Administrators manage the set; <see cref="Defaults"/> is what a new installation starts with: the
/// violent and serious categories.
/// </summary>
public sealed partial class QualifyingOffenses(IReadOnlyList<OffenseCodeRange> ranges)
{
    /// <summary>
    /// Homicide 0901-0999, kidnapping 1001-1099, sexual assault 1101-1199, robbery 1201-1299, aggravated assault
    /// 1301-1312, arson 2001-2099, sex offenses 3601-3699, weapon offenses 5201-5299.
    /// </summary>
    public static QualifyingOffenses Defaults { get; } = new(
    [
        new("0901", "0999", "Homicide"),
        new("1001", "1099", "Kidnapping"),
        new("1101", "1199", "Sexual assault"),
        new("1201", "1299", "Robbery"),
        new("1301", "1312", "Aggravated assault"),
        new("2001", "2099", "Arson"),
        new("3601", "3699", "Sex offenses"),
        new("5201", "5299", "Weapon offenses"),
    ]);

    public IReadOnlyList<OffenseCodeRange> Ranges { get; } = ranges;

    /// <summary>Whether <paramref name="ncicCode"/> is a well-formed code of the set.</summary>
    public bool Qualifies(string? ncicCode) => IsCode(ncicCode) && Ranges.Any(r => r.Contains(ncicCode!));

    /// <summary>Whether <paramref name="value"/> has the shape of an NCIC offense code: four digits.</summary>
    public static bool IsCode(string? value) => value is not null && Shape().IsMatch(value);

    [GeneratedRegex("^[0-9]{4}$")]
    private static partial Regex Shape();
}
