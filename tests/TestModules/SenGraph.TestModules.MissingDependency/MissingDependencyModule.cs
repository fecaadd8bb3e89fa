using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using SenGraph.Contracts.Modules;
using SenGraph.TestModules.MissingDependency.Library;

namespace SenGraph.TestModules.MissingDependency;

/// <summary>
/// Test module whose ConfigureServices uses a type from its private library
/// (SenGraph.TestModules.MissingDependency.Library.dll). With the library deleted from the plugin
/// folder, ConfigureServices fails with FileNotFoundException; the host must report the module as
/// failed and keep serving the others. No type of this assembly derives from a library type, so the
/// assembly itself still loads and its types can be enumerated.
/// </summary>
public sealed class MissingDependencyModule : ISenGraphModule
{
    public ModuleManifest Manifest { get; } = new("missing-dependency", "Test: private dependency can go missing", "1.0.0");

    public void ConfigureServices(IServiceCollection services, ModuleContext context) =>
        services.AddSingleton(new MissingDependencyMessages());

    public void ConfigureSchema(ModuleSchemaBuilder schema) => schema.ExtendQuery<MissingDependencyQueries>();
}

/// <summary>
/// Root query fields of the missing-dependency test module. Created by the module's container, so it
/// takes the library's service through its constructor.
/// </summary>
public sealed class MissingDependencyQueries : ObjectGraphType
{
    public MissingDependencyQueries(MissingDependencyMessages messages)
    {
        Name = "MissingDependencyQueries";
        Description = "Root query fields of the missing-dependency test module.";
        Field<NonNullGraphType<StringGraphType>>("missingDependencyMessage")
            .Description("A message from the module's private library (only there when the library is).")
            .AllowAnonymous()
            .Resolve(_ => messages.Message);
    }
}
