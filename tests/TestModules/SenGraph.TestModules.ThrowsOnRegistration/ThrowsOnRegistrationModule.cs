using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using SenGraph.Contracts.Modules;

namespace SenGraph.TestModules.ThrowsOnRegistration;

/// <summary>
/// Test module that fails while registering its services. The host must report it as failed, leave
/// its field out of the schema and keep serving every other module.
/// </summary>
public sealed class ThrowsOnRegistrationModule : ISenGraphModule
{
    public ModuleManifest Manifest { get; } = new("throws-on-registration", "Test: throws in ConfigureServices", "1.0.0");

    public void ConfigureServices(IServiceCollection services, ModuleContext context) =>
        throw new InvalidOperationException("deliberate failure in registration");

    public void ConfigureSchema(ModuleSchemaBuilder schema) => schema.ExtendQuery<ThrowsOnRegistrationQueries>();
}

/// <summary>A field that must never appear: its module failed to register.</summary>
public sealed class ThrowsOnRegistrationQueries : ObjectGraphType
{
    public ThrowsOnRegistrationQueries()
    {
        Name = "ThrowsOnRegistrationQueries";
        Description = "Root query fields of the throws-on-registration test module.";
        Field<NonNullGraphType<BooleanGraphType>>("throwsOnRegistrationReached")
            .Description("Never in the schema: the module's registration throws.")
            .AllowAnonymous()
            .Resolve(_ => true);
    }
}
