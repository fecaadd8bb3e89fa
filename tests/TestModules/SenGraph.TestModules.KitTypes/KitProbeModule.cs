using Microsoft.Extensions.DependencyInjection;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Modules;
using SenGraph.Contracts.Reports.Kit;
using SenGraph.TestModules.KitTypes.Data;

namespace SenGraph.TestModules.KitTypes;

/// <summary>
/// The kit probe: one declared report type (<see cref="KitProbeReport"/>) using the kit's extension points, and an office kind.
/// Built as 1.0.0 by this project and as 1.1.0 (another retention schedule) by <c>SenGraph.TestModules.KitTypes.V1_1</c>.
/// </summary>
public sealed class KitProbeModule : ReportModule<KitProbeReport, SqliteKitProbeDbContext, SqlServerKitProbeDbContext, PostgreSqlKitProbeDbContext>
{
#if V1_1
    public const string Version = "1.1.0";
#else
    public const string Version = "1.0.0";
#endif

    public override ModuleManifest Manifest { get; } = new("kit-types", "Kit probe report", Version);

    public override void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        base.ConfigureServices(services, context);
        services.AddOfficeKind(KitProbeReport.IntelligenceOperationsUnit, "ERO Intelligence Operations Unit: receives ERO LEADs and flags items for HSI.");
        services.AddContactKind("RequestingParty", "The agency or officer who asked for the information (a LEARA's requesting party).");
        services.AddPersonRole("Organisation", "A business or organisation named on the report.");
    }
}
