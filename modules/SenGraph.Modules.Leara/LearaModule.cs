using Microsoft.Extensions.DependencyInjection;
using SenGraph.Contracts.Modules;
using SenGraph.Contracts.Reports.Demo;
using SenGraph.Contracts.Reports.Kit;
using SenGraph.Contracts.Agency;
using SenGraph.Modules.Leara.Data;
using SenGraph.Modules.Leara.GraphQL;

namespace SenGraph.Modules.Leara;

/// <summary>Law Enforcement Agency Request for Assistance (the 2007 memo, PIA 1.1): the type is declared by <see cref="LearaReport"/>.</summary>
public sealed class LearaModule : ReportModule<LearaReport, SqliteLearaDbContext, SqlServerLearaDbContext, PostgreSqlLearaDbContext>
{
    /// <summary>The contact kind of the agency or officer who asked for assistance.</summary>
    public const string RequestingParty = "RequestingParty";

    /// <summary>The contact kind of the ICE employee who received the request.</summary>
    public const string ReceivedBy = "ReceivedBy";

    public override ModuleManifest Manifest { get; } = ModuleManifest.Of<LearaModule>("leara", "Law Enforcement Agency Request for Assistance");

    public override void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        base.ConfigureServices(services, context);
        services.AddContactKind(RequestingParty, "The agency or officer who asked ICE for assistance (a LEARA's requesting party).");
        services.AddContactKind(ReceivedBy, "The ICE employee who received a request for assistance.");
        services.AddContactKind(LearaReport.ForwardedTo, "The ICE officer a request for assistance was forwarded to.");
        services.AddContactKind(LearaReport.DutyOfficer, "The duty officer for a request for assistance.");
        services.AddDemoReports<ReportDbContext<LearaReport>, LearaReport>((request, amended) => LearaDemo.Report(Type, request, amended));
    }

    public override void ConfigureAuthorization(ModuleAuthorizationBuilder authorization)
    {
        base.ConfigureAuthorization(authorization);
        authorization.AddPolicy(LearaStatistics.Policy, p => p.RequireAuthenticatedUser().RequireRole(
            [DirectoryRoles.StatisticsAnalyst, .. LearaStatistics.OperationalRoles]));
    }

    public override void ConfigureSchema(ModuleSchemaBuilder schema)
    {
        base.ConfigureSchema(schema);
        schema.ExtendQuery<LearaStatisticsQueries>();
    }
}
