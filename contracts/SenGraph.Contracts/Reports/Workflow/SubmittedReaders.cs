using SenGraph.Contracts.Agency;

namespace SenGraph.Contracts.Reports.Workflow;

/// <summary>
/// Who reads every submitted report of a type, whatever office it comes from and whoever received it (beyond its
/// author, its originating office, the supervisor it names and its recipients, who always do). A report type declares
/// it (<see cref="IReportType.SubmittedReaders"/>); the type's read policy still decides who reads the type at all.
/// </summary>
public sealed record SubmittedReaders
{
    private SubmittedReaders(bool everyReader, IEnumerable<string> roles)
    {
        EveryReader = everyReader;
        Roles = new HashSet<string>(roles, StringComparer.Ordinal);
    }

    /// <summary>Every user the type's read policy admits reads every submitted report (SPOT: "can be read by all SEN users").</summary>
    public bool EveryReader { get; }

    /// <summary>The roles whose holders read every submitted report of the type.</summary>
    public IReadOnlySet<string> Roles { get; }

    /// <summary>The default (SIR's): IROC staff, headquarters agents, HSI intelligence and OPR.</summary>
    public static SubmittedReaders CrossOffice { get; } = new(false,
        [DirectoryRoles.IrocStaff, DirectoryRoles.HeadquartersAgent, DirectoryRoles.HsiIntelligence, DirectoryRoles.ProfessionalResponsibility]);

    /// <summary>Every user who may read the type reads every submitted report of it.</summary>
    public static SubmittedReaders Everyone { get; } = new(true, []);

    /// <summary>Only holders of <paramref name="roles"/> (none: only recipients and the originating office read a submitted report).</summary>
    public static SubmittedReaders OnlyRoles(params string[] roles) => new(false, roles);

    /// <summary>Whether <paramref name="viewer"/> reads every submitted report of a type that declares this.</summary>
    public bool Include(ReportViewer viewer) => viewer.IsAuthenticated && (EveryReader || viewer.Roles.Overlaps(Roles));
}
