using Microsoft.Extensions.DependencyInjection;
using SenGraph.Contracts.Modules;
using SenGraph.Contracts.Persistence;
using SenGraph.Modules.Sample.Data;
using SenGraph.Modules.Sample.GraphQL;

namespace SenGraph.Modules.Sample;

/// <summary>Sample report: a SenGraph module (see README, "Writing a module").</summary>
public sealed class SampleModule : ISenGraphModule
{
    // Id: lower-case letters, digits, dashes; it names the module's migrations history table
    // (__Migrations_<id>) and prefixes its policies. Version: semantic version, bump it with every release.
    public ModuleManifest Manifest { get; } = new("sample", "Sample report", "1.0.0");

    public void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        services.AddModuleDatabase<SampleDbContext, SqliteSampleDbContext, SqlServerSampleDbContext>(context);
        services.AddSingleton<SampleReports>();
    }

    public void ConfigureAuthorization(ModuleAuthorizationBuilder authorization)
    {
        authorization.AddPolicy(SamplePolicies.Author, p => p.RequireAuthenticatedUser().RequireRole(SamplePolicies.AuthorRoles));
        authorization.AddPolicy(SamplePolicies.Reader, p => p.RequireAuthenticatedUser());
    }

    public void ConfigureSchema(ModuleSchemaBuilder schema) => schema
        .ExtendQuery<SampleQueries>()
        .ExtendMutation<SampleMutations>();
}

/// <summary>The policies this module declares. Policy names are global: they start with the module id.</summary>
public static class SamplePolicies
{
    /// <summary>May create Sample reports.</summary>
    public const string Author = "sample.author";

    /// <summary>May read Sample reports.</summary>
    public const string Reader = "sample.reader";

    public static readonly string[] AuthorRoles = ["Agent", "Supervisor"];
}
