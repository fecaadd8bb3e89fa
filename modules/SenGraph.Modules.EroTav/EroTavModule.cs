using Microsoft.Extensions.DependencyInjection;
using SenGraph.Contracts.Modules;
using SenGraph.Contracts.Reports.Demo;
using SenGraph.Contracts.Reports.Kit;
using SenGraph.Modules.EroTav.Data;

namespace SenGraph.Modules.EroTav;

/// <summary>ERO Third Agency Visit report (PIA 1.1): the type is declared by <see cref="EroTavReport"/>.</summary>
public sealed class EroTavModule : ReportModule<EroTavReport, SqliteEroTavDbContext, SqlServerEroTavDbContext, PostgreSqlEroTavDbContext>
{
    /// <summary>The contact kind of the other agency's official who asked for the interview.</summary>
    public const string RequestingOfficial = "RequestingOfficial";

    /// <summary>The contact kind of the ERO point of contact for the visit.</summary>
    public const string EroPointOfContact = "EroPointOfContact";

    public override ModuleManifest Manifest { get; } = ModuleManifest.Of<EroTavModule>("erotav", "ERO Third Agency Visit report");

    public override void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        base.ConfigureServices(services, context);
        services.AddContactKind(RequestingOfficial, "Official contact of the other agency's personnel who asked to interview a detainee.");
        services.AddContactKind(EroPointOfContact, "The point of contact at ERO for a third agency visit.");
        services.AddDemoReports<ReportDbContext<EroTavReport>, EroTavReport>((request, amended) => EroTavDemo.Report(Type, request, amended));
    }
}
