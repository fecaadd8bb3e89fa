using Microsoft.Extensions.DependencyInjection;
using SenGraph.Contracts.Modules;
using SenGraph.Contracts.Persistence;
using SenGraph.Modules.Sir.Data;
using SenGraph.Modules.Sir.GraphQL;

namespace SenGraph.Modules.Sir;

/// <summary>
/// Significant Incident Report: field agents and officers report events that already happened
/// (significant arrests, assaults on employees, firearm discharges, significant seizures).
/// </summary>
public sealed class SirModule : ISenGraphModule
{
    public ModuleManifest Manifest { get; } = new("sir", "Significant Incident Report", "1.0.0");

    public void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        services.AddModuleDatabase<SirDbContext, SqliteSirDbContext, SqlServerSirDbContext>(context);
        services.AddSingleton<SirDrafts>();
    }

    public void ConfigureAuthorization(ModuleAuthorizationBuilder authorization)
    {
        authorization.AddPolicy(SirPolicies.Author, p => p.RequireAuthenticatedUser().RequireRole(SirPolicies.AuthorRoles));
        authorization.AddPolicy(SirPolicies.Reader, p => p.RequireAuthenticatedUser());
    }

    public void ConfigureSchema(ModuleSchemaBuilder schema) => schema
        .ExtendQuery<SirQueries>()
        .ExtendMutation<SirMutations>();
}

/// <summary>The policies this module declares.</summary>
public static class SirPolicies
{
    /// <summary>May draft and edit SIRs.</summary>
    public const string Author = "sir.author";

    /// <summary>May read SIRs.</summary>
    public const string Reader = "sir.reader";

    /// <summary>Field agents and officers write SIRs; supervisors may too.</summary>
    public static readonly string[] AuthorRoles = ["Agent", "Supervisor"];
}
