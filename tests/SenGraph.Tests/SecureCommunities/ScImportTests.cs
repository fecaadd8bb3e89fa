using System.Text.Json.Nodes;
using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.SecureCommunities;

/// <summary>
/// The import files over HTTP (importSecureCommunitiesData, issue 19 item 1): every row checked with its line number,
/// nothing imported when a row is invalid unless skipInvalid, events for matches only, idempotent per id. Each test
/// uses its own site (and ids), so they share one host.
/// </summary>
[Trait(TestDatabase.Trait, "true")] // runs again on PostgreSQL in CI (TestDatabase)
public sealed class ScImportTests(ScHost host) : IClassFixture<ScHost>
{
    [Fact]
    public async Task A_file_with_one_invalid_row_imports_nothing_and_names_the_line_and_column()
    {
        var transmissions = ScApi.Csv(ScApi.TransmissionsHeader,
            "IMP1-T1,2009-02-10T10:00:00-05:00,TX1010000,TX,IMP1,MATCH,LEVEL_2,2009-02-10T10:05:00-05:00,",
            "IMP1-T2,2009-02-10T11:00:00-05:00,TX1010000,TX,IMP1,MATCH,,,",            // line 3: a match needs its level
            "IMP1-T3,10/02/2009,TX10100,TX,IMP1,NO_MATCH,,,");                        // line 4: bad time, bad ORI

        var payload = await host.ImportAsync(transmissions, null);

        Assert.False(payload["result"]!["applied"]!.GetValue<bool>());
        Assert.Equal(0, payload["result"]!["transmissionsWritten"]!.GetValue<int>());
        var errors = payload["errors"]!.AsArray().Select(e => (Code: e!["code"]!.GetValue<string>(), Path: string.Join("/", e["path"]!.AsArray().Select(p => p!.GetValue<string>())))).ToList();
        Assert.Contains(("REQUIRED", "input/transmissionsCsv/3/iar_level"), errors);
        Assert.Contains(("INVALID_VALUE", "input/transmissionsCsv/4/submitted_at"), errors);
        Assert.Contains(("INVALID_VALUE", "input/transmissionsCsv/4/ori"), errors);
        var table = await host.OutcomesAsync("2009-02-01", "2009-02-28", "IMP1");
        Assert.Equal(new[] { 0, 0 }, table.Row("IDENT_MATCHES"));
    }

    [Fact]
    public async Task Skip_invalid_imports_the_valid_rows_and_reports_the_skipped_ones()
    {
        var transmissions = ScApi.Csv(ScApi.TransmissionsHeader,
            "IMP2-T1,2009-02-10T10:00:00-05:00,TX1010000,TX,IMP2,MATCH,LEVEL_2,,",
            "IMP2-T2,2009-02-10T11:00:00-05:00,TX1010000,TX,IMP2,MAYBE,,,",
            "IMP2-T1,2009-02-11T11:00:00-05:00,TX1010000,TX,IMP2,NO_MATCH,,,");

        var payload = await host.ImportAsync(transmissions, null, skipInvalid: true);

        Assert.True(payload["result"]!["applied"]!.GetValue<bool>());
        Assert.Equal(1, payload["result"]!["transmissionsWritten"]!.GetValue<int>());
        Assert.Equal(2, payload["result"]!["skipped"]!.GetValue<int>());
        var codes = payload["errors"]!.AsArray().Select(e => e!["code"]!.GetValue<string>()).ToList();
        Assert.Equal(["INVALID_VALUE", "DUPLICATE"], codes);
        var table = await host.OutcomesAsync("2009-02-01", "2009-02-28", "IMP2");
        Assert.Equal(new[] { 1, 1 }, table.Row("IDENT_MATCHES"));
    }

