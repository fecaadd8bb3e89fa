using Microsoft.Extensions.DependencyInjection;
using SenGraph.Contracts.Modules;
using SenGraph.Contracts.Reports.Demo;
using SenGraph.Contracts.Reports.Kit;
using SenGraph.Modules.Spot.Data;

namespace SenGraph.Modules.Spot;

/// <summary>SPOT report (PIA Overview, 1.1): the type is declared by <see cref="SpotReport"/>; the kit does the rest.</summary>
public sealed class SpotModule : ReportModule<SpotReport, SqliteSpotDbContext, SqlServerSpotDbContext, PostgreSqlSpotDbContext>
{
    /// <summary>The contact kind of the government points of contact a SPOT names (PIA 1.1).</summary>
    public const string GovernmentPointOfContact = "GovernmentPointOfContact";

    public override ModuleManifest Manifest { get; } = ModuleManifest.Of<SpotModule>("spot", "SPOT report");

    public override void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        base.ConfigureServices(services, context);
        services.AddContactKind(GovernmentPointOfContact, "A government point of contact for the threat or incident a SPOT report conveys.");
        services.AddDemoReports<ReportDbContext<SpotReport>, SpotReport>((request, amended) => SpotDemo.Report(Type, request, amended));
    }
}
