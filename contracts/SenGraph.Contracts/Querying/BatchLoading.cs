using System.Collections.Concurrent;
using GraphQL;
using GraphQL.DataLoader;

namespace SenGraph.Contracts.Querying;

/// <summary>
/// Batch loading on GraphQL.NET's <see cref="IDataLoaderResult"/>: every key a loader is asked for
/// while one level of the query executes is fetched by a single call, once the level's other fields
/// have resolved. State lives in the request's <c>context.UserContext</c>, so
/// nothing is shared between requests; within a request a key is fetched once.
/// <code>
/// Field&lt;NonNullGraphType&lt;ListGraphType&lt;NonNullGraphType&lt;PersonGraphType&gt;&gt;&gt;&gt;("people")
///     .Resolve(c =&gt; c.LoadBatchCollection("sir.people", c.Source.Id, async (ids, ct) =&gt;
///     {
///         await using var db = await factory.CreateDbContextAsync(ct);
///         return (await db.People.Where(p =&gt; ids.Contains(p.ReportId)).ToListAsync(ct)).ToLookup(p =&gt; p.ReportId);
///     }));
/// </code>
/// </summary>
public static class BatchLoadingExtensions
{
    private const string LoadersKey = "SenGraph.Querying.BatchLoaders";

    /// <summary>
    /// The value for <paramref name="key"/> (default when <paramref name="fetch"/> returns none), fetched with
    /// every other key the loader named <paramref name="loaderKey"/> is asked for at this level.
    /// </summary>
    public static IDataLoaderResult<TValue?> LoadBatch<TKey, TValue>(
        this IResolveFieldContext context, string loaderKey, TKey key,
        Func<IReadOnlyList<TKey>, CancellationToken, Task<IDictionary<TKey, TValue>>> fetch)
        where TKey : notnull =>
        Loader(context, loaderKey, () => new BatchLoader<TKey, TValue?>(async (keys, ct) =>
        {
            var found = await fetch(keys, ct);
            return key => found.TryGetValue(key, out var value) ? value : default;
        })).Load(key);

    /// <summary>
    /// The values for <paramref name="key"/> (empty when there are none), one-to-many: fetched with every
    /// other key the loader named <paramref name="loaderKey"/> is asked for at this level.
    /// </summary>
    public static IDataLoaderResult<IReadOnlyList<TValue>> LoadBatchCollection<TKey, TValue>(
        this IResolveFieldContext context, string loaderKey, TKey key,
        Func<IReadOnlyList<TKey>, CancellationToken, Task<ILookup<TKey, TValue>>> fetch)
        where TKey : notnull =>
        Loader(context, loaderKey, () => new BatchLoader<TKey, IReadOnlyList<TValue>>(async (keys, ct) =>
        {
            var found = await fetch(keys, ct);
            return key => [.. found[key]];
        })).Load(key);

    private static BatchLoader<TKey, TValue> Loader<TKey, TValue>(IResolveFieldContext context, string loaderKey, Func<BatchLoader<TKey, TValue>> create)
        where TKey : notnull
    {
        var userContext = context.UserContext
            ?? throw new InvalidOperationException("Batch loading needs ExecutionOptions.UserContext.");
        ConcurrentDictionary<string, object> loaders;
        lock (userContext)
        {
            if (!userContext.TryGetValue(LoadersKey, out var existing))
                userContext[LoadersKey] = existing = new ConcurrentDictionary<string, object>(StringComparer.Ordinal);
            loaders = (ConcurrentDictionary<string, object>)existing!;
        }
        return loaders.GetOrAdd(loaderKey, _ => create()) as BatchLoader<TKey, TValue>
            ?? throw new InvalidOperationException($"Batch loader '{loaderKey}' is used with different key or value types.");
    }
}

/// <summary>
/// Collects keys until the first of their results is awaited, then fetches them all in one call.
/// Keys asked for after that start the next batch.
/// </summary>
internal sealed class BatchLoader<TKey, TValue>(Func<IReadOnlyList<TKey>, CancellationToken, Task<Func<TKey, TValue>>> fetch)
    where TKey : notnull
{
    private readonly Lock _lock = new();
    private readonly Dictionary<TKey, Batch> _batchOfKey = [];
    private Batch? _pending;

    public IDataLoaderResult<TValue> Load(TKey key)
    {
        lock (_lock)
        {
            if (!_batchOfKey.TryGetValue(key, out var batch))
            {
                batch = _pending ??= new Batch();
                batch.Keys.Add(key);
                _batchOfKey[key] = batch;
            }
            return new Result(this, batch, key);
        }
    }

    private Task<Func<TKey, TValue>> Dispatch(Batch batch, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (batch.Fetched is null)
            {
                if (_pending == batch) _pending = null;
                batch.Fetched = fetch(batch.Keys, cancellationToken);
            }
            return batch.Fetched;
        }
    }

    private sealed class Batch
    {
        public List<TKey> Keys { get; } = [];
        public Task<Func<TKey, TValue>>? Fetched { get; set; }
    }

    private sealed class Result(BatchLoader<TKey, TValue> loader, Batch batch, TKey key) : IDataLoaderResult<TValue>
    {
        public async Task<TValue> GetResultAsync(CancellationToken cancellationToken = default) =>
            (await loader.Dispatch(batch, cancellationToken))(key);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken);
    }
}
