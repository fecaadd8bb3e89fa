using GraphQL;
using GraphQL.Types;
using SenGraph.Contracts.Schema;
using SenGraph.Host.Modules;

namespace SenGraph.Host.GraphQL;

/// <summary>The host's own mutations: module administration.</summary>
public sealed class HostMutations : ObjectGraphType
{
    public const string AdministratorRole = "System Administrator";

    public HostMutations(ModuleCatalog catalog, SchemaHost schemas)
    {
        Field<NonNullGraphType<SetModuleEnabledPayloadGraphType>>("disableModule")
            .Description("Takes a module out of the schema until it is enabled again (remembered across restarts). System Administrators only.")
            .Argument<NonNullGraphType<ModuleIdInputGraphType>>("input")
            .AuthorizeWithRoles(AdministratorRole)
            .ResolveAsync(async c => await SetEnabledAsync(c, enabled: false));

        Field<NonNullGraphType<SetModuleEnabledPayloadGraphType>>("enableModule")
            .Description("Puts a disabled module back into the schema. System Administrators only.")
            .Argument<NonNullGraphType<ModuleIdInputGraphType>>("input")
            .AuthorizeWithRoles(AdministratorRole)
            .ResolveAsync(async c => await SetEnabledAsync(c, enabled: true));

        async Task<SetModuleEnabledPayload> SetEnabledAsync(IResolveFieldContext context, bool enabled)
        {
            var id = context.GetArgument<ModuleIdInput>("input").Id;
            if (schemas.Current.Modules.All(m => m.Id != id))
                return new SetModuleEnabledPayload(null, [UserError.ForField("NOT_FOUND", $"No module has the id '{id}'.", "id")]);
            var module = await catalog.SetEnabledAsync(id, enabled, context.CancellationToken);
            return new SetModuleEnabledPayload(module, []);
        }
    }
}

public sealed record ModuleIdInput(string Id);

public sealed record SetModuleEnabledPayload(ModuleDescriptor? Module, IReadOnlyList<UserError> Errors);

public sealed class ModuleIdInputGraphType : InputObjectGraphType<ModuleIdInput>
{
    public ModuleIdInputGraphType()
    {
        Name = "ModuleIdInput";
        Description = "Names a module.";
        Field(x => x.Id).Description("The module's id, as `modules` shows it.");
    }
}

public sealed class SetModuleEnabledErrorGraphType() : UserErrorGraphType("SetModuleEnabledError");

public sealed class SetModuleEnabledPayloadGraphType : ObjectGraphType<SetModuleEnabledPayload>
{
    public SetModuleEnabledPayloadGraphType()
    {
        Name = "SetModuleEnabledPayload";
        Description = "The module after the change, or why nothing changed.";
        Field<ModuleGraphType>("module").Description("The module as it now stands.").Resolve(c => c.Source.Module);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SetModuleEnabledErrorGraphType>>>>("errors")
            .Description("Empty on success.").Resolve(c => c.Source.Errors);
    }
}
