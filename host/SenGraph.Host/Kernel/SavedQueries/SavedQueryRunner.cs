using System.Threading.Channels;
using GraphQL;
using GraphQL.DI;
using SenGraph.Host.Modules;
using SenGraph.Host.GraphQL;

namespace SenGraph.Host.Kernel.SavedQueries;

/// <summary>
/// Runs a saved query by name: a request (HTTP or WebSocket) whose <c>documentId</c> is <c>saved:&lt;name&gt;</c> and
/// that sends no query text gets the saved document, if its user may run it, and goes on as any request: the limits,
/// the allow-list (an allow-list host runs a saved query only if its text is trusted), authorization for the user
/// running it, and the audit of what it returns.
/// </summary>
public sealed class SavedQueryRunner(SavedQueryStore store) : IConfigureExecution
{
    public const string Prefix = "saved:";
    public const string NotFound = "SAVED_QUERY_NOT_FOUND";

    // Before the limits (150), which would answer an unknown documentId as a persisted operation.
    public float SortOrder => 140;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Query is not null || options.DocumentId is not { } id || !id.StartsWith(Prefix, StringComparison.Ordinal))
            return await next(options);

        var name = id[Prefix.Length..];
        var document = options.User is null || name.Length is 0 or > SavedQueries.SavedQueryModel.MaxNameLength
            ? null
            : await store.FindRunnableAsync(options.User, name, options.CancellationToken);
        if (document is null)
            return new ExecutionResult { Errors = [new ExecutionError("No saved query of that name that you may run.") { Code = NotFound }] };
        options.Query = document;
        options.DocumentId = null;
        return await next(options);
    }
}

/// <summary>Checks every saved query again after each schema change (modules loaded, upgraded or removed), one run at a time.</summary>
public sealed class SavedQueryRechecker(SchemaHost schemas, SavedQueryStore store, ILogger<SavedQueryRechecker> logger) : BackgroundService
{
    private readonly Channel<bool> _wanted = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        schemas.Published += Want;
        try
        {
            if (schemas.IsReady) _wanted.Writer.TryWrite(true);
            await foreach (var _ in _wanted.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    var changed = await store.RecheckAllAsync(stoppingToken);
                    if (changed > 0) logger.LogInformation("Saved queries checked against the new schema: {Changed} changed status.", changed);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Checking saved queries against the new schema failed.");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            schemas.Published -= Want;
        }
    }

    private void Want(SchemaSnapshot? previous, SchemaSnapshot current) => _wanted.Writer.TryWrite(true);
}

public static class SavedQueryExtensions
{
    public static IServiceCollection AddSavedQueries(this IServiceCollection services)
    {
        services.AddSingleton<SavedQueryStore>();
        services.AddSingleton<SavedQueryRunner>();
        services.AddHostedService<SavedQueryRechecker>();
        services.AddRootFields<SavedQueryQueries>(RootOperation.Query);
        services.AddRootFields<SavedQueryMutations>(RootOperation.Mutation);
        return services;
    }
}
