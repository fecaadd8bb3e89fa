namespace SenGraph.Contracts.Reports;

/// <summary>USPS two-letter codes of the US states, DC and the inhabited territories.</summary>
/// <remarks>
/// The same list as the SIR module's <c>SirRules.StateCodes</c>, which is to switch to this one. It
/// leaves out the USPS military codes (AA, AE, AP) and the freely associated states (FM, MH, PW): an
/// event or a US address is in a state, DC or a territory.
/// </remarks>
public static class UsStates
{
    /// <summary>The 50 states, DC, and AS, GU, MP, PR, VI.</summary>
    public static readonly IReadOnlySet<string> Codes = new HashSet<string>(StringComparer.Ordinal)
    {
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD",
        "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC",
        "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC", "AS", "GU", "MP", "PR", "VI",
    };

    /// <summary>Whether <paramref name="code"/> (already trimmed and upper-cased) is one of <see cref="Codes"/>.</summary>
    public static bool IsCode(string? code) => code is not null && Codes.Contains(code);
}