    [Fact]
    public async Task An_event_needs_a_match_in_the_same_batch_or_already_imported()
    {
        var transmissions = ScApi.Csv(ScApi.TransmissionsHeader,
            "IMP3-T1,2009-03-02T09:00:00-05:00,MA0130100,MA,IMP3,MATCH,LEVEL_1,,",
            "IMP3-T2,2009-03-02T09:10:00-05:00,MA0130100,MA,IMP3,NO_MATCH,,,");
        var events = ScApi.Csv(ScApi.EventsHeader,
            "IMP3-E1,IMP3-T1,DETAINER_ISSUED,2009-03-03T09:00:00-05:00",
            "IMP3-E2,IMP3-T2,DETAINER_ISSUED,2009-03-03T09:00:00-05:00",
            "IMP3-E3,IMP3-NOPE,BOOKED_INTO_ICE_CUSTODY,2009-03-03T09:00:00-05:00",
            "IMP3-E4,IMP3-T1,ARRESTED,2009-03-03T09:00:00-05:00");

        var refused = await host.ImportAsync(transmissions, events);

        Assert.False(refused["result"]!["applied"]!.GetValue<bool>());
        var errors = refused["errors"]!.AsArray().Select(e => (e!["code"]!.GetValue<string>(), e["path"]![2]!.GetValue<string>())).ToList();
        Assert.Equal([("INVALID_VALUE", "5"), ("NOT_A_MATCH", "3"), ("UNKNOWN_TRANSMISSION", "4")], errors.OrderBy(e => e.Item1).ToList());

        // The match first, its event in a later batch: found among what is stored.
        Assert.True((await host.ImportAsync(transmissions, null))["result"]!["applied"]!.GetValue<bool>());
        var later = await host.ImportAsync(null, ScApi.Csv(ScApi.EventsHeader, "IMP3-E1,IMP3-T1,DETAINER_ISSUED,2009-03-03T09:00:00-05:00"));
        Assert.Equal(1, later["result"]!["eventsWritten"]!.GetValue<int>());
        var table = await host.OutcomesAsync("2009-03-01", "2009-03-31", "IMP3");
        Assert.Equal(new[] { 1, 1 }, table.Row("DETAINERS_ISSUED"));
    }

    [Fact]
    public async Task A_header_that_is_not_the_interface_s_imports_nothing()
    {
        var payload = await host.ImportAsync("id,submitted,ori\nX,2009-01-01T00:00:00Z,TX1010000\n", null);

        Assert.Equal("BAD_HEADER", payload["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Contains("missing transmission_id", payload["errors"]![0]!["message"]!.GetValue<string>());
        Assert.False(payload["result"]!["applied"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Quoted_fields_are_read_as_RFC_4180_says()
    {
        var payload = await host.ImportAsync(ScApi.Csv(ScApi.TransmissionsHeader,
            "\"IMP5-T1\",\"2009-01-05T10:00:00-05:00\",TX1010000,TX,\"IMP5\",MATCH,\"LEVEL_3\",,"), null);

        Assert.Empty(payload["errors"]!.AsArray());
        var table = await host.OutcomesAsync("2009-01-01", "2009-01-31", "IMP5");
        Assert.Equal(new[] { 1, 1 }, table.Row("IDENT_MATCHES"));
    }

    [Fact]
    public async Task Importing_the_metrics_needs_the_import_role_and_reading_them_a_metrics_role()
    {
        var agent = host.Token("sc-agent", "Agent", "SAC-NYC");
        var analyst = host.Analyst();
        var csv = ScApi.Csv(ScApi.TransmissionsHeader, "IMP6-T1,2009-01-05T10:00:00-05:00,TX1010000,TX,IMP6,NO_MATCH,,,");
        const string import = "mutation($input: ImportSecureCommunitiesDataInput!) { importSecureCommunitiesData(input: $input) { errors { code } } }";
        const string read = "{ secureCommunitiesMetrics(from: \"2009-01-01\", to: \"2009-01-31\") { total { transmissions } } }";

        Assert.Contains("AUTH_NOT_AUTHORIZED", (await host.PostAsync(import, new { input = new { transmissionsCsv = csv } }, analyst)).ErrorCodes);
        Assert.Contains("AUTH_NOT_AUTHORIZED", (await host.PostAsync(import, new { input = new { transmissionsCsv = csv } }, host.Token("sc-program", "SC Program Staff", "HQ-ICE"))).ErrorCodes);
        Assert.Contains("AUTH_NOT_AUTHORIZED", (await host.PostAsync(read, null, agent)).ErrorCodes);
        Assert.Contains("AUTH_NOT_AUTHORIZED", (await host.PostAsync(read, null, host.Importer())).ErrorCodes);
        (await host.PostAsync(read, null, analyst)).ShouldSucceed();
        (await host.PostAsync(read, null, host.Token("sc-hq", "Headquarters Agent", "HQ-ICE"))).ShouldSucceed();
        (await host.PostAsync(read, null, host.Token("sc-program", "SC Program Staff", "HQ-ICE"))).ShouldSucceed();
        Assert.Empty((await host.ImportAsync(csv, null))["errors"]!.AsArray());
    }
}
