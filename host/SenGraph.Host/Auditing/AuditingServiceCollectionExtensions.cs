using GraphQL;
using GraphQL.DI;
using SenGraph.Contracts.Auditing;
using SenGraph.Host.GraphQL;
using SenGraph.Host.Hosting;

namespace SenGraph.Host.Auditing;

/// <summary>The audit trail: its writer, reader and verifier, its root fields, and what clients see when it cannot record a change.</summary>
public static class AuditingServiceCollectionExtensions
{
    public static IServiceCollection AddAuditing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<AuditWriterSettings>(configuration, AuditWriterSettings.Section, s => s.Problems());
        services.AddSingleton<AuditWriter>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<AuditVerifier>();
        services.AddRootFields<AuditQueries>(RootOperation.Query);
        services.AddSingleton(new UnhandledErrorMapping(e => e is AuditException || e.InnerException is AuditException
            ? new ExecutionError("The audit trail could not record this change, so nothing was changed; try again later.") { Code = AuditTrail.Unavailable }
            : null));
        return services;
    }

    /// <summary>Names each execution's audit context after its operation (<see cref="AuditOperationListener"/>).</summary>
    public static IGraphQLBuilder AddAuditing(this IGraphQLBuilder graphQL) => graphQL.AddDocumentListener<AuditOperationListener>();
}
