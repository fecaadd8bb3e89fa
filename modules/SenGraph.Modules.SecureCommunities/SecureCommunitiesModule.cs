using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Modules;
using SenGraph.Contracts.Persistence;
using SenGraph.Modules.SecureCommunities.Cli;
using SenGraph.Modules.SecureCommunities.Dashboard;
using SenGraph.Modules.SecureCommunities.Data;
using SenGraph.Modules.SecureCommunities.GraphQL;
using SenGraph.Modules.SecureCommunities.Import;
using SenGraph.Modules.SecureCommunities.Metrics;

namespace SenGraph.Modules.SecureCommunities;

/// <summary>
/// Secure Communities metrics (seed 003, issue 19): IDENT/IAFIS interoperability transmissions and case events imported
/// from the interface files (<see cref="ScImporter"/>), the briefings' outcome tables and cumulative metrics in SQL
/// (<see cref="ScMetrics"/>), the <c>sc</c> command line verb and the chart page. Its figures hold no PII.
/// </summary>
public sealed class SecureCommunitiesModule : ISenGraphModule
{
    /// <summary>Secure Communities program office staff: manage deployments (sites, ORIs, tasks, Go decisions) and read the metrics.</summary>
    public const string ProgramStaff = "SC Program Staff";

    /// <summary>Who may import the interface files (the upload mutation).</summary>
    public const string DataImporter = "SC Data Importer";

    public const string MetricsPolicy = "securecommunities.metrics";
    public const string ImportPolicy = "securecommunities.import";
    public const string ReadinessReaderPolicy = "securecommunities.readiness.reader";
    public const string ReadinessManagerPolicy = "securecommunities.readiness.manager";

    public ModuleManifest Manifest { get; } = ModuleManifest.Of<SecureCommunitiesModule>("securecommunities", "Secure Communities metrics");

    public void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        services.AddModuleDatabase<ScDbContext, SqliteScDbContext, SqlServerScDbContext, PostgreSqlScDbContext>(context);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ScImporter>();
        services.AddSingleton<ScMetrics>();
        services.AddSingleton<ScDeployments>();
    }

    public void ConfigureRoles(ModuleRoleBuilder roles) => roles
        .Add(ProgramStaff, "Secure Communities program office staff: manage deployment readiness (sites, ORIs, prerequisite tasks, Go decisions); read the metrics.",
            HostGrant.Records | HostGrant.Statistics)
        .Add(DataImporter, "Imports the Secure Communities interface files (IDENT/IAFIS transmissions and case events); nothing else.", HostGrant.Records);

    public void ConfigureAuthorization(ModuleAuthorizationBuilder authorization)
    {
        authorization.AddPolicy(MetricsPolicy, p => p.RequireAuthenticatedUser()
            .RequireRole(DirectoryRoles.StatisticsAnalyst, DirectoryRoles.HeadquartersAgent, ProgramStaff));
        authorization.AddPolicy(ImportPolicy, p => p.RequireAuthenticatedUser().RequireRole(DataImporter));
        authorization.AddPolicy(ReadinessReaderPolicy, p => p.RequireAuthenticatedUser().RequireRole(DirectoryRoles.HeadquartersAgent, ProgramStaff));
        authorization.AddPolicy(ReadinessManagerPolicy, p => p.RequireAuthenticatedUser().RequireRole(ProgramStaff));
    }

    public void ConfigureSchema(ModuleSchemaBuilder schema) => schema.ExtendQuery<ScQueries>().ExtendMutation<ScMutations>();

    public void ConfigureCommands(ModuleCommandBuilder commands) =>
        commands.Add("sc", "Secure Communities: import the interface files, print the outcome table and the cumulative metrics.", ScCommands.RunAsync);

    public void ConfigureEndpoints(ModuleEndpointBuilder endpoints) => ScDashboard.Map(endpoints);
}
