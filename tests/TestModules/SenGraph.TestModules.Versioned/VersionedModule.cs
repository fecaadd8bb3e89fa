using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using SenGraph.Contracts.Modules;

namespace SenGraph.TestModules.Versioned;

/// <summary>
/// One module in four versions (compiled by four projects with different symbols) to test live upgrades:
/// 1.0.0; 1.1.0 adds a field (safe); 1.2.0 removes versionedHello (breaking, same major: refused);
/// 2.0.0 removes it with a new major version (applied).
/// </summary>
public sealed class VersionedModule : ISenGraphModule
{
#if V2_0
    public const string Version = "2.0.0";
#elif V1_2
    public const string Version = "1.2.0";
#elif V1_1
    public const string Version = "1.1.0";
#else
    public const string Version = "1.0.0";
#endif

    public ModuleManifest Manifest { get; } = new("versioned", "Test: versioned", Version);

    public void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
    }

    public void ConfigureSchema(ModuleSchemaBuilder schema) => schema.ExtendQuery<VersionedQueries>();
}

public sealed class VersionedQueries : ObjectGraphType
{
    public VersionedQueries()
    {
#if !(V1_2 || V2_0)
        Field<NonNullGraphType<StringGraphType>>("versionedHello").Description("Removed in 1.2.0 and 2.0.0.")
            .AllowAnonymous().Resolve(_ => "hello from " + VersionedModule.Version);
#endif
        Field<NonNullGraphType<StringGraphType>>("versionedVersion").Description("The module version serving.")
            .AllowAnonymous().Resolve(_ => VersionedModule.Version);
#if V1_1 || V1_2 || V2_0
        Field<StringGraphType>("versionedExtra").Description("Added in 1.1.0.").AllowAnonymous().Resolve(_ => "extra");
#endif
    }
}
