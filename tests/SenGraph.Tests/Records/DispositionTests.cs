using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SenGraph.Contracts.Auditing;
using SenGraph.Host.Kernel.Records;
using SenGraph.Tests.Infrastructure;
using SenGraph.Tests.Sir;

namespace SenGraph.Tests.Records;

/// <summary>
/// Disposition (PIA 3.2, 3.4): reports past their transfer day are marked transferred; those past their destruction day are destroyed,
/// content and PII with them, leaving a tombstone, audited in the same transaction; legal holds (records officers) keep what they name
/// or match until released; a run can be interrupted and run again.
/// </summary>
public sealed class DispositionTests : IDisposable
{
    private readonly RecordsHost _host = new();

    public void Dispose() => _host.Dispose();

    /// <summary>An agent of SAC-BOS, where review is not mandatory.</summary>
    private string Alice => _host.Token("bob", "Agent", "SAC-BOS");
    private string Rita => _host.Token("rita", "Records Officer", "HQ-ICE");

    private Task<DispositionOutcome> RunAsync(DateOnly asOf, bool dryRun = false, int batchSize = 500, IProgress<DispositionProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        _host.Services.GetRequiredService<RecordsDisposition>().RunAsync(new DispositionRequest(asOf, dryRun, "rita", batchSize, progress), cancellationToken);

    private async Task<string> SubmittedSirAsync(string title, string eventAt)
    {
        var (id, version) = await _host.DraftAsync(Alice, title, ("eventAt", eventAt));
        var submitted = await _host.StepOkAsync("submitReport", Alice, new { id, expectedVersion = version });
        var amended = await _host.AmendAsync(Alice, SirApi.Input(title, ("id", id), ("expectedVersion", submitted["version"]!.GetValue<int>()),
            ("reason", "Keeps a revision"), ("eventAt", eventAt)));
        Assert.Empty(amended.ErrorCodes());
        return id;
    }

    [Fact]
    public async Task A_report_past_its_destruction_day_is_destroyed_with_every_row_naming_it_and_leaves_an_audited_tombstone()
    {
        // FY2026: transfer on 1 October 2051, destruction on 1 October 2101.
        var id = await SubmittedSirAsync("To destroy", "2026-03-01T12:00:00Z");
        var number = (await _host.SirAsync(Alice, id, "number"))!["number"]!.GetValue<string>();
        Assert.True(await _host.RowsNamingAsync(Guid.Parse(id)) >= 6); // envelope, details, person, contact, narrative, revision, queue entries

        var early = await RunAsync(new DateOnly(2101, 9, 30));
        Assert.Equal((1, 1, 0, 0), (early.ByType.Single(t => t.Type == "SIR").DueForTransfer, early.Transferred, early.DueForDestruction, early.Destroyed));
        Assert.NotNull((await _host.SirAsync(Alice, id, "retention { transferredAt }"))!["retention"]!["transferredAt"]);

        var outcome = await RunAsync(new DateOnly(2101, 10, 1));
        Assert.Equal(1, outcome.Destroyed);
        Assert.Equal(0, await _host.RowsNamingAsync(Guid.Parse(id)));
        Assert.Null(await _host.SirAsync(Alice, id, "id"));

        var tombstones = (await _host.PostAsync("{ recordsTombstones(first: 10) { nodes { reportId number type cutOff transferOn destroyOn transferredAt destroyedAt authorisedBy runId } } }",
            token: Rita)).ShouldSucceed().Data!["recordsTombstones"]!["nodes"]!.AsArray();
        var tombstone = Assert.Single(tombstones)!;
        Assert.Equal((id, number, "SIR", "2026-09-30", "2051-10-01", "2101-10-01", "rita"), (tombstone["reportId"]!.GetValue<string>(), tombstone["number"]!.GetValue<string>(),
            tombstone["type"]!.GetValue<string>(), tombstone["cutOff"]!.GetValue<string>(), tombstone["transferOn"]!.GetValue<string>(),
            tombstone["destroyOn"]!.GetValue<string>(), tombstone["authorisedBy"]!.GetValue<string>()));
        Assert.NotNull(tombstone["transferredAt"]);
        Assert.Equal(outcome.RunId.ToString(), tombstone["runId"]!.GetValue<string>());

        // The deletion and the tombstone are in the audit trail, by who authorised the run, in the same transaction (consecutive records).
        var audit = (await _host.PostAsync("query($id: String) { auditRecords(first: 200, where: { recordId: { eq: $id } }) { nodes { sequence action entity userName operationName } } }",
            new { id = id.ToLowerInvariant() }, _host.Token("root", "System Administrator", "HQ-ICE"))).ShouldSucceed().Data!["auditRecords"]!["nodes"]!.AsArray();
        var deleted = audit.Single(r => r!["action"]!.GetValue<string>() == "Delete" && r["entity"]!.GetValue<string>() == "Reports")!;
        var tombstoned = audit.Single(r => r!["action"]!.GetValue<string>() == "Insert" && r["entity"]!.GetValue<string>() == "RecordsTombstones")!;
        Assert.Equal("rita", deleted["userName"]!.GetValue<string>());
        Assert.Contains(outcome.RunId.ToString(), deleted["operationName"]!.GetValue<string>());
        Assert.True(Math.Abs(deleted["sequence"]!.GetValue<long>() - tombstoned["sequence"]!.GetValue<long>()) < 20);
    }

    [Fact]
    public async Task A_legal_hold_by_id_or_by_match_suspends_destruction_until_it_is_released()
    {
        var byId = await SubmittedSirAsync("Held by id", "2026-03-01T12:00:00Z");
        var byMatch = await SubmittedSirAsync("Held by match", "2026-05-01T12:00:00Z");
        var free = await SubmittedSirAsync("Not held", "2025-12-01T12:00:00Z");

        var first = await DeclareAsync(new { reason = "Litigation hold: Doe v. ICE", reportIds = new[] { byId } });
        var second = await DeclareAsync(new { reason = "Investigation into spring 2026", matchType = "SIR", matchEventFrom = "2026-04-01T00:00:00Z", matchEventTo = "2026-06-01T00:00:00Z" });
        Assert.Equal("rita", first["declaredBy"]!.GetValue<string>());

        var due = (await _host.PostAsync("{ recordsDue(asOf: \"2102-01-01\") { byType { type dueForDestruction held } reports { reportId held } } }", token: Rita))
            .ShouldSucceed().Data!["recordsDue"]!;
        Assert.Equal("""[{"type":"SIR","dueForDestruction":3,"held":2}]""", due["byType"]!.ToJsonString());
        Assert.Equal(new[] { byId, byMatch }.Order(), due["reports"]!.AsArray().Where(r => r!["held"]!.GetValue<bool>()).Select(r => r!["reportId"]!.GetValue<string>()).Order());

        var run = await RunAsync(new DateOnly(2102, 1, 1));
        Assert.Equal((3, 2, 1), (run.DueForDestruction, run.Held, run.Destroyed));
        Assert.Null(await _host.SirAsync(Alice, free, "id"));
        Assert.NotNull(await _host.SirAsync(Alice, byId, "id"));
        Assert.NotNull(await _host.SirAsync(Alice, byMatch, "id"));

        var released = (await _host.PostAsync("mutation($input: ReleaseLegalHoldInput!) { releaseLegalHold(input: $input) { legalHold { active releasedBy releaseReason } errors { code } } }",
            new { input = new { id = second["id"]!.GetValue<string>(), expectedVersion = 1, reason = "Investigation closed" } }, Rita)).ShouldSucceed().Data!["releaseLegalHold"]!;
        Assert.Equal("""{"active":false,"releasedBy":"rita","releaseReason":"Investigation closed"}""", released["legalHold"]!.ToJsonString());
        var again = (await _host.PostAsync("mutation($input: ReleaseLegalHoldInput!) { releaseLegalHold(input: $input) { errors { code path } } }",
            new { input = new { id = second["id"]!.GetValue<string>(), expectedVersion = 2, reason = "Twice" } }, Rita)).ShouldSucceed().Data!["releaseLegalHold"]!;
        Assert.Equal("ILLEGAL_TRANSITION", again["errors"]![0]!["code"]!.GetValue<string>());

        var after = await RunAsync(new DateOnly(2102, 1, 1));
        Assert.Equal((1, 1), (after.Destroyed, after.Held));
        Assert.Null(await _host.SirAsync(Alice, byMatch, "id"));
        Assert.NotNull(await _host.SirAsync(Alice, byId, "id"));
        var active = (await _host.PostAsync("{ legalHolds { id reportIds } all: legalHolds(activeOnly: false) { id active } }", token: Rita)).ShouldSucceed().Data!;
        Assert.Equal([byId], active["legalHolds"]![0]!["reportIds"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Equal(2, active["all"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("""{ "reason": "  ", "reportIds": [] }""", "INVALID_HOLD")]
    [InlineData("""{ "reason": "No target" }""", "INVALID_HOLD")]
    [InlineData("""{ "reason": "Backwards", "matchEventFrom": "2026-06-01T00:00:00Z", "matchEventTo": "2026-01-01T00:00:00Z" }""", "INVALID_HOLD")]
    [InlineData("""{ "reason": "Bad type", "matchType": "not a type!" }""", "INVALID_HOLD")]
    [InlineData("""{ "reason": "Before 1900", "matchEventFrom": "1850-01-01T00:00:00Z" }""", "INVALID_HOLD")]
    [InlineData("""{ "reason": "Far future", "matchEventTo": "9999-12-31T23:59:59Z" }""", "INVALID_HOLD")]
    [InlineData("""{ "reason": "Unknown report", "reportIds": ["6f1c2b1e-0000-4000-8000-000000000000"] }""", "NOT_FOUND")]
    public async Task A_hold_without_a_reason_or_a_target_is_refused_with_a_typed_error_and_nothing_is_stored(string input, string code)
    {
        var payload = (await _host.PostAsync("mutation($input: DeclareLegalHoldInput!) { declareLegalHold(input: $input) { legalHold { id } errors { code path } } }",
            new { input = JsonNode.Parse(input) }, Rita)).ShouldSucceed().Data!["declareLegalHold"]!;
        Assert.Null(payload["legalHold"]);
        Assert.Equal(code, payload["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal(0, await _host.ScalarAsync("SELECT COUNT(*) FROM LegalHolds"));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Disposition_of_100000_generated_reports_stops_when_interrupted_and_finishes_when_run_again()
    {
        const int total = 100_000;
        (await _host.PostAsync("{ serverInfo { version } }")).ShouldSucceed(); // migrated
        await GenerateAsync(total);
        Assert.Equal(total, await _host.ScalarAsync("SELECT COUNT(*) FROM Reports WHERE Title LIKE 'Generated %'"));

        var dry = await RunAsync(new DateOnly(2030, 1, 1), dryRun: true);
        Assert.Equal((total, 0), (dry.DueForDestruction, dry.Destroyed));

        using var interrupt = new CancellationTokenSource();
        var batches = 0;
        var progress = new SenGraph.Host.Kernel.Demo.InlineProgress<DispositionProgress>(p =>
        {
            if (p.Step == "destruction" && ++batches == 20) interrupt.Cancel();
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RunAsync(new DateOnly(2030, 1, 1), batchSize: 1000, progress: progress, cancellationToken: interrupt.Token));
        var left = await _host.ScalarAsync("SELECT COUNT(*) FROM Reports WHERE Title LIKE 'Generated %'");
        var tombstones = await _host.ScalarAsync("SELECT COUNT(*) FROM RecordsTombstones");
        Assert.Equal(20_000, tombstones);
        Assert.Equal(total - 20_000, left);
        Assert.Equal(left, await _host.ScalarAsync("SELECT COUNT(*) FROM ReportPeople WHERE LastName = 'Generated'"));
        Assert.Equal(left, await _host.ScalarAsync("SELECT COUNT(*) FROM SirDetails WHERE Category = 'OTHER' AND Notes LIKE 'Generated %'"));

        var resumed = await RunAsync(new DateOnly(2030, 1, 1), batchSize: 1000);
        Assert.Equal(total - 20_000, resumed.Destroyed);
        Assert.Equal(0, await _host.ScalarAsync("SELECT COUNT(*) FROM Reports WHERE Title LIKE 'Generated %'"));
        Assert.Equal(0, await _host.ScalarAsync("SELECT COUNT(*) FROM ReportPeople WHERE LastName = 'Generated'"));
        Assert.Equal(0, await _host.ScalarAsync("SELECT COUNT(*) FROM SirDetails WHERE Notes LIKE 'Generated %'"));
        Assert.Equal(total, await _host.ScalarAsync("SELECT COUNT(*) FROM RecordsTombstones"));
        Assert.Equal(0, (await RunAsync(new DateOnly(2030, 1, 1))).Destroyed); // idempotent
    }

    /// <summary>
    /// Generated SIRs written with bulk SQL (not the workflow), three INSERT ... SELECT statements over a counter: FY2000 incidents,
    /// destroyed from 1 October 2025, each naming a person. Ids are upper-case GUID text, as EF Core stores them on SQLite.
    /// </summary>
    private async Task GenerateAsync(int count)
    {
        var toBinary = new DateTimeOffsetToBinaryConverter();
        var at = (long)toBinary.ConvertToProvider(new DateTimeOffset(2000, 3, 1, 12, 0, 0, TimeSpan.Zero))!;
        const string guid = "printf('%s-%s-4%s-8%s-%s', hex(randomblob(4)), hex(randomblob(2)), substr(hex(randomblob(2)), 2), substr(hex(randomblob(2)), 2), hex(randomblob(6)))";
        await using var connection = new SqliteConnection($"Data Source={_host.DatabaseFile}");
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var report = connection.CreateCommand();
        report.CommandText = $"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $count)
            INSERT INTO Reports (Id, Type, Number, Status, Title, EventAt, OriginatingOffice, Author, CreatedAt, UpdatedAt, SubmittedAt, Revision, Version,
                                 RetentionKey, RetentionCutOff, RetentionTransferOn, RetentionDestroyOn)
            SELECT {guid}, 'SIR', printf('SIR-FY2000-%06d', i), 'Submitted', 'Generated ' || i, $at, 'SAC-NYC', 'alice', $at, $at, $at, 0, 1,
                   'IncidentDate:75:25', '2000-09-30', '2025-10-01', '2025-10-01'
            FROM n;
            INSERT INTO SirDetails (Id, Category, Notes) SELECT Id, 'OTHER', Title FROM Reports WHERE Title LIKE 'Generated %';
            INSERT INTO ReportPeople (Id, ReportId, Position, Role, FirstName, LastName, LastNameKey, NameUnknown, ANumber)
            SELECT {guid}, Id, 0, 'Suspect', 'Gene', 'Generated', 'GENERATED', 0, printf('A%09d', CAST(substr(Title, 11) AS INTEGER))
            FROM Reports WHERE Title LIKE 'Generated %';
            """;
        report.Parameters.AddWithValue("$count", count);
        report.Parameters.AddWithValue("$at", at);
        await report.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    private async Task<JsonNode> DeclareAsync(object input)
    {
        var payload = (await _host.PostAsync("mutation($input: DeclareLegalHoldInput!) { declareLegalHold(input: $input) { legalHold { id declaredBy active version } errors { code message path } } }",
            new { input }, Rita)).ShouldSucceed().Data!["declareLegalHold"]!;
        Assert.True(payload["errors"]!.AsArray().Count == 0, payload.ToJsonString());
        return payload["legalHold"]!;
    }
}

/// <summary>The <c>records disposition</c> command on the demo data: what is scheduled and due goes, SPOT (unscheduled) stays.</summary>
public sealed class DispositionCommandTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = new TestHost(new PluginsFolder().WithShippedModules(), settings: new Dictionary<string, string?>
        {
            ["Demo:SeedOnStart"] = "true", ["Modules:lens:Outbox:Transport"] = "None",
        });
        (await _host.PostAsync("{ serverInfo { version } }")).ShouldSucceed();
    }

    public Task DisposeAsync()
    {
        _host.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_command_destroys_every_scheduled_demo_report_due_and_keeps_spot_reports()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:SenGraph"] = $"Data Source={_host.DatabaseFile}", ["Plugins:Path"] = _host.Plugins.Path, ["Demo:SeedOnStart"] = "false",
            ["Modules:lens:Outbox:Transport"] = "None",
        }).Build();
        var progress = new StringWriter();

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_host.DatabaseFile}");
        await connection.OpenAsync();
        // Counted before the run: destruction removes a LEARA's details with its content.
        var answered = await CountAsync(connection, "SELECT COUNT(*) FROM LearaDetails WHERE ResponseCompletedOn IS NOT NULL");
        Assert.InRange(answered, 1, 29);
        await Assert.ThrowsAsync<ArgumentException>(() => DispositionCommand.RunAsync(configuration, "Development", false, "2200-01-01", "alice", 50, progress, CancellationToken.None));
        var dry = await DispositionCommand.RunAsync(configuration, "Development", true, "2200-01-01", null, 50, progress, CancellationToken.None);
        var run = await DispositionCommand.RunAsync(configuration, "Development", false, "2200-01-01", "rita", 50, progress, CancellationToken.None);

        // Every scheduled demo report is due by 2200: the 30 of each type but the LEARAs whose response is not completed (no dates
        // yet, PIA 3.2) and SPOT (unscheduled).
        var expected = new Dictionary<string, long> { ["SIR"] = 30, ["OPPRED"] = 30, ["SPEAR"] = 30, ["EROLEAD"] = 30, ["EROTAV"] = 30, ["LEARA"] = answered };
        var due = (int)expected.Values.Sum();
        Assert.Equal(due, dry.DueForDestruction);
        Assert.Equal(0, dry.Destroyed);
        Assert.Equal(expected, run.ByType.Where(t => t.Destroyed > 0).ToDictionary(t => t.Type, t => (long)t.Destroyed));
        Assert.DoesNotContain(run.ByType, t => t.Type == "SPOT");
        Assert.Contains($"destruction: {due}/{due}", progress.ToString());
        var left = connection.CreateCommand();
        left.CommandText = "SELECT Type, COUNT(*) FROM Reports GROUP BY Type";
        var remaining = new Dictionary<string, long>();
        await using (var reader = await left.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) remaining[reader.GetString(0)] = reader.GetInt64(1);
        }
        Assert.Equal(new Dictionary<string, long> { ["SPOT"] = 30, ["LEARA"] = 30 - answered }, remaining);
        var tombstones = connection.CreateCommand();
        tombstones.CommandText = "SELECT COUNT(*) FROM RecordsTombstones WHERE AuthorisedBy = 'rita'";
        Assert.Equal((long)due, (long)(await tombstones.ExecuteScalarAsync())!);
    }

    private static async Task<long> CountAsync(Microsoft.Data.Sqlite.SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
