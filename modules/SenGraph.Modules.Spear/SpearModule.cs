using Microsoft.Extensions.DependencyInjection;
using SenGraph.Contracts.Modules;
using SenGraph.Contracts.Reports.Demo;
using SenGraph.Contracts.Reports.Kit;
using SenGraph.Modules.Spear.Data;

namespace SenGraph.Modules.Spear;

/// <summary>Significant Prospective Enforcement Activity Report: a report type on the shared workflow (see modules/README.md). The type is declared by <see cref="SpearReport"/>.</summary>
public sealed class SpearModule : ReportModule<SpearReport, SqliteSpearDbContext, SqlServerSpearDbContext, PostgreSqlSpearDbContext>
{
    public override ModuleManifest Manifest { get; } = ModuleManifest.Of<SpearModule>("spear", "Significant Prospective Enforcement Activity Report");

    public override void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        base.ConfigureServices(services, context);
        services.AddDemoReports<ReportDbContext<SpearReport>, SpearReport>((request, amended) => SpearDemo.Report(Type, request, amended));
    }
}
