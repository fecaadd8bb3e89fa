using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using SenGraph.Contracts.Auditing;
using SenGraph.Host.Auditing;
using SenGraph.Host.Kernel.Database;
using SenGraph.Host.Storage;
using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.Auditing;

/// <summary>
/// The audit writer's group commit, on a database of its own: requests queued while the writer waits for the
/// database form one transaction, each request returns only once its own records are committed, one request's
/// failing records do not fail the others, and the chain verifies record by record.
/// </summary>
public sealed class AuditGroupCommitTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new("audit-group-commit");
    private SenDatabase _database = null!;

    private string File => Path.Combine(_folder.Path, "audit.db");

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:SenGraph"] = "Data Source=audit.db" }).Build();
        _database = new SenDatabase(DatabaseConfiguration.Resolve(configuration, new HostingEnvironment { ContentRootPath = _folder.Path }));
        await _database.MigrateAsync(CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
        return Task.CompletedTask;
    }

    private AuditWriter Writer(int maxBatchRecords = 2000) =>
        new(_database, TimeProvider.System, new AuditWriterSettings { MaxBatchRecords = maxBatchRecords }, NullLogger<AuditWriter>.Instance);

    private static AuditEntry View(string user, int report) =>
        new(user, AuditActions.Read, AuditTrail.ReportsEntity, $"report-{report}", "Read", $"{user}/1", null, "type: Sir");

    /// <summary>Holds SQLite's write lock (as a long write would) until disposed.</summary>
    private async Task<SqliteConnection> HoldWriteLockAsync()
    {
        var connection = new SqliteConnection($"Data Source={File};Pooling=False");
        await connection.OpenAsync();
        await using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE";
        await begin.ExecuteNonQueryAsync();
        return connection;
    }

    private async Task<long> CountAsync(string where = "1 = 1")
    {
        await using var connection = new SqliteConnection($"Data Source={File};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"AuditRecords\" WHERE {where}";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!condition()) await Task.Delay(5, timeout.Token);
    }

    [Fact]
    public async Task Requests_queued_while_the_writer_waits_for_the_database_are_committed_in_one_transaction()
    {
        await using var writer = Writer();
        Task first, rest;
        await using (var lockHolder = await HoldWriteLockAsync())
        {
            first = writer.AppendAsync([View("u0", 0)]);
            await WaitUntilAsync(() => writer.Waiting == 0); // the writer took it and waits for the lock
            rest = Task.WhenAll(Enumerable.Range(1, 31).Select(i => writer.AppendAsync([View($"u{i}", i), View($"u{i}", i + 100)])));
            await WaitUntilAsync(() => writer.Waiting == 31);
            Assert.False(first.IsCompleted || rest.IsCompleted, "A request returned before its records could be committed.");
        }

        await Task.WhenAll(first, rest);
        Assert.Equal(2, writer.Batches);
        Assert.Equal(63, await CountAsync());
        var verification = await new AuditVerifier(_database).VerifyAsync(null, CancellationToken.None);
        Assert.True(verification.Intact, verification.Message);
        Assert.Equal(63, verification.RecordCount);
    }

    [Fact]
    public async Task A_batch_never_holds_more_records_than_its_limit_and_never_splits_a_request()
    {
        await using var writer = Writer(maxBatchRecords: 4);
        Task first, rest;
        await using (var lockHolder = await HoldWriteLockAsync())
        {
            first = writer.AppendAsync([View("u0", 0)]);
            await WaitUntilAsync(() => writer.Waiting == 0);
            rest = Task.WhenAll(
                writer.AppendAsync([View("a", 1), View("a", 2), View("a", 3)]),
                writer.AppendAsync([View("b", 1), View("b", 2)]),
                writer.AppendAsync([.. Enumerable.Range(1, 6).Select(i => View("c", i))]));
            await WaitUntilAsync(() => writer.Waiting == 3);
        }

        await Task.WhenAll(first, rest);
        // u0 alone (taken before the others came), then a (3; b would make 5), then b, then c (6, over the limit but whole).
        Assert.Equal(4, writer.Batches);
        Assert.Equal(12, await CountAsync());
    }

    [Fact]
    public async Task Records_that_cannot_be_written_fail_their_own_request_and_not_the_others_of_the_batch()
    {
        await using (var connection = new SqliteConnection($"Data Source={File};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var trigger = connection.CreateCommand();
            trigger.CommandText = """
                CREATE TRIGGER "FailAuditForMallet" BEFORE INSERT ON "AuditRecords" WHEN NEW."UserName" = 'mallet'
                BEGIN SELECT RAISE(ABORT, 'forced audit failure'); END;
                """;
            await trigger.ExecuteNonQueryAsync();
        }

        await using var writer = Writer();
        Task first;
        Task[] others;
        Task mallet;
        await using (var lockHolder = await HoldWriteLockAsync())
        {
            first = writer.AppendAsync([View("u0", 0)]);
            await WaitUntilAsync(() => writer.Waiting == 0);
            others = [.. Enumerable.Range(1, 5).Select(i => writer.AppendAsync([View($"u{i}", i)]))];
            mallet = writer.AppendAsync([View("mallet", 9)]);
            await WaitUntilAsync(() => writer.Waiting == 6);
        }

        await first;
        await Task.WhenAll(others);
        await Assert.ThrowsAsync<AuditException>(() => mallet);
        Assert.Equal(6, await CountAsync());
        Assert.Equal(0, await CountAsync("\"UserName\" = 'mallet'"));
        var verification = await new AuditVerifier(_database).VerifyAsync(null, CancellationToken.None);
        Assert.True(verification.Intact, verification.Message);
    }

    [Fact]
    public async Task After_shutdown_what_was_queued_is_written_and_new_records_are_refused()
    {
        var writer = Writer();
        var queued = writer.AppendAsync([View("u1", 1)]);
        await writer.DisposeAsync();

        await queued;
        Assert.Equal(1, await CountAsync());
        await Assert.ThrowsAsync<AuditException>(() => writer.AppendAsync([View("u2", 2)]));
    }

    [Fact]
    public async Task The_sqlite_database_is_in_wal_mode_with_full_sync_pooling_and_a_busy_timeout()
    {
        await using var connection = new SqliteConnection(_database.Settings.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
        command.CommandText = "PRAGMA synchronous";
        Assert.Equal(2L, await command.ExecuteScalarAsync()); // FULL
        var settings = new SqliteConnectionStringBuilder(_database.Settings.ConnectionString);
        Assert.True(settings.Pooling);
        Assert.Equal(SqliteTuning.BusyTimeoutSeconds, settings.DefaultTimeout);
    }
}
