using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using SenGraph.Tests.Infrastructure;
using SenGraph.Tests.Sir;
using SenGraph.Tests.WebSockets;

namespace SenGraph.Tests.Auditing;

/// <summary>
/// Every write and every view of a report leaves its audit record, in order, naming the user and the
/// GraphQL operation; a write whose audit cannot be written does not happen; the store refuses changes.
/// </summary>
public sealed class AuditTrailTests(ShippedModulesHost host) : IClassFixture<ShippedModulesHost>
{
    private const string Create = "mutation DraftIt($input: CreateSirInput!) { createSir(input: $input) { sir { id version } errors { code message } } }";
    private const string Update = "mutation FixIt($input: UpdateSirInput!) { updateSir(input: $input) { sir { id version } errors { code message } } }";
    private const string Submit = "mutation SendIt($input: SubmitReportInput!) { submitReport(input: $input) { report { id version status } errors { code message } } }";

    private string Bob => host.Token("bob", "Agent", "SAC-BOS");

    private async Task<JsonNode> PostOkAsync(string query, object variables, string token) =>
        (await host.PostAsync(query, variables, token)).ShouldSucceed().Data!;

    [Fact]
    public async Task A_sir_created_updated_submitted_and_read_leaves_its_records_in_order_with_user_and_operation()
    {
        var created = await PostOkAsync(Create, new { input = SirApi.Input("Audited arrest") }, Bob);
        var id = created["createSir"]!["sir"]!["id"]!.GetValue<string>();
        var updated = await PostOkAsync(Update, new { input = SirApi.Input("Audited arrest, corrected", ("id", id), ("expectedVersion", 1)) }, Bob);
        var version = updated["updateSir"]!["sir"]!["version"]!.GetValue<int>();
        var submitted = await PostOkAsync(Submit, new { input = new { id, expectedVersion = version } }, Bob);
        Assert.Equal("SUBMITTED", submitted["submitReport"]!["report"]!["status"]!.GetValue<string>());
        await PostOkAsync("query LookAtIt($id: ID!) { sir(id: $id) { id title people { lastName aNumber } } }", new { id }, Bob);

        var records = await host.AuditRecordsAsync($"{{ recordId: {{ eq: \"{id}\" }} }}");

        Assert.Equal(
            [
                ("Insert", "DraftIt"), ("Read", "DraftIt"),
                ("Update", "FixIt"), ("Read", "FixIt"),
                ("Update", "SendIt"), ("Read", "SendIt"),
                ("Read", "LookAtIt"),
            ],
            records.Select(r => (r.Str("action"), r.Str("operationName"))));
        Assert.All(records, r => Assert.Equal("bob", r.Str("userName")));
        Assert.Equal("Reports+SirDetails", records[0].Str("entity"));
        Assert.Equal("Reports", records[1].Str("entity"));
        Assert.Contains("Title", records[2].Str("details"));
        Assert.Contains("Status", records[4].Str("details"));
        var sequences = records.Select(r => r["sequence"]!.GetValue<long>()).ToList();
        Assert.Equal(sequences.Order(), sequences);

        // The rows written with the report are audited in the same operations: its people, contacts, narratives, recipients.
        var draft = await host.AuditRecordsAsync($"{{ operationName: {{ eq: \"DraftIt\" }}, requestId: {{ eq: \"{records[0].Str("requestId")}\" }} }}");
        Assert.Equal(["ReportContacts", "ReportNarratives", "ReportPeople", "Reports", "Reports+SirDetails"],
            draft.Select(r => r.Str("entity")).Order(StringComparer.Ordinal));
        var sent = await host.AuditRecordsAsync($"{{ operationName: {{ eq: \"SendIt\" }}, requestId: {{ eq: \"{records[4].Str("requestId")}\" }} }}");
        Assert.Contains(sent, r => r.Str("action") == "Insert" && r.Str("entity") == "ReportRecipients");

        Assert.True((await host.VerifyAsync())["intact"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Reading_a_reports_people_records_which_pii_fields_were_returned()
    {
        var (id, _) = await host.DraftAsync(Bob, "PII view",
            ("contacts", new object[] { new { kind = "REPORTING_PERSONNEL", name = "Bob Agent" } }),
            ("narratives", new object[] { new { heading = "Incident", text = "Juan Perez resisted arrest." } }));

        // The envelope's title, contact names and narrative text may name a person (PIA 1.1): they are PII fields too.
        await PostOkAsync("query Names($id: ID!) { sir(id: $id) { title people { role lastName aNumber dateOfBirth } contacts { kind name } narratives { heading text } } }", new { id }, Bob);
        await PostOkAsync("query NoNames($id: ID!) { sir(id: $id) { number people { role } contacts { kind } narratives { heading } } }", new { id }, Bob);

        var reads = await host.AuditRecordsAsync($"{{ recordId: {{ eq: \"{id}\" }}, action: {{ eq: \"Read\" }}, operationName: {{ in: [\"Names\", \"NoNames\"] }} }}");
        Assert.Equal(2, reads.Count);
        Assert.Equal(["ReportContact.name", "ReportNarrative.text", "ReportPerson.aNumber", "ReportPerson.dateOfBirth", "ReportPerson.lastName", "Sir.title"],
            reads[0]["piiFields"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Empty(reads[1]["piiFields"]!.AsArray());
        Assert.Equal("type: Sir", reads[0].Str("details"));
    }

    [Fact]
    public async Task A_page_of_reports_records_one_view_per_report()
    {
        var bob = host.Token("bob", "Agent", "SAC-BOS");
        await host.DraftAsync(bob, "Paged view 1");
        await host.DraftAsync(bob, "Paged view 2");

        var page = (await host.PostAsync("query Paged { reports(first: 2, where: { title: { startsWith: \"Paged view\" } }) { nodes { id } } }", token: bob))
            .ShouldSucceed().Data!["reports"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ToList();

        var reads = await host.AuditRecordsAsync("{ operationName: { eq: \"Paged\" } }");
        Assert.Equal(2, page.Count);
        Assert.Equal(page.Order(), reads.Select(r => r.Str("recordId")).Order());
        Assert.All(reads, r => Assert.Empty(r["piiFields"]!.AsArray()));
    }

    [Fact]
    public async Task A_subscription_event_is_recorded_as_a_view_of_its_subscriber_before_it_is_sent()
    {
        await using var live = await GraphQLWsTestClient.InitializedAsync(host, authorization: "Bearer " + host.Token("iris", "IROC Staff", "IROC-HQ"));
        await live.SubscribeAsync("watch", "subscription Watch { reportSubmitted { id ... on Sir { people { lastName } } } }");
        var (id, version) = await host.DraftAsync(Bob, "Watched arrest");
        await host.WaitForReportSubscribersAsync("iris"); // registered before the submission
        await host.StepOkAsync("submitReport", Bob, new { id, expectedVersion = version });

        JsonNode message;
        do message = await live.ReceiveAsync();
        while (message["payload"]?["data"]?["reportSubmitted"]?["id"]?.GetValue<string>() != id);

        var view = Assert.Single(await host.AuditRecordsAsync($"{{ recordId: {{ eq: \"{id}\" }}, operationName: {{ eq: \"Watch\" }} }}"));
        Assert.Equal("iris", view.Str("userName"));
        Assert.Equal("Read", view.Str("action"));
        Assert.Equal(["ReportPerson.lastName"], view["piiFields"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.StartsWith("ws:", view.Str("requestId"));
    }

    [Fact]
    public async Task A_write_whose_audit_record_cannot_be_written_does_not_happen()
    {
        await host.VerifyAsync(); // the host is up and its tables exist
        var mallet = host.Token("mallet", "Agent", "SAC-BOS"); // acknowledges the Rules of Behavior before the failure is set up
        // A forced failure inside the write's transaction, at the audit insert, for this user only.
        await host.ExecuteSqlAsync("""
            CREATE TRIGGER IF NOT EXISTS "FailAuditForMallet" BEFORE INSERT ON "AuditRecords" WHEN NEW."UserName" = 'mallet'
            BEGIN SELECT RAISE(ABORT, 'forced audit failure'); END;
            """);
        try
        {
            var response = await host.PostAsync(Create, new { input = SirApi.Input("Never written") }, mallet);

            Assert.Contains("AUDIT_UNAVAILABLE", response.ErrorCodes);
            Assert.DoesNotContain("forced audit failure", response.Body);
            Assert.Equal(0, await host.ScalarAsync("SELECT COUNT(*) FROM \"Reports\" WHERE \"Title\" = 'Never written'"));
            Assert.Equal(0, await host.ScalarAsync("SELECT COUNT(*) FROM \"AuditRecords\" WHERE \"UserName\" = 'mallet' AND \"Entity\" LIKE 'Report%'"));
        }
        finally
        {
            await host.ExecuteSqlAsync("DROP TRIGGER \"FailAuditForMallet\";");
        }
    }

    [Fact]
    public async Task A_write_that_fails_inside_its_transaction_leaves_neither_rows_nor_audit_records()
    {
        await host.VerifyAsync();
        // The report and its people are inserted first; the narrative insert then fails.
        await host.ExecuteSqlAsync("""
            CREATE TRIGGER IF NOT EXISTS "FailNarrative" BEFORE INSERT ON "ReportNarratives" WHEN NEW."Text" = 'FAIL HERE'
            BEGIN SELECT RAISE(ABORT, 'forced write failure'); END;
            """);
        try
        {
            var input = SirApi.Input("Half written", ("narratives", new object[] { new { heading = "Incident", text = "FAIL HERE" } }));
            var response = await host.PostAsync(Create, new { input }, host.Token("hal", "Agent", "SAC-BOS"));

            Assert.Contains("INTERNAL_SERVER_ERROR", response.ErrorCodes);
            Assert.Equal(0, await host.ScalarAsync("SELECT COUNT(*) FROM \"Reports\" WHERE \"Title\" = 'Half written'"));
            Assert.Equal(0, await host.ScalarAsync("SELECT COUNT(*) FROM \"ReportPeople\" p WHERE NOT EXISTS (SELECT 1 FROM \"Reports\" r WHERE r.\"Id\" = p.\"ReportId\")"));
            Assert.Equal(0, await host.ScalarAsync("SELECT COUNT(*) FROM \"AuditRecords\" WHERE \"UserName\" = 'hal' AND \"Entity\" LIKE 'Report%'"));
        }
        finally
        {
            await host.ExecuteSqlAsync("DROP TRIGGER \"FailNarrative\";");
        }
    }

    [Fact]
    public async Task The_store_refuses_a_plain_update_or_delete()
    {
        await host.VerifyAsync();
        var update = await Assert.ThrowsAsync<SqliteException>(() => host.ExecuteSqlAsync("UPDATE \"AuditRecords\" SET \"UserName\" = 'nobody' WHERE \"Sequence\" = 1"));
        var delete = await Assert.ThrowsAsync<SqliteException>(() => host.ExecuteSqlAsync("DELETE FROM \"AuditRecords\" WHERE \"Sequence\" = 1"));

        Assert.Contains("append-only", update.Message);
        Assert.Contains("append-only", delete.Message);
        Assert.Equal(1, await host.ScalarAsync("SELECT COUNT(*) FROM \"AuditRecords\" WHERE \"Sequence\" = 1 AND \"UserName\" = 'system'"));
    }

    [Fact]
    public async Task Audit_records_are_for_system_administrators_only()
    {
        var response = await host.PostAsync("{ auditRecords { totalCount } verifyAuditTrail { intact } }", token: Bob);

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.Status);
        Assert.Contains("AUTH_NOT_AUTHORIZED", response.ErrorCodes);
    }

    [Fact]
    public async Task Seeding_is_recorded_as_the_system()
    {
        var seeded = await host.AuditRecordsAsync("{ userName: { eq: \"system\" }, recordId: { eq: \"dave\" } }");

        var record = Assert.Single(seeded);
        Assert.Equal("Insert", record.Str("action"));
        Assert.Equal("Users", record.Str("entity"));
        Assert.Equal("seed directory", record.Str("operationName"));
    }
}
