using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using SenGraph.Contracts.Modules;

namespace SenGraph.TestModules.FutureContracts;

/// <summary>
/// Test module built "for contracts 2.0.0": the host (contracts 1.x) must refuse it before calling
/// anything else on it, and keep serving the others.
/// </summary>
public sealed class FutureContractsModule : ISenGraphModule
{
    public ModuleManifest Manifest { get; } =
        new("future-contracts", "Test: targets contracts 2.0.0", "1.0.0", ContractsVersion: "2.0.0");

    public void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
    }

    public void ConfigureSchema(ModuleSchemaBuilder schema) => schema.ExtendQuery<FutureContractsQueries>();
}

/// <summary>A harmless field that must not appear: the module targets unsupported contracts.</summary>
public sealed class FutureContractsQueries : ObjectGraphType
{
    public FutureContractsQueries()
    {
        Name = "FutureContractsQueries";
        Description = "Root query fields of the future-contracts test module.";
        Field<NonNullGraphType<StringGraphType>>("futureContractsPing")
            .Description("Never in the schema of a contracts 1.x host.")
            .AllowAnonymous()
            .Resolve(_ => "pong");
    }
}
