using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using SenGraph.Contracts.Modules;
using SenGraph.Contracts.Security;

namespace SenGraph.TestModules.Greeting;

/// <summary>
/// A well-behaved test module: an anonymous field, and one protected by its own policy. Tests load
/// it next to failing modules and check that it keeps serving.
/// </summary>
public sealed class GreetingModule : ISenGraphModule
{
    /// <summary>The policy that protects <c>secretGreeting</c>.</summary>
    public const string ReaderPolicy = "greeting.reader";

    public ModuleManifest Manifest { get; } = new("greeting", "Test: greeting", "1.0.0");

    public void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
    }

    public void ConfigureAuthorization(ModuleAuthorizationBuilder authorization) =>
        authorization.AddPolicy(ReaderPolicy, p => p.RequireAuthenticatedUser().RequireRole("Agent"));

    public void ConfigureSchema(ModuleSchemaBuilder schema) => schema.ExtendQuery<GreetingQueries>();
}

/// <summary>Root query fields of the greeting test module.</summary>
public sealed class GreetingQueries : ObjectGraphType
{
    public GreetingQueries()
    {
        Name = "GreetingQueries";
        Description = "Root query fields of the greeting test module.";

        Field<NonNullGraphType<StringGraphType>>("greeting")
            .Description("Greets the given name; open to anyone.")
            .Argument<NonNullGraphType<StringGraphType>>("name", "Who to greet.")
            .AllowAnonymous()
            .Resolve(ctx => $"Hello, {ctx.GetArgument<string>("name")}");

        Field<NonNullGraphType<StringGraphType>>("secretGreeting")
            .Description("Greets the caller; requires the greeting.reader policy (an authenticated Agent).")
            .AuthorizeWithPolicy(GreetingModule.ReaderPolicy)
            .Resolve(ctx => $"Hello, agent {ctx.User.GetUserName()}");
    }
}
