namespace SenGraph.Contracts.Agency;

/// <summary>The user roles (PIA 8.1), spelled as tokens carry them.</summary>
public static class DirectoryRoles
{
    public const string Agent = "Agent";
    public const string Supervisor = "Supervisor";
    public const string OfficeManager = "Office Manager";
    public const string IrocStaff = "IROC Staff";
    public const string HeadquartersAgent = "Headquarters Agent";
    public const string HsiIntelligence = "HSI Intelligence";
    public const string PublicAffairsOfficer = "Public Affairs Officer";
    public const string ProfessionalResponsibility = "Office of Professional Responsibility";
    public const string StatisticsAnalyst = "Statistics Analyst";
    public const string SystemAdministrator = "System Administrator";

    /// <summary>Manages the records schedule (PIA 3.2, 3.4): legal holds and disposition runs; reads no report content.</summary>
    public const string RecordsOfficer = "Records Officer";

    /// <summary>Answers individuals' access and correction requests (PIA 7.1, 7.2): finds the reports naming a person.</summary>
    public const string PrivacyOfficer = "Privacy Officer";

    /// <summary>
    /// A user of a partner agency receiving reports under an MOU through the external sharing feed only (the 2009 memo); not ERO LEAD's
    /// module role <c>Partner Agency Liaison</c>, which names agency liaisons to whom leads are disseminated.
    /// </summary>
    public const string PartnerAgencyConsumer = "Partner Agency Consumer";

    /// <summary>Every role, in the order the PIA lists them.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Agent, Supervisor, OfficeManager, IrocStaff, HeadquartersAgent, HsiIntelligence,
        PublicAffairsOfficer, ProfessionalResponsibility, StatisticsAnalyst, SystemAdministrator,
        RecordsOfficer, PrivacyOfficer, PartnerAgencyConsumer,
    ];

    /// <summary>The role as spelled in <see cref="All"/> (case-insensitive match), or null when unknown.</summary>
    public static string? Canonical(string role) =>
        All.FirstOrDefault(r => string.Equals(r, role.Trim(), StringComparison.OrdinalIgnoreCase));
}
