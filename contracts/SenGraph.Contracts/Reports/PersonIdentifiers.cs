namespace SenGraph.Contracts.Reports;

/// <summary>
/// Checks and normalizes the identifiers a report records for a person: the Alien Registration Number,
/// the FBI number and the IDENT Fingerprint Identification Number. Pure functions; every method accepts
/// what people type (either case, spaces and dashes) and yields one stored form.
/// </summary>
public static class PersonIdentifiers
{
    /// <summary>
    /// Alien Registration Number (A-number, "USCIS #"): an <c>A</c> and 7 to 9 digits, stored as
    /// <c>A</c> + 9 digits, zero-padded after the <c>A</c> (<c>A-12345678</c> → <c>A012345678</c>).
    /// </summary>
    /// <remarks>
    /// Sources: USCIS guidance as summarized by immigration publishers (e.g.
    /// usa-immigrations.com "What you need to know about your Alien Registration Number",
    /// opensphere.ai "Understanding the Alien Registration Number"): the A-number is a 7-, 8- or 9-digit
    /// number; when it has fewer than 9 digits, zeros are added after the <c>A</c> to make 9 (USCIS
    /// forms print nine boxes after "A-"). Employment authorization cards print it as <c>000-000-811</c>.
    /// The issue asked for 8 or 9 digits; 7-digit numbers are accepted too because older A-numbers
    /// still in use have them. Accepted input: an optional leading <c>A</c> (either case), then 7–9
    /// digits, with any spaces, dashes or dots between; all zeros is rejected.
    /// </remarks>
    public static bool TryNormalizeANumber(string? input, out string normalized)
    {
        normalized = "";
        var compact = Compact(input);
        if (compact.StartsWith('A')) compact = compact[1..];
        if (compact.Length is < 7 or > 9 || !compact.All(char.IsAsciiDigit) || compact.All(c => c == '0')) return false;
        normalized = "A" + compact.PadLeft(9, '0');
        return true;
    }

    /// <summary>
    /// FBI number, renamed Universal Control Number (UCN) under NGI: 1 to 9 letters and digits, at
    /// least one of them a digit, stored upper case without separators.
    /// </summary>
    /// <remarks>
    /// The FBI number travels in EBTS Type-2 field 2.014 (FBI/UCN) and NCIC's FBI field as up to nine
    /// alphanumeric characters. Legacy numbers are digits with optional letters (e.g. <c>123456AA7</c>);
    /// UCNs issued since the change are eight base-27 characters plus a check character over the
    /// alphabet <c>0123456789ACDEFHJKLMNPRTVWX</c> (letters easily confused with digits are not used).
    /// Simplification: the check character is not verified, because legacy numbers have none and the
    /// only public description of the algorithm we found is second-hand (a programming-contest problem,
    /// ACM Greater NY 2016 "FBI Universal Control Numbers"), not an FBI specification.
    /// </remarks>
    public static bool TryNormalizeFbiNumber(string? input, out string normalized)
    {
        normalized = "";
        var compact = Compact(input);
        if (compact.Length is < 1 or > ReportLimits.FbiNumberMaxLength) return false;
        if (!compact.All(char.IsAsciiLetterOrDigit) || !compact.Any(char.IsAsciiDigit)) return false;
        normalized = compact;
        return true;
    }

    /// <summary>
    /// IDENT Fingerprint Identification Number (FIN), the number DHS's biometric system (IDENT, now
    /// HART) links an identity's fingerprints to: 1 to 12 digits, stored without separators.
    /// </summary>
    /// <remarks>
    /// DHS publishes no format for the FIN (the IDENT privacy impact assessments name it without
    /// describing it), so this accepts 1–12 digits — a deliberate, permissive simplification to be
    /// tightened if the format becomes known.
    /// </remarks>
    public static bool TryNormalizeFin(string? input, out string normalized)
    {
        normalized = "";
        var compact = Compact(input);
        if (compact.Length is < 1 or > ReportLimits.FinMaxLength || !compact.All(char.IsAsciiDigit)) return false;
        normalized = compact;
        return true;
    }

    /// <summary>Upper case, without whitespace, dashes or dots.</summary>
    internal static string Compact(string? input) =>
        input is null ? "" : string.Concat(input.Where(c => !char.IsWhiteSpace(c) && c is not ('-' or '.'))).ToUpperInvariant();
}
