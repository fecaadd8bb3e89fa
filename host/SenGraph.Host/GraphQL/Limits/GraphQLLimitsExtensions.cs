using GraphQL;
using GraphQL.DI;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Options;
using SenGraph.Host.Hosting;

namespace SenGraph.Host.GraphQL.Limits;

/// <summary>Wires the abuse limits: <see cref="AddGraphQLLimits(IServiceCollection, IConfiguration, IHostEnvironment)"/> binds and checks the settings, <see cref="AddGraphQLLimits(IGraphQLBuilder)"/> puts them in GraphQL.NET's pipeline.</summary>
public static class GraphQLLimitsExtensions
{
    /// <summary>
    /// Binds the <c>GraphQL</c> section and checks it at once, while the host is being built: a bad value stops
    /// the host before anything starts, with every problem and the key to fix (as the signing key check does).
    /// </summary>
    public static IServiceCollection AddGraphQLLimits(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSettings(configuration, GraphQLOptions.Section, new GraphQLOptionsValidator(environment));
        services.AddSingleton<GraphQLLimits>();
        return services;
    }

    /// <summary>
    /// Every limit, for every execution whichever transport it came from: the validation rules, the timeout, the
    /// allow-list, the token count, and what errors may say (a feature's <see cref="UnhandledErrorMapping"/> gives its
    /// exceptions their meaning).
    /// </summary>
    public static IGraphQLBuilder AddGraphQLLimits(this IGraphQLBuilder graphQL) => graphQL
        .ConfigureExecution(sp => new GraphQLLimits.Execution(sp.GetRequiredService<GraphQLLimits>(), sp.GetRequiredService<IHostApplicationLifetime>()))
        .ConfigureExecution(sp => new GraphQLLimits.TokenLimit(sp.GetRequiredService<GraphQLLimits>()))
        .AddValidationRule(sp => sp.GetRequiredService<GraphQLLimits>().OperationSize, useForCachedDocuments: true)
        .AddValidationRule(sp => sp.GetRequiredService<GraphQLLimits>().Complexity, useForCachedDocuments: true)
        .AddValidationRule(_ => WellFormedStringsRule.Instance)
        .AddErrorInfoProvider(o => o.ExposeExceptionDetails = false)
        .AddUnhandledExceptionHandler(context =>
        {
            if (context.OriginalException is GraphQLMaxDepthExceededException)
            {
                // The parser's guard against a stack overflow (GraphQL.NET reports only its other syntax errors):
                // the client's document, not a fault of ours, so neither an internal error nor an Error log.
                context.Exception = new ExecutionError(
                    "The document nests lists, objects or selections more deeply than the parser allows.") { Code = LimitErrorCodes.DocumentTooDeep };
                return;
            }

            var services = context.Context?.RequestServices ?? context.ExecutionOptions?.RequestServices;
            if (SenGraph.Host.Storage.DatabaseConflicts.IsConflict(context.OriginalException))
            {
                services?.GetService<ILogger<GraphQLLimits>>()?.LogWarning(context.OriginalException,
                    "A concurrent database change stopped {Operation}; answered CONFLICT", context.Context?.Operation?.Name?.Value);
                context.Exception = new ExecutionError(SenGraph.Host.Storage.DatabaseConflicts.Message) { Code = SenGraph.Host.Storage.DatabaseConflicts.Code };
                return;
            }

            services?.GetService<ILogger<GraphQLLimits>>()?.LogError(context.OriginalException,
                "Unhandled error while executing {Operation} at {Path}", context.Context?.Operation?.Name?.Value,
                context.FieldContext?.Path is { } path ? string.Join('.', path) : null);
            if ((services?.GetServices<UnhandledErrorMapping>() ?? []).Select(m => m.Map(context.OriginalException)).FirstOrDefault(e => e is not null) is { } mapped)
                context.Exception = mapped;
            else if (services?.GetService<GraphQLLimits>()?.ExposeExceptionMessages == true)
                context.ErrorMessage = context.OriginalException.Message;
            else
                context.Exception = new ExecutionError("Internal server error.") { Code = LimitErrorCodes.InternalServerError };
        });
}
