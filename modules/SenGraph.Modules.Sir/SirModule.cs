using Microsoft.Extensions.DependencyInjection;
using SenGraph.Contracts.Modules;
using SenGraph.Contracts.Reports.Demo;
using SenGraph.Contracts.Reports.Kit;
using SenGraph.Modules.Sir.Data;

namespace SenGraph.Modules.Sir;

/// <summary>Significant Incident Report (PIA 1.1): the type is declared by <see cref="SirReport"/>; the kit does the rest.</summary>
public sealed class SirModule : ReportModule<SirReport, SqliteSirDbContext, SqlServerSirDbContext, PostgreSqlSirDbContext>
{
    public override ModuleManifest Manifest { get; } = ModuleManifest.Of<SirModule>("sir", "Significant Incident Report");

    public override void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        base.ConfigureServices(services, context);
        services.AddDemoReports<ReportDbContext<SirReport>, SirReport>((request, amended) => SirDemo.Report(Type, request, amended));
    }
}
