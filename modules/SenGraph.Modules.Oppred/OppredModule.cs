using Microsoft.Extensions.DependencyInjection;
using SenGraph.Contracts.Modules;
using SenGraph.Contracts.Reports.Demo;
using SenGraph.Contracts.Reports.Kit;
using SenGraph.Modules.Oppred.Data;

namespace SenGraph.Modules.Oppred;

/// <summary>Operation Predator Significant Incident Arrest Report: a report type on the shared workflow (see modules/README.md). The type is declared by <see cref="OppredReport"/>.</summary>
public sealed class OppredModule : ReportModule<OppredReport, SqliteOppredDbContext, SqlServerOppredDbContext, PostgreSqlOppredDbContext>
{
    public override ModuleManifest Manifest { get; } = ModuleManifest.Of<OppredModule>("oppred", "Operation Predator Significant Incident Arrest Report");

    public override void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        base.ConfigureServices(services, context);
        services.AddDemoReports<ReportDbContext<OppredReport>, OppredReport>((request, amended) => OppredDemo.Report(Type, request, amended));
    }
}
