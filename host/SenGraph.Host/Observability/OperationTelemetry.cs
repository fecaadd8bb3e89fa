using System.Collections;
using System.Diagnostics;
using GraphQL;
using GraphQL.DI;
using GraphQLParser.AST;
using SenGraph.Contracts.Auditing;
using SenGraph.Host.Auditing;

namespace SenGraph.Host.Observability;

/// <summary>
/// Around every GraphQL operation, on every transport (HTTP, WebSocket, SSE): a logging scope with the request id,
/// the user name and the operation name (never a variable or a result value: those may be PII), and the operation's
/// count, duration and error codes as metrics.
/// </summary>
public sealed class OperationTelemetry(SenGraphMetrics metrics, ILogger<OperationTelemetry> logger) : IConfigureExecution
{
    // Outermost: the scope covers the limits, the document cache and the execution.
    public float SortOrder => 100;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        var audit = options.UserContext.TryGetValue(AuditOperationListener.Key, out var value) ? value as AuditContext : null;
        using var scope = logger.BeginScope(new LogScope(audit, options.OperationName));
        var started = Stopwatch.GetTimestamp();
        var result = await next(options);

        var name = metrics.TagFor(OperationName(result, options));
        var type = result.Operation?.Operation.ToString().ToLowerInvariant() ?? "none";
        var tags = new TagList { { "graphql.operation.name", name }, { "graphql.operation.type", type } };
        metrics.Operations.Add(1, tags);
        metrics.OperationDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        foreach (var error in result.Errors ?? [])
            metrics.Errors.Add(1, new TagList { { "error.code", error.Code ?? "UNKNOWN" }, { "graphql.operation.name", name } });
        return result;
    }

    /// <summary>
    /// The name sent, else the executed operation's, else (a document refused before execution, whose result holds no
    /// document) the name of its only operation, parsed again: that happens on refusals only, and the limits bound the size.
    /// </summary>
    private static string? OperationName(ExecutionResult result, ExecutionOptions options)
    {
        if ((options.OperationName ?? result.Operation?.Name?.StringValue) is { } name) return name;
        if (result.Executed || options.Query is null) return null;
        try
        {
            var document = result.Document ?? GraphQLParser.Parser.Parse(options.Query, new GraphQLParser.ParserOptions { Ignore = GraphQLParser.IgnoreOptions.All });
            return document.Definitions.OfType<GraphQLOperationDefinition>().ToList() is [var only] ? only.Name?.StringValue : null;
        }
        catch (GraphQLParser.Exceptions.GraphQLSyntaxErrorException)
        {
            return null;
        }
    }

    /// <summary>
    /// The scope's values, read when an entry is written: the operation name is known only once the document is
    /// parsed (the audit listener sets it on the <see cref="AuditContext"/>), after the scope began.
    /// </summary>
    private sealed class LogScope(AuditContext? audit, string? requested) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public int Count => 3;

        public KeyValuePair<string, object?> this[int index] => index switch
        {
            0 => new("RequestId", audit?.RequestId),
            1 => new("User", audit?.UserName ?? AuditContext.AnonymousUser),
            2 => new("OperationName", requested ?? audit?.OperationName),
            _ => throw new ArgumentOutOfRangeException(nameof(index)),
        };

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            for (var i = 0; i < Count; i++) yield return this[i];
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => $"RequestId:{this[0].Value} User:{this[1].Value} OperationName:{this[2].Value}";
    }
}
