using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.Security;

/// <summary>Someone playing one role of PIA 8.1: a user the Development directory seeds, in their office.</summary>
public sealed record Actor(string Role, string User, string Office)
{
    public override string ToString() => Role;
}

/// <summary>
/// The ten roles of PIA 8.1 (agents, supervisors, office managers, IROC staff, headquarters agents, HSI intelligence,
/// Public Affairs Officers, OPR, statistics analysts, the system administrator), spelled here as tokens carry them,
/// not taken from the code under test.
/// </summary>
public static class AgencyRoles
{
    public static readonly Actor Agent = new("Agent", "bob", "SAC-BOS");
    public static readonly Actor Supervisor = new("Supervisor", "betty", "SAC-BOS");
    public static readonly Actor OfficeManager = new("Office Manager", "olivia", "SAC-NYC");
    public static readonly Actor IrocStaff = new("IROC Staff", "iris", "IROC-HQ");
    public static readonly Actor HeadquartersAgent = new("Headquarters Agent", "hank", "HQ-HSI");
    public static readonly Actor HsiIntelligence = new("HSI Intelligence", "ivan", "FIG-NYC");
    public static readonly Actor PublicAffairsOfficer = new("Public Affairs Officer", "paula", "HQ-OPA");
    public static readonly Actor ProfessionalResponsibility = new("Office of Professional Responsibility", "oscar", "HQ-OPR");
    public static readonly Actor StatisticsAnalyst = new("Statistics Analyst", "stella", "HQ-ICE");
    public static readonly Actor SystemAdministrator = new("System Administrator", "root", "HQ-ICE");
    public static readonly Actor RecordsOfficer = new("Records Officer", "rita", "HQ-ICE");
    public static readonly Actor PrivacyOfficer = new("Privacy Officer", "priya", "HQ-ICE");
    public static readonly Actor PartnerAgencyConsumer = new("Partner Agency Consumer", "pat", "HQ-ICE");

    public static IReadOnlyList<Actor> All { get; } =
    [
        Agent, Supervisor, OfficeManager, IrocStaff, HeadquartersAgent, HsiIntelligence,
        PublicAffairsOfficer, ProfessionalResponsibility, StatisticsAnalyst, SystemAdministrator, RecordsOfficer, PrivacyOfficer, PartnerAgencyConsumer,
    ];

    public static Actor ByRole(string role) => All.Single(a => a.Role == role);

    /// <summary>A development token naming only the actor's role, for a user who has acknowledged the Rules of Behavior.</summary>
    public static string TokenOf(this TestHost host, Actor actor) => host.Token(actor.User, actor.Role, actor.Office);

    /// <summary>
    /// The roles without a need to know the people in a report: Public Affairs and Statistics Analysts get aggregates
    /// and PII-free views only (PIA 2.1, 8.1; the issue), the System Administrator maintains the system (PIA 8.1, 8.2).
    /// </summary>
    public static IReadOnlyList<Actor> WithoutPiiNeedToKnow { get; } = [PublicAffairsOfficer, StatisticsAnalyst, SystemAdministrator, RecordsOfficer];
}
