using Microsoft.Extensions.DependencyInjection;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Modules;
using SenGraph.Contracts.Reports.Demo;
using SenGraph.Contracts.Reports.Kit;
using SenGraph.Contracts.Reports.Workflow;
using SenGraph.Contracts.Security;
using SenGraph.Modules.EroLead.Data;
using SenGraph.Modules.EroLead.GraphQL;

namespace SenGraph.Modules.EroLead;

/// <summary>
/// ERO intelligence report (ERO LEAD, PIA 1.1, 2.1, 4.1): the type is declared by <see cref="EroLeadReport"/>; the module adds
/// ERO's Intelligence Operations Unit (office kind <c>IOU</c>, role <c>IOU Analyst</c>), which flags leads for HSI and
/// authorises their dissemination as PII-free products to partner agencies (office kind <c>PARTNER</c>, role
/// <c>Partner Agency Liaison</c>).
/// </summary>
public sealed class EroLeadModule : ReportModule<EroLeadReport, SqliteEroLeadDbContext, SqlServerEroLeadDbContext, PostgreSqlEroLeadDbContext>, ISenGraphModule
{
    /// <summary>The person role of a business or organisation a lead concerns (its name in <c>lastName</c>).</summary>
    public const string Organisation = "Organisation";

    public override ModuleManifest Manifest { get; } = ModuleManifest.Of<EroLeadModule>("erolead", "ERO intelligence report");

    public override void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        base.ConfigureServices(services, context);
        services.AddOfficeKind(EroLeadRoles.IntelligenceOperationsUnit, "ERO Intelligence Operations Unit: receives ERO LEADs and flags items for HSI.");
        services.AddOfficeKind(EroLeadRoles.PartnerAgency, "An outside agency's desk (CBP, U.S. Marshals, DHS I&A, ...) that receives PII-free ERO LEAD products.");
        services.AddPersonRole(Organisation, "A business or organisation named on the report.");
        services.AddExternalProductSource<EroLeadExternalProducts>();
        services.AddDemoReports<ReportDbContext<EroLeadReport>, EroLeadReport>((request, amended) => EroLeadDemo.Report(Type, request, amended));
    }

    public void ConfigureRoles(ModuleRoleBuilder roles)
    {
        roles.Add(EroLeadRoles.IouAnalyst,
            "ERO Intelligence Operations Unit analysts: analyse every ERO LEAD, flag leads for HSI, authorise PII-free dissemination products.",
            HostGrant.Records | HostGrant.PiiNeedToKnow);
        roles.Add(EroLeadRoles.PartnerLiaison,
            "Personnel of an outside agency (CBP, U.S. Marshals, DHS I&A, ...): read the ERO LEAD products disseminated to their agency's office, nothing else.",
            HostGrant.Records);
    }

    public override void ConfigureAuthorization(ModuleAuthorizationBuilder authorization)
    {
        base.ConfigureAuthorization(authorization);
        authorization.AddPolicy(EroLeadRoles.AnalystPolicy, p => p.RequireAuthenticatedUser().RequireRole(EroLeadRoles.IouAnalyst));
        authorization.AddPolicy(EroLeadRoles.ProductsPolicy, p => p.RequireAuthenticatedUser().RequireRole(EroLeadRoles.IouAnalyst, EroLeadRoles.PartnerLiaison));
    }

    public override void ConfigureSchema(ModuleSchemaBuilder schema)
    {
        base.ConfigureSchema(schema);
        schema.ExtendQuery<EroLeadQueries>().ExtendMutation<EroLeadMutations>();
    }
}
