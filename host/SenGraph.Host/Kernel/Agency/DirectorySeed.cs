using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Agency;
using static SenGraph.Contracts.Agency.DirectoryRoles;
using SenGraph.Host.Kernel.Database;

namespace SenGraph.Host.Kernel.Agency;

/// <summary>
/// The directory of the embedded default: two areas (New York, Boston) with their SAC, RAC, FOD and
/// FIG, the IROC, a few headquarters offices, and a user for every role. Written in Development when
/// the directory is empty, so running it again changes nothing and an administrator's edits stay.
/// </summary>
public static class DirectorySeed
{
    public static IReadOnlyList<Organisation> Organisations { get; } =
    [
        new() { Code = "HSI", Name = "Homeland Security Investigations" },
        new() { Code = "ERO", Name = "Enforcement and Removal Operations" },
        new() { Code = "IROC", Name = "ICE Reporting and Operations Center" },
        new() { Code = "ICE", Name = "ICE Headquarters" },
    ];

    public static IReadOnlyList<Office> Offices { get; } =
    [
        Office("SAC-NYC", "HSI Special Agent in Charge New York", OfficeKind.Sac, "HSI", "NYC", review: true),
        Office("RAC-ALB", "HSI Resident Agent in Charge Albany", OfficeKind.Rac, "HSI", "NYC", parent: "SAC-NYC", review: true),
        Office("FOD-NYC", "ERO Field Office Director New York", OfficeKind.Fod, "ERO", "NYC"),
        Office("FIG-NYC", "Field Intelligence Group New York", OfficeKind.Fig, "HSI", "NYC"),
        Office("SAC-BOS", "HSI Special Agent in Charge Boston", OfficeKind.Sac, "HSI", "BOS"),
        Office("RAC-PVD", "HSI Resident Agent in Charge Providence", OfficeKind.Rac, "HSI", "BOS", parent: "SAC-BOS"),
        Office("FOD-BOS", "ERO Field Office Director Boston", OfficeKind.Fod, "ERO", "BOS"),
        Office("FIG-BOS", "Field Intelligence Group Boston", OfficeKind.Fig, "HSI", "BOS"),
        Office("IROC-HQ", "ICE Reporting and Operations Center", OfficeKind.Iroc, "IROC", null),
        Office("HQ-HSI", "HSI Headquarters", OfficeKind.Hq, "HSI", null),
        Office("HQ-OPA", "Office of Public Affairs", OfficeKind.Hq, "ICE", null),
        Office("HQ-OPR", "Office of Professional Responsibility", OfficeKind.Hq, "ICE", null),
        Office("HQ-ICE", "ICE Headquarters", OfficeKind.Hq, "ICE", null),
    ];

    public static IReadOnlyList<DirectoryUser> Users { get; } =
    [
        User("alice", "Alice Agent", "SAC-NYC", Agent),
        User("sam", "Sam Supervisor", "SAC-NYC", Supervisor),
        User("olivia", "Olivia Office Manager", "SAC-NYC", OfficeManager),
        User("ray", "Ray Resident Agent", "RAC-ALB", Agent),
        User("rachel", "Rachel RAC Supervisor", "RAC-ALB", Supervisor),
        User("ed", "Ed ERO Officer", "FOD-NYC", Agent),
        User("ivan", "Ivan Intelligence", "FIG-NYC", HsiIntelligence),
        User("bob", "Bob Agent", "SAC-BOS", Agent),
        User("betty", "Betty Supervisor", "SAC-BOS", Supervisor),
        User("iris", "Iris IROC Analyst", "IROC-HQ", IrocStaff),
        User("hank", "Hank Headquarters Agent", "HQ-HSI", HeadquartersAgent),
        User("paula", "Paula Public Affairs", "HQ-OPA", PublicAffairsOfficer),
        User("oscar", "Oscar Professional Responsibility", "HQ-OPR", ProfessionalResponsibility),
        User("stella", "Stella Statistics", "HQ-ICE", StatisticsAnalyst),
        User("root", "Root Administrator", "HQ-ICE", SystemAdministrator),
        User("rita", "Rita Records Officer", "HQ-ICE", RecordsOfficer),
        User("priya", "Priya Privacy Officer", "HQ-ICE", PrivacyOfficer),
        // A partner agency's analyst: reads externalReports once an administrator binds them to an MOU (none is seeded).
        User("pat", "Pat Partner Analyst", "HQ-ICE", PartnerAgencyConsumer),
        User("dave", "Dave Departed", "SAC-NYC", Agent, disabled: true),
    ];

    /// <summary>Writes the seed in one transaction when the directory has no office, organisation or user; true when it did.</summary>
    public static async Task<bool> SeedAsync(SenDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Offices.AnyAsync(cancellationToken) || await db.Organisations.AnyAsync(cancellationToken) || await db.Users.AnyAsync(cancellationToken))
            return false;

        db.Organisations.AddRange(Organisations.Select(o => new Organisation { Code = o.Code, Name = o.Name }));
        db.Offices.AddRange(Offices.Select(o => new Office
        {
            Code = o.Code, Name = o.Name, Kind = o.Kind, OrganisationCode = o.OrganisationCode, ParentCode = o.ParentCode, Area = o.Area,
            ReviewMandatory = o.ReviewMandatory,
        }));
        db.Users.AddRange(Users.Select(u => new DirectoryUser
        {
            UserName = u.UserName, DisplayName = u.DisplayName, OfficeCode = u.OfficeCode, Disabled = u.Disabled,
            Roles = u.Roles.Select(r => new DirectoryUserRole { UserName = u.UserName, Role = r.Role }).ToList(),
        }));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static Office Office(string code, string name, string kind, string organisation, string? area, string? parent = null, bool review = false) =>
        new() { Code = code, Name = name, Kind = kind, OrganisationCode = organisation, Area = area, ParentCode = parent, ReviewMandatory = review };

    private static DirectoryUser User(string userName, string displayName, string office, string role, bool disabled = false) =>
        new()
        {
            UserName = userName, DisplayName = displayName, OfficeCode = office, Disabled = disabled,
            Roles = [new DirectoryUserRole { UserName = userName, Role = role }],
        };
}
