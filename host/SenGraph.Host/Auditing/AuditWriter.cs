using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Auditing;
using SenGraph.Host.Kernel.Database;

namespace SenGraph.Host.Auditing;

/// <summary>
/// Group commit for the audit records that belong to no write of a context (views, logon refusals): one
/// writer appends the records of many concurrent requests in one transaction (one chain-head read, one
/// sync), and each request's <see cref="AppendAsync"/> completes only once its own records are committed.
/// The chain's order has one authority, the database's write lock: this writer and every writing transaction
/// (whose records <see cref="AuditSaveChangesInterceptor"/> appends inside it) take it before reading the head
/// (SQLite's immediate transaction, SQL Server's application lock), so neither can fork the chain.
/// Reads wait here only for their own records, never for other requests' reads.
/// </summary>
public sealed class AuditWriter : IAsyncDisposable
{
    private readonly SenDatabase _database;
    private readonly TimeProvider _clock;
    private readonly AuditWriterSettings _settings;
    private readonly ILogger<AuditWriter> _logger;
    // Not SingleReader: that channel cannot count what waits (Waiting).
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>();
    private readonly Task _loop;
    private Pending? _carried;

    public AuditWriter(SenDatabase database, TimeProvider clock, AuditWriterSettings settings, ILogger<AuditWriter> logger)
    {
        _database = database;
        _clock = clock;
        _settings = settings;
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Requests queued and not yet taken into a batch.</summary>
    public int Waiting => _queue.Reader.Count;

    /// <summary>Transactions committed so far (for benchmarks and tests: fewer than the requests they served).</summary>
    public long Batches => Interlocked.Read(ref _batches);

    private long _batches;

    /// <summary>Appends <paramref name="entries"/> with other requests' and returns once they are committed; throws <see cref="AuditException"/> when they could not be.</summary>
    public Task AppendAsync(IReadOnlyList<AuditEntry> entries)
    {
        if (entries.Count == 0) return Task.CompletedTask;
        var pending = new Pending(entries, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
            pending.Done.SetException(new AuditException("The audit trail is shutting down; nothing more is recorded."));
        return pending.Done.Task;
    }

    private async Task RunAsync()
    {
        while (await NextBatchAsync() is { Count: > 0 } batch)
        {
            try
            {
                await WriteAsync(batch);
                foreach (var pending in batch) pending.Done.TrySetResult();
            }
            catch (Exception e) when (batch.Count > 1)
            {
                // One request's records may be what fails (too long for a column, say): the others must not fail with them.
                _logger.LogWarning(e, "An audit batch of {Requests} requests failed; writing them one by one.", batch.Count);
                foreach (var pending in batch) await WriteAloneAsync(pending);
            }
            catch (Exception e)
            {
                await WriteAloneAsync(batch[0], e);
            }
        }
    }

    private async Task WriteAloneAsync(Pending pending, Exception? alreadyFailed = null)
    {
        try
        {
            if (alreadyFailed is not null) throw alreadyFailed;
            await WriteAsync([pending]);
            pending.Done.TrySetResult();
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Audit records could not be written ({Records} records).", pending.Entries.Count);
            pending.Done.TrySetException(new AuditException("The audit records could not be written.", e));
        }
    }

    /// <summary>What is queued, up to <see cref="AuditWriterSettings.MaxBatchRecords"/>, waiting at most <see cref="AuditWriterSettings.MaxWait"/> for more; empty once shut down.</summary>
    private async Task<List<Pending>> NextBatchAsync()
    {
        var batch = new List<Pending>();
        var records = 0;
        if (_carried is { } carried)
        {
            _carried = null;
            batch.Add(carried);
            records = carried.Entries.Count;
        }
        else if (!await _queue.Reader.WaitToReadAsync())
        {
            return batch;
        }

        using var wait = _settings.MaxWait > TimeSpan.Zero ? new CancellationTokenSource(_settings.MaxWait, _clock) : null;
        while (records < _settings.MaxBatchRecords)
        {
            if (!_queue.Reader.TryRead(out var next))
            {
                if (wait is null) break;
                try
                {
                    if (!await _queue.Reader.WaitToReadAsync(wait.Token)) break;
                    continue;
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            if (batch.Count > 0 && records + next.Entries.Count > _settings.MaxBatchRecords)
            {
                _carried = next;
                break;
            }

            batch.Add(next);
            records += next.Entries.Count;
        }

        return batch;
    }

    private async Task WriteAsync(IReadOnlyList<Pending> batch)
    {
        await using var db = _database.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var entries = batch.Count == 1 ? batch[0].Entries : [.. batch.SelectMany(p => p.Entries)];
        var last = await AuditChain.AppendAsync(db.Database, entries, _clock.GetUtcNow(), CancellationToken.None);
        await transaction.CommitAsync();
        _database.AuditCommits.Note(db.Database.GetDbConnection(), last);
        Interlocked.Increment(ref _batches);
    }

    /// <summary>Writes what is queued, then stops: requests after this get an <see cref="AuditException"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private sealed record Pending(IReadOnlyList<AuditEntry> Entries, TaskCompletionSource Done);
}
