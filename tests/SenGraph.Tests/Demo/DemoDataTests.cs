using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SenGraph.Host.Auditing;
using SenGraph.Host.Kernel.Demo;
using SenGraph.Tests.Auditing;
using SenGraph.Tests.Infrastructure;
using Xunit;

namespace SenGraph.Tests.Demo;

/// <summary>
/// The demo data a new user explores: written at start in Development on a database without reports, through the
/// real workflow, in every workflow state, over offices and 18 months; audited and verifiable; written once.
/// </summary>
public sealed class DemoDataTests : IAsyncLifetime
{
    private readonly PluginsFolder _plugins = new PluginsFolder().WithShippedModules();
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = new TestHost(_plugins, settings: new Dictionary<string, string?> { ["Demo:SeedOnStart"] = "true" });
        (await _host.PostAsync("{ serverInfo { version } }")).ShouldSucceed();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _plugins.Dispose();
    }

    [Fact]
    public async Task A_development_host_on_an_empty_database_starts_with_reports_in_every_workflow_state()
    {
        foreach (var type in ShippedTypes)
        {
            var statuses = await RowsAsync($"SELECT Status, COUNT(*) FROM Reports WHERE Type = '{type}' GROUP BY Status");
            Assert.Equal(new Dictionary<string, long>
            {
                ["Draft"] = 3, ["PendingReview"] = 3, ["Returned"] = 3, ["Approved"] = 3, ["Submitted"] = 18,
            }, statuses.ToDictionary(r => (string)r[0], r => (long)r[1]));
        }

        Assert.Equal(3L * ShippedTypes.Length, await ScalarAsync("SELECT COUNT(*) FROM Reports WHERE Status = 'Returned' AND ReturnReason IS NOT NULL"));
        Assert.Equal(3L * ShippedTypes.Length, await ScalarAsync("SELECT COUNT(*) FROM ReportRevisions"));
        Assert.True(await ScalarAsync("SELECT COUNT(DISTINCT OriginatingOffice) FROM Reports") >= 4);
        Assert.True(await ScalarAsync("SELECT COUNT(DISTINCT Author) FROM Reports") >= 4);
        // Every SIR, OPPRED and SPOT names a suspect, every LEARA its subject, every ERO LEAD the person or business it concerns,
        // every ERO TAV the detainee; a SPEAR only for a planned search, arrest or seizure (half of them).
        Assert.Equal(30L + 30 + 15 + 30 + 30 + 30 + 30, await ScalarAsync("SELECT COUNT(DISTINCT ReportId) FROM ReportPeople"));
        Assert.Equal(30L * ShippedTypes.Length, await ScalarAsync("SELECT COUNT(DISTINCT ReportId) FROM ReportContacts"));
        Assert.True(await ScalarAsync("SELECT COUNT(*) FROM ReportRecipients WHERE Reason = 'NAMED' AND Code = 'hank'") > 0);
        Assert.True(await ScalarAsync("SELECT COUNT(*) FROM ReportRecipients WHERE ReadAt IS NULL") > 0);
        Assert.True(await ScalarAsync("SELECT COUNT(*) FROM ReportRecipients WHERE ReadAt IS NOT NULL AND AcknowledgedAt IS NULL") > 0);
        Assert.True(await ScalarAsync("SELECT COUNT(*) FROM ReportRecipients WHERE AcknowledgedAt IS NOT NULL") > 0);
        Assert.All(await RowsAsync("SELECT Text FROM ReportNarratives WHERE Position = 0"), r => Assert.StartsWith("Fictional demonstration data", (string)r[0]));
    }

    [Fact]
    public async Task Submitted_demo_reports_spread_over_eighteen_months_numbered_in_their_own_fiscal_years()
    {
        // The IROC reads every submitted report of every shipped type (SPEARs too: PIA 2.1 "the IROC also reviews SPEARs"), a page of 100 at a time.
        var submitted = new List<(string Number, DateTimeOffset At)>();
        string? after = null;
        do
        {
            var feed = (await _host.PostAsync("query($after: String) { irocFeed(first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { number submittedAt } } }",
                new { after }, token: _host.Token("iris", "IROC Staff", "IROC-HQ"))).ShouldSucceed().Data!["irocFeed"]!;
            Assert.Equal(18 * ShippedTypes.Length, feed["totalCount"]!.GetValue<int>());
            submitted.AddRange(feed["nodes"]!.AsArray().Select(n => (Number: n!["number"]!.GetValue<string>(), At: n["submittedAt"]!.GetValue<DateTimeOffset>())));
            after = feed["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? feed["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null);
        Assert.Equal(18 * ShippedTypes.Length, submitted.Select(s => s.Number).Distinct().Count());
        Assert.True(submitted.Max(s => s.At) - submitted.Min(s => s.At) > TimeSpan.FromDays(365), "submissions span more than a year");
        Assert.All(submitted, s => Assert.Matches(@"^(SIR|OPPRED|SPEAR|SPOT|LEARA|EROLEAD|EROTAV)-FY\d{4}-\d{6}$", s.Number));
        // The fiscal year in each number is the submission's (1 October starts the next), so demo history reads true.
        Assert.All(submitted, s => Assert.Equal($"FY{s.At.Year + (s.At.Month >= 10 ? 1 : 0)}", s.Number.Split('-')[1]));
        Assert.True(submitted.Select(s => s.Number.Split('-')[1]).Distinct().Count() >= 2);
    }

    [Fact]
    public async Task Demo_data_is_audited_under_its_own_operation_and_the_chain_verifies()
    {
        var seeded = await _host.AuditRecordsAsync("{ operationName: { eq: \"seed demo\" } }");
        Assert.Contains(seeded, r => r["userName"]!.GetValue<string>() == "alice");
        Assert.Contains(seeded, r => r["userName"]!.GetValue<string>() == "iris");
        Assert.True((await _host.VerifyAsync())["intact"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Seeding_again_changes_nothing()
    {
        var before = await ScalarAsync("SELECT COUNT(*) FROM Reports") + await ScalarAsync("SELECT COUNT(*) FROM ReportRecipients");
        var result = await DemoData.SeedAsync(_host.Services.GetRequiredService<IConfiguration>(),
            _host.Services.GetRequiredService<IHostEnvironment>().EnvironmentName, onlyIfNoReports: false, CancellationToken.None);
        Assert.Empty(result!.Written);
        Assert.Equal("it already has reports", result.Skipped["SIR"]);
        Assert.Equal(before, await ScalarAsync("SELECT COUNT(*) FROM Reports") + await ScalarAsync("SELECT COUNT(*) FROM ReportRecipients"));
    }

    [Fact]
    public async Task Generating_reports_adds_them_to_a_database_that_already_has_reports_with_unique_numbers_and_a_chain_that_verifies()
    {
        var before = await ScalarAsync("SELECT COUNT(*) FROM Reports");
        var progress = new List<DemoSeedProgress>();
        var result = await DemoData.SeedAsync(_host.Services.GetRequiredService<IConfiguration>(),
            _host.Services.GetRequiredService<IHostEnvironment>().EnvironmentName, onlyIfNoReports: false,
            new DemoSeedRequest(14, OnlyTypesWithoutReports: false, new InlineProgress<DemoSeedProgress>(progress.Add)), CancellationToken.None);

        // Spread evenly over the seven shipped types with demo data.
        Assert.All(ShippedTypes, type => Assert.Equal(2, result!.Written[type]));
        Assert.Equal(0, result!.FailedSteps);
        Assert.Equal(before + 14, await ScalarAsync("SELECT COUNT(*) FROM Reports"));
        Assert.Equal(progress[^1].Steps, progress[^1].StepsDone);
        Assert.True(progress.Count > 14, "a step at a time");
        Assert.Equal(await ScalarAsync("SELECT COUNT(*) FROM Reports WHERE Number IS NOT NULL"),
            await ScalarAsync("SELECT COUNT(DISTINCT Number) FROM Reports WHERE Number IS NOT NULL"));
        Assert.True((await _host.VerifyAsync())["intact"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Generating_reports_in_bulk_writes_every_workflow_state_with_queues_and_revisions_numbers_that_continue_and_a_chain_that_verifies()
    {
        var statusesBefore = await StatusesAsync();
        var revisionsBefore = await ScalarAsync("SELECT COUNT(*) FROM ReportRevisions");
        var acknowledgedBefore = await ScalarAsync("SELECT COUNT(*) FROM ReportRecipients WHERE AcknowledgedAt IS NOT NULL");
        var readBefore = await ScalarAsync("SELECT COUNT(*) FROM ReportRecipients WHERE ReadAt IS NOT NULL AND AcknowledgedAt IS NULL");
        var namedBefore = await ScalarAsync("SELECT COUNT(*) FROM ReportRecipients WHERE Reason = 'NAMED' AND Code = 'hank'");
        var progress = new List<DemoBulkProgress>();
        var total = 10 * ShippedTypes.Length; // spread evenly: ten of each type

        var result = await DemoData.GenerateAsync(_host.Services.GetRequiredService<IConfiguration>(),
            _host.Services.GetRequiredService<IHostEnvironment>().EnvironmentName, total, new InlineProgress<DemoBulkProgress>(progress.Add), CancellationToken.None);

        Assert.All(ShippedTypes, type => Assert.Equal(10, result.Written[type]));
        Assert.Equal(0, result.FailedSteps);
        Assert.Equal(new DemoBulkProgress(total, total), progress[^1]);
        var statusesAfter = await StatusesAsync();
        foreach (var type in ShippedTypes)
        {
            // Reports 0-9 of a type: a draft, one pending review, one returned, one approved, six submitted (one of them amended).
            Assert.Equal(new Dictionary<string, long> { ["Draft"] = 1, ["PendingReview"] = 1, ["Returned"] = 1, ["Approved"] = 1, ["Submitted"] = 6 },
                statusesAfter.Where(s => s.Key.Type == type).ToDictionary(s => s.Key.Status, s => s.Value - statusesBefore.GetValueOrDefault(s.Key)));
        }

        Assert.Equal(revisionsBefore + ShippedTypes.Length, await ScalarAsync("SELECT COUNT(*) FROM ReportRevisions"));
        Assert.Equal(0L, await ScalarAsync("SELECT COUNT(*) FROM Reports r WHERE Status = 'Submitted' AND NOT EXISTS (SELECT 1 FROM ReportRecipients q WHERE q.ReportId = r.Id)"));
        Assert.Equal(0L, await ScalarAsync("SELECT COUNT(*) FROM Reports WHERE (Status = 'Submitted') <> (Number IS NOT NULL)"));
        Assert.True(await ScalarAsync("SELECT COUNT(*) FROM ReportRecipients WHERE AcknowledgedAt IS NOT NULL") > acknowledgedBefore);
        Assert.True(await ScalarAsync("SELECT COUNT(*) FROM ReportRecipients WHERE ReadAt IS NOT NULL AND AcknowledgedAt IS NULL") > readBefore);
        Assert.True(await ScalarAsync("SELECT COUNT(*) FROM ReportRecipients WHERE Reason = 'NAMED' AND Code = 'hank'") > namedBefore);
        Assert.Equal(0L, await ScalarAsync("SELECT COUNT(*) FROM Reports r JOIN ReportRevisions v ON v.ReportId = r.Id WHERE r.Revision <> 1"));
        foreach (var entity in new[] { "ReportRecipients", "ReportRevisions", "ReportPeople" })
        {
            var records = await _host.AuditRecordsAsync($"{{ operationName: {{ eq: \"seed generate\" }}, entity: {{ eq: \"{entity}\" }} }}", first: 1);
            Assert.Equal("system", Assert.Single(records)["userName"]!.GetValue<string>());
        }

        // Submissions through the workflow afterwards continue the numbers: unique and, per type and fiscal year, gapless.
        var after = await DemoData.SeedAsync(_host.Services.GetRequiredService<IConfiguration>(),
            _host.Services.GetRequiredService<IHostEnvironment>().EnvironmentName, onlyIfNoReports: false, new DemoSeedRequest(total, OnlyTypesWithoutReports: false), CancellationToken.None);
        Assert.True((await StatusesAsync()).Where(s => s.Key.Status == "Submitted").Sum(s => s.Value)
            >= statusesAfter.Where(s => s.Key.Status == "Submitted").Sum(s => s.Value) + 5 * ShippedTypes.Length, "the workflow submitted reports after the bulk");
        Assert.Equal(await ScalarAsync("SELECT COUNT(*) FROM Reports WHERE Number IS NOT NULL"),
            await ScalarAsync("SELECT COUNT(DISTINCT Number) FROM Reports WHERE Number IS NOT NULL"));
        Assert.All(await RowsAsync("SELECT COUNT(*), MAX(CAST(substr(Number, -6) AS INTEGER)) FROM Reports WHERE Number IS NOT NULL GROUP BY substr(Number, 1, length(Number) - 7)"),
            r => Assert.Equal(r[0], r[1]));
        Assert.True((await _host.VerifyAsync())["intact"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Rows_generated_in_bulk_are_stored_as_the_workflow_stores_them()
    {
        // seed generate writes on SQLite with its own INSERTs: every column of its rows must hold what SaveChanges writes
        // (the demo data at start went through the workflow): the same storage class, Guids as upper-case text.
        await DemoData.GenerateAsync(_host.Services.GetRequiredService<IConfiguration>(),
            _host.Services.GetRequiredService<IHostEnvironment>().EnvironmentName, 10 * ShippedTypes.Length, null, CancellationToken.None); // every state: queues and revisions too
        string[] tables = ["Reports", "SirDetails", "OppredDetails", "ReportPeople", "ReportContacts", "ReportNarratives", "ReportRecipients", "ReportRevisions"];
        foreach (var table in tables)
        {
            var columns = (await RowsAsync($"SELECT name FROM pragma_table_info('{table}')")).Select(r => (string)r[0]).ToList();
            Assert.NotEmpty(columns);
            foreach (var column in columns)
            {
                var kind = column.EndsWith("Id", StringComparison.Ordinal) && column != "RequestId"
                    ? $"typeof(t.\"{column}\") || (t.\"{column}\" = upper(t.\"{column}\"))"
                    : $"typeof(t.\"{column}\")";
                async Task<HashSet<string>> KindsAsync(string operation) => [.. (await RowsAsync(
                    $"SELECT DISTINCT {kind} FROM \"{table}\" t WHERE t.\"{column}\" IS NOT NULL AND upper(t.Id) IN " +
                    $"(SELECT upper(RecordId) FROM AuditRecords WHERE OperationName = '{operation}' AND (Entity = '{table}' OR Entity LIKE '%{table}%'))"))
                    .Select(r => Convert.ToString(r[0], System.Globalization.CultureInfo.InvariantCulture)!)];
                var generated = await KindsAsync("seed generate");
                var workflow = await KindsAsync(DemoSeeder.Operation);
                Assert.True(generated.IsSubsetOf(workflow) || workflow.Count == 0,
                    $"{table}.{column}: seed generate stored [{string.Join(", ", generated)}], the workflow [{string.Join(", ", workflow)}]");
            }

            Assert.True(await ScalarAsync($"SELECT COUNT(*) FROM \"{table}\" t WHERE upper(t.Id) IN (SELECT upper(RecordId) FROM AuditRecords WHERE OperationName = 'seed generate')") > 0,
                $"seed generate wrote rows of {table}");
        }

        Assert.True((await _host.VerifyAsync())["intact"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Rows_generated_in_bulk_get_what_saving_gives_a_report_retention_dates_and_the_name_search_key()
    {
        // seed generate bypasses SaveChanges, where the kit applies both: without them, the next start recomputed the
        // retention of every generated report, and a search by name found none of their people.
        await DemoData.GenerateAsync(_host.Services.GetRequiredService<IConfiguration>(),
            _host.Services.GetRequiredService<IHostEnvironment>().EnvironmentName, 3 * ShippedTypes.Length, null, CancellationToken.None);
        const string generated = "SELECT upper(RecordId) FROM AuditRecords WHERE OperationName = 'seed generate'";

        Assert.True(await ScalarAsync($"SELECT COUNT(*) FROM Reports WHERE upper(Id) IN ({generated})") >= 3 * ShippedTypes.Length);
        Assert.Equal(0, await ScalarAsync($"SELECT COUNT(*) FROM Reports WHERE upper(Id) IN ({generated}) AND RetentionKey IS NULL"));
        Assert.True(await ScalarAsync($"SELECT COUNT(*) FROM ReportPeople WHERE upper(Id) IN ({generated}) AND LastName IS NOT NULL") > 0);
        Assert.Equal(0, await ScalarAsync(
            $"SELECT COUNT(*) FROM ReportPeople WHERE upper(Id) IN ({generated}) AND LastName IS NOT NULL AND (LastNameKey IS NULL OR LastNameKey <> upper(LastName))"));
    }

    [Fact]
    public async Task The_audit_verify_command_finds_a_generated_trail_intact_and_names_the_first_changed_record()
    {
        // verifyAuditTrail answers within the request time limit; a million generated reports leave millions of records, which
        // the command verifies without one.
        await DemoData.GenerateAsync(_host.Services.GetRequiredService<IConfiguration>(),
            _host.Services.GetRequiredService<IHostEnvironment>().EnvironmentName, 2 * ShippedTypes.Length, null, CancellationToken.None);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:SenGraph"] = $"Data Source={_host.DatabaseFile}", ["Plugins:Path"] = _host.Plugins.Path, ["Demo:SeedOnStart"] = "false",
        }).Build();

        var intact = await AuditVerifyCommand.RunAsync(configuration, "Development", null, CancellationToken.None);
        Assert.True(intact.Intact, intact.Message);
        Assert.Equal(await ScalarAsync("SELECT MAX(Sequence) FROM AuditRecords"), intact.HeadSequence);
        var changed = await ScalarAsync("SELECT MIN(Sequence) FROM AuditRecords WHERE OperationName = 'seed generate'") + 3;
        await _host.DropAppendOnlyTriggersAsync(); // as a DBA could
        await _host.ExecuteSqlAsync($"UPDATE AuditRecords SET UserName = 'mallory' WHERE Sequence = {changed}");

        var broken = await AuditVerifyCommand.RunAsync(configuration, "Development", null, CancellationToken.None);
        Assert.False(broken.Intact);
        Assert.Equal(AuditProblem.Altered, broken.Problem);
        Assert.Equal(changed, broken.FirstBrokenSequence);
    }

    private async Task<Dictionary<(string Type, string Status), long>> StatusesAsync() =>
        (await RowsAsync("SELECT Type, Status, COUNT(*) FROM Reports GROUP BY Type, Status")).ToDictionary(r => ((string)r[0], (string)r[1]), r => (long)r[2]);

    /// <summary>The report types whose shipped modules write demo data.</summary>
    internal static readonly string[] ShippedTypes = ["SIR", "OPPRED", "SPEAR", "SPOT", "LEARA", "EROLEAD", "EROTAV"];

    private async Task<long> ScalarAsync(string sql) => (long)(await RowsAsync(sql)).Single()[0];

    private async Task<List<object[]>> RowsAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_host.DatabaseFile};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object[]>();
        while (await reader.ReadAsync())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }

        return rows;
    }
}

/// <summary>The <c>seed demo</c> command, as a user runs it against a database of their own.</summary>
public sealed class SeedDemoCommandTests
{
    [Fact]
    public async Task Seed_demo_writes_the_demo_data_once()
    {
        using var folder = new TempFolder("seed-demo");
        var environment = new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["Plugins__Path"] = RepoPaths.ShippedPlugins,
            ["ConnectionStrings__SenGraph"] = $"Data Source={Path.Combine(folder.Path, "demo.db")}",
        };

        // 30 reports of each of the seven types through the real workflow: longer than the default 2 minutes on a busy machine.
        var first = await HostProcess.RunAsync(environment, TimeSpan.FromMinutes(8), "seed", "demo");
        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("Demo reports written: ", first.Output);
        Assert.All(DemoDataTests.ShippedTypes, type => Assert.Matches($@"Demo reports written: [^\n]*\b30 {type}\b", first.Output));
        // Every step of every plan went through (the IROC marks only what its queue holds), and the seeding application ran
        // no module's background service (a LENS dispatcher started there outlived its container).
        Assert.DoesNotContain("stopped early", first.Output);
        Assert.DoesNotContain("stopped at a step", first.Output + first.Error);
        Assert.DoesNotContain("background service", first.Output + first.Error);

        var second = await HostProcess.RunAsync(environment, "seed", "demo");
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Contains("No demo reports written; left alone: ", second.Output);
        Assert.All(DemoDataTests.ShippedTypes, type => Assert.Contains($"{type} (it already has reports)", second.Output));
    }

    [Fact]
    public async Task Seed_generate_writes_reports_in_bulk_printing_progress_on_standard_error()
    {
        using var folder = new TempFolder("seed-generate");
        var environment = new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["Plugins__Path"] = RepoPaths.ShippedPlugins,
            ["ConnectionStrings__SenGraph"] = $"Data Source={Path.Combine(folder.Path, "generated.db")}",
        };

        // Spread evenly over the shipped types: 210 over seven is 30 each.
        var total = 30 * DemoDataTests.ShippedTypes.Length;
        var run = await HostProcess.RunAsync(environment, "seed", "generate", "--reports", total.ToString());
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.All(DemoDataTests.ShippedTypes, type => Assert.Matches($@"Demo reports written: [^\n]*\b30 {type}\b", run.Output));
        Assert.Contains($"{total}/{total} reports (100%)", run.Error);
        Assert.DoesNotContain($"{total}/{total}", run.Output);
    }
}
