using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using SenGraph.Contracts.Modules;

namespace SenGraph.TestModules.Probe;

/// <summary>
/// Protected things behind every path GraphQL offers: a type with a policy reached through an
/// interface, a union and an anonymous root field; a field with a policy reached through its
/// interface; an argument and an input field with a policy. The policy admits Supervisors.
/// </summary>
public sealed class ProbeModule : ISenGraphModule
{
    public const string Policy = "probe.secret";

    public ModuleManifest Manifest { get; } = new("probe", "Test: authorization probe", "1.0.0");

    public void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
    }

    public void ConfigureAuthorization(ModuleAuthorizationBuilder authorization) =>
        authorization.AddPolicy(Policy, p => p.RequireAuthenticatedUser().RequireRole("Supervisor"));

    public void ConfigureSchema(ModuleSchemaBuilder schema) => schema
        .ExtendQuery<ProbeQueries>()
        .AddType<ProbeSecretGraphType>()
        .AddType<ProbePublicGraphType>();
}

public sealed record ProbeItem(string Kind, string Value);

public sealed class ProbeNodeGraphType : InterfaceGraphType<ProbeItem>
{
    public ProbeNodeGraphType()
    {
        Name = "ProbeNode";
        Description = "Implemented by a protected type and by a type with a protected field.";
        Field(x => x.Value).Description("The value.");
    }
}

public sealed class ProbeSecretGraphType : ObjectGraphType<ProbeItem>
{
    public ProbeSecretGraphType()
    {
        Name = "ProbeSecret";
        Description = "A type only Supervisors may see.";
        this.AuthorizeWithPolicy(ProbeModule.Policy);
        Field(x => x.Value).Description("The value.");
        Interface<ProbeNodeGraphType>();
        IsTypeOf = o => o is ProbeItem { Kind: "secret" };
    }
}

public sealed class ProbePublicGraphType : ObjectGraphType<ProbeItem>
{
    public ProbePublicGraphType()
    {
        Name = "ProbePublic";
        Description = "An open type whose value only Supervisors may see.";
        Field(x => x.Value).Description("The value.").AuthorizeWithPolicy(ProbeModule.Policy);
        Interface<ProbeNodeGraphType>();
        IsTypeOf = o => o is ProbeItem { Kind: "public" };
    }
}

public sealed class ProbeUnionGraphType : UnionGraphType
{
    public ProbeUnionGraphType()
    {
        Name = "ProbeUnion";
        Description = "Either probe type.";
        Type<ProbeSecretGraphType>();
        Type<ProbePublicGraphType>();
    }
}

public sealed class ProbeFilterInputGraphType : InputObjectGraphType
{
    public ProbeFilterInputGraphType()
    {
        Name = "ProbeFilterInput";
        Description = "A filter with a protected field.";
        Field<StringGraphType>("secretStartsWith").Description("Only Supervisors may filter on the secret.").AuthorizeWithPolicy(ProbeModule.Policy);
        Field<StringGraphType>("open").Description("Anyone may send this.");
    }
}

public sealed class ProbeQueries : ObjectGraphType
{
    public ProbeQueries()
    {
        Field<ProbeSecretGraphType>("probeAnonSecret").Description("An anonymous root field returning a protected type.")
            .AllowAnonymous().Resolve(_ => new ProbeItem("secret", "TYPE-SECRET-AT-ROOT"));
        Field<ProbeNodeGraphType>("probeNode").Description("An anonymous root field returning the interface.")
            .AllowAnonymous().Argument<StringGraphType>("kind")
            .Resolve(c => new ProbeItem(c.GetArgument<string>("kind") ?? "secret", "SECRET-VIA-INTERFACE"));
        Field<ProbeUnionGraphType>("probeUnion").Description("An anonymous root field returning the union.")
            .AllowAnonymous().Resolve(_ => new ProbeItem("secret", "SECRET-VIA-UNION"));
        Field<BooleanGraphType>("probeOracle").Description("Answers whether the secret starts with a prefix.")
            .AllowAnonymous()
            .Argument<ProbeFilterInputGraphType>("where")
            .Argument<StringGraphType>("adminOverride", a => a.AuthorizeWithPolicy(ProbeModule.Policy))
            .Resolve(c =>
            {
                var where = c.GetArgument<Dictionary<string, object?>>("where");
                var prefix = where?.GetValueOrDefault("secretStartsWith") as string ?? c.GetArgument<string>("adminOverride");
                return prefix is not null && "HIDDEN".StartsWith(prefix, StringComparison.Ordinal);
            });
    }
}
