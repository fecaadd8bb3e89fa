using System.Diagnostics;
using GraphQL;
using GraphQL.Instrumentation;
using GraphQL.Types;

namespace SenGraph.Host.Observability;

/// <summary>
/// Times every root field (Query, Mutation, Subscription) with the module that contributes it, the host's fields
/// tagged <c>host</c>. Registered only while telemetry is on, and only measures when something listens.
/// </summary>
public sealed class FieldTimer(SenGraphMetrics metrics) : IFieldMiddleware
{
    /// <summary>Field metadata the schema composer sets on each root field: the id of the module (or host) that contributes it.</summary>
    public const string OwnerMetadata = "sengraph.owner";

    public async ValueTask<object?> ResolveAsync(IResolveFieldContext context, FieldMiddlewareDelegate next)
    {
        if (!metrics.FieldDuration.Enabled || context.Parent is not null) return await next(context);

        var started = Stopwatch.GetTimestamp();
        try
        {
            return await next(context);
        }
        finally
        {
            metrics.FieldDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new TagList
            {
                { "graphql.field", $"{context.ParentType.Name}.{context.FieldDefinition.Name}" },
                { "sengraph.module", context.FieldDefinition.GetMetadata<string>(OwnerMetadata) ?? "unknown" },
            });
        }
    }
}
