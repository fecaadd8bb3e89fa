using Microsoft.Extensions.DependencyInjection;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Modules;
using SenGraph.Contracts.Persistence;
using SenGraph.Contracts.Reports.Demo;
using SenGraph.Contracts.Reports.Workflow;
using SenGraph.Modules.Sir.Data;
using SenGraph.Modules.Sir.GraphQL;

namespace SenGraph.Modules.Sir;

/// <summary>
/// Significant Incident Report: field agents and officers report events that already happened
/// (significant arrests, assaults on employees, firearm discharges, significant seizures). Review is
/// optional for the type (an office can make it mandatory); on submission a SIR goes to the submitter's
/// SAC or RAC, the area's FOD and FIG, and the IROC.
/// </summary>
public sealed class SirModule : ISenGraphModule
{
    public ModuleManifest Manifest { get; } = new("sir", "Significant Incident Report", "2.0.0");

    public void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        services.AddModuleDatabase<SirDbContext, SqliteSirDbContext, SqlServerSirDbContext>(context);
        services.AddReportType<SirDbContext, SirReport>(new ReportTypeOptions
        {
            Code = SirReport.TypeCode,
            Name = "Significant Incident Report",
            ReviewMandatory = false,
            Routes = ReportRoutes.FieldOfficesAndIroc,
            AuthorPolicy = SirPolicies.Author,
            ReviewPolicy = SirPolicies.Reviewer,
            ReadPolicy = SirPolicies.Reader,
        });
        services.AddDemoReports<SirDbContext, SirReport>(SirDemo.Report);
    }

    public void ConfigureAuthorization(ModuleAuthorizationBuilder authorization)
    {
        authorization.AddPolicy(SirPolicies.Author, p => p.RequireAuthenticatedUser().RequireRole(SirPolicies.AuthorRoles));
        authorization.AddPolicy(SirPolicies.Reviewer, p => p.RequireAuthenticatedUser().RequireRole(SirPolicies.ReviewerRoles));
        authorization.AddPolicy(SirPolicies.Reader, p => p.RequireAuthenticatedUser().RequireRole(SirPolicies.ReaderRoles));
    }

    public void ConfigureSchema(ModuleSchemaBuilder schema) => schema
        .ExtendQuery<SirQueries>()
        .ExtendMutation<SirMutations>()
        .AddType<SirGraphType>();
}

/// <summary>The policies this module declares.</summary>
public static class SirPolicies
{
    /// <summary>May draft, edit, submit and amend SIRs.</summary>
    public const string Author = "sir.author";

    /// <summary>May return and approve SIRs of their office.</summary>
    public const string Reviewer = "sir.reviewer";

    /// <summary>May read SIRs (what each reader sees is narrowed further by office and routing).</summary>
    public const string Reader = "sir.reader";

    /// <summary>Field agents and officers write SIRs; supervisors may too.</summary>
    public static readonly string[] AuthorRoles = [DirectoryRoles.Agent, DirectoryRoles.Supervisor];

    public static readonly string[] ReviewerRoles = [DirectoryRoles.Supervisor];

    /// <summary>Everyone with a need to know a SIR's details; statistics analysts and public affairs get aggregates only.</summary>
    public static readonly string[] ReaderRoles =
    [
        DirectoryRoles.Agent, DirectoryRoles.Supervisor, DirectoryRoles.OfficeManager, DirectoryRoles.IrocStaff,
        DirectoryRoles.HeadquartersAgent, DirectoryRoles.HsiIntelligence, DirectoryRoles.ProfessionalResponsibility,
    ];
}
