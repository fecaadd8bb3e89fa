namespace SenGraph.Contracts.Reports;

/// <summary>ISO 3166-1 alpha-3 country codes: how reports record countries (of birth, of citizenship, of an address).</summary>
/// <remarks>
/// Alpha-3 rather than alpha-2: three letters read unambiguously (<c>USA</c>, <c>MEX</c>, <c>GTM</c>) and
/// are what a passport's machine-readable zone shows (ICAO Doc 9303 uses ISO 3166-1 alpha-3, with a few
/// exceptions such as <c>D</c> for Germany, which are not accepted here). The list is
/// the 249 officially assigned codes of ISO 3166-1, taken from the Debian <c>iso-codes</c> package 4.15
/// (<c>/usr/share/iso-codes/json/iso_3166-1.json</c>). User-assigned codes (such as <c>XKX</c>, used by
/// some agencies for Kosovo) and withdrawn codes are not accepted.
/// </remarks>
public static class Countries
{
    /// <summary>The 249 officially assigned ISO 3166-1 alpha-3 codes, upper case.</summary>
    public static readonly IReadOnlySet<string> Alpha3 = new HashSet<string>(StringComparer.Ordinal)
    {
        "ABW", "AFG", "AGO", "AIA", "ALA", "ALB", "AND", "ARE", "ARG", "ARM", "ASM", "ATA", "ATF", "ATG", "AUS", "AUT", "AZE", "BDI", "BEL", "BEN",
        "BES", "BFA", "BGD", "BGR", "BHR", "BHS", "BIH", "BLM", "BLR", "BLZ", "BMU", "BOL", "BRA", "BRB", "BRN", "BTN", "BVT", "BWA", "CAF", "CAN",
        "CCK", "CHE", "CHL", "CHN", "CIV", "CMR", "COD", "COG", "COK", "COL", "COM", "CPV", "CRI", "CUB", "CUW", "CXR", "CYM", "CYP", "CZE", "DEU",
        "DJI", "DMA", "DNK", "DOM", "DZA", "ECU", "EGY", "ERI", "ESH", "ESP", "EST", "ETH", "FIN", "FJI", "FLK", "FRA", "FRO", "FSM", "GAB", "GBR",
        "GEO", "GGY", "GHA", "GIB", "GIN", "GLP", "GMB", "GNB", "GNQ", "GRC", "GRD", "GRL", "GTM", "GUF", "GUM", "GUY", "HKG", "HMD", "HND", "HRV",
        "HTI", "HUN", "IDN", "IMN", "IND", "IOT", "IRL", "IRN", "IRQ", "ISL", "ISR", "ITA", "JAM", "JEY", "JOR", "JPN", "KAZ", "KEN", "KGZ", "KHM",
        "KIR", "KNA", "KOR", "KWT", "LAO", "LBN", "LBR", "LBY", "LCA", "LIE", "LKA", "LSO", "LTU", "LUX", "LVA", "MAC", "MAF", "MAR", "MCO", "MDA",
        "MDG", "MDV", "MEX", "MHL", "MKD", "MLI", "MLT", "MMR", "MNE", "MNG", "MNP", "MOZ", "MRT", "MSR", "MTQ", "MUS", "MWI", "MYS", "MYT", "NAM",
        "NCL", "NER", "NFK", "NGA", "NIC", "NIU", "NLD", "NOR", "NPL", "NRU", "NZL", "OMN", "PAK", "PAN", "PCN", "PER", "PHL", "PLW", "PNG", "POL",
        "PRI", "PRK", "PRT", "PRY", "PSE", "PYF", "QAT", "REU", "ROU", "RUS", "RWA", "SAU", "SDN", "SEN", "SGP", "SGS", "SHN", "SJM", "SLB", "SLE",
        "SLV", "SMR", "SOM", "SPM", "SRB", "SSD", "STP", "SUR", "SVK", "SVN", "SWE", "SWZ", "SXM", "SYC", "SYR", "TCA", "TCD", "TGO", "THA", "TJK",
        "TKL", "TKM", "TLS", "TON", "TTO", "TUN", "TUR", "TUV", "TWN", "TZA", "UGA", "UKR", "UMI", "URY", "USA", "UZB", "VAT", "VCT", "VEN", "VGB",
        "VIR", "VNM", "VUT", "WLF", "WSM", "YEM", "ZAF", "ZMB", "ZWE",
    };

    /// <summary>The United States.</summary>
    public const string UnitedStates = "USA";

    /// <summary>Whether <paramref name="code"/> (already trimmed and upper-cased) is an assigned alpha-3 code.</summary>
    public static bool IsAlpha3(string? code) => code is not null && Alpha3.Contains(code);
}
