using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using SenGraph.Contracts.Modules;

namespace SenGraph.TestModules.Abuse;

/// <summary>
/// Resolvers that misbehave the way the host's abuse limits must contain: one that runs until it is
/// cancelled (the execution timeout), one that throws an exception carrying SQL and a secret (errors
/// must not leak it).
/// </summary>
public sealed class AbuseModule : ISenGraphModule
{
    /// <summary>What <c>abuseFailure</c>'s exception says: nothing of it may reach a client outside Development.</summary>
    public const string FailureMessage = "SQLite Error 1: 'no such column: secret_4711'. SELECT password FROM users WHERE name = 'root'";

    public ModuleManifest Manifest { get; } = new("abuse", "Test: abuse limits", "1.0.0");

    public void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
    }

    public void ConfigureSchema(ModuleSchemaBuilder schema) => schema.ExtendQuery<AbuseQueries>();
}

/// <summary>Root query fields of the abuse test module.</summary>
public sealed class AbuseQueries : ObjectGraphType
{
    // Per load of the module, so per test host.
    private static int _running;

    public AbuseQueries()
    {
        Name = "AbuseQueries";
        Description = "Root query fields of the abuse test module.";

        Field<NonNullGraphType<StringGraphType>>("abuseSlow")
            .Description("Never answers: waits until the request is cancelled.")
            .AllowAnonymous()
            .ResolveAsync(async c =>
            {
                Interlocked.Increment(ref _running);
                try
                {
                    await Task.Delay(Timeout.InfiniteTimeSpan, c.CancellationToken);
                    return "unreachable";
                }
                finally
                {
                    Interlocked.Decrement(ref _running);
                }
            });

        Field<NonNullGraphType<IntGraphType>>("abuseRunning")
            .Description("How many abuseSlow resolvers are still waiting (not yet cancelled).")
            .AllowAnonymous()
            .Resolve(_ => Volatile.Read(ref _running));

        Field<NonNullGraphType<StringGraphType>>("abuseFailure")
            .Description("Always fails with an exception whose message holds SQL.")
            .AllowAnonymous()
            .Resolve(object? (_) => throw new InvalidOperationException(AbuseModule.FailureMessage));
    }
}
