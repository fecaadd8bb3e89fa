using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.SecureCommunities;

/// <summary>
/// The briefings' outcome table (issue 19 item 2) over HTTP, on data designed for its edge cases: a match on the last
/// day of a month at 23:30 Eastern (already the next month in UTC), a detainer issued two months after its match, a match
/// with several outcomes, events after the as-of date, a re-import of a changed row; and the SQL it takes.
/// </summary>
public sealed class ScOutcomeTableTests(ScHost host) : IClassFixture<ScHost>
{
    private static readonly string Transmissions = ScApi.Csv(ScApi.TransmissionsHeader,
        // 23:30 Eastern on 31 January is 04:30 UTC on 1 February: a January match.
        "EDGE-T1,2009-01-31T23:30:00-05:00,NC0920000,NC,EDGE,MATCH,LEVEL_1,2009-01-31T23:40:00-05:00,2009-02-01T02:00:00-05:00",
        "EDGE-T2,2009-02-10T10:00:00-05:00,NC0920000,NC,EDGE,MATCH,LEVEL_2,2009-02-10T10:05:00-05:00,2009-02-10T11:00:00-05:00",
        "EDGE-T3,2009-02-15T10:00:00Z,NC0920000,NC,EDGE,MATCH,LEVEL_3,2009-02-15T10:20:00Z,2009-02-16T12:00:00Z",
        "EDGE-T4,2009-02-01T10:00:00-05:00,NC0920000,NC,EDGE,NO_MATCH,,2009-02-01T10:03:00-05:00,",
        "EDGE-T5,2009-03-01T10:00:00-05:00,NC0920000,NC,EDGE,ERROR,,,");

    private static readonly string Events = ScApi.Csv(ScApi.EventsHeader,
        "EDGE-E1,EDGE-T1,DETAINER_ISSUED,2009-03-15T12:00:00-04:00",          // two months after its January match
        "EDGE-E2,EDGE-T2,DETAINER_ISSUED,2009-02-11T09:00:00-05:00",
        "EDGE-E3,EDGE-T2,BOOKED_INTO_ICE_CUSTODY,2009-02-12T09:00:00-05:00",
        "EDGE-E4,EDGE-T2,IN_PROCEEDINGS,2009-02-20T09:00:00-05:00",           // several outcomes of one match
        "EDGE-E5,EDGE-T2,REMOVED_VOLUNTARY,2009-03-01T09:00:00-05:00",
        "EDGE-E6,EDGE-T3,REMOVED_OTHER,2009-05-10T09:00:00-04:00",            // after the as-of date
        "EDGE-E7,EDGE-T3,DETAINER_ISSUED,2009-05-02T09:00:00-04:00");         // after the as-of date and the range

    private async Task ImportEdgeCasesAsync()
    {
        var payload = await host.ImportAsync(Transmissions, Events);
        Assert.Empty(payload["errors"]!.AsArray());
    }

    [Fact]
    public async Task The_table_counts_matches_by_eastern_month_detainers_by_their_own_month_and_outcomes_as_of_a_day()
    {
        await ImportEdgeCasesAsync();

        var table = await host.OutcomesAsync("2009-01-01", "2009-04-30", "EDGE", asOf: "2009-04-30");

        Assert.Equal(["2009-01", "2009-02", "2009-03", "2009-04"], table["months"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal([1, 2, 0, 0, 3], table.Row("IDENT_MATCHES"));
        Assert.Equal([0, 1, 1, 0, 2], table.Row("DETAINERS_ISSUED"));       // T2 in February, T1 in March (not January)
        Assert.Equal([0, 1, 0, 0, 1], table.Row("BOOKED_INTO_ICE_CUSTODY"));
        Assert.Equal([0, 1, 0, 0, 1], table.Row("REMOVALS"));
        Assert.Equal([0, 1, 0, 0, 1], table.Row("VOLUNTARY_REMOVALS"));     // counted in the match's month, February
        Assert.Equal([0, 0, 0, 0, 0], table.Row("OTHER_REMOVALS"));         // T3's removal is after the as-of date
        Assert.Equal([0, 1, 0, 0, 1], table.Row("IN_PROCEEDINGS"));         // T2 is in both rows
        Assert.Equal([0, 0, 0, 0, 0], table.Row("OTHER_OUTCOMES"));
        Assert.Equal([1, 1, 0, 0, 2], table.Row("AWAITING_OUTCOMES"));      // T1 (a detainer is no case status), T3
        Assert.Equal(14, table["rows"]!.AsArray().Count);
        Assert.Equal("Detainers Issued after Interoperability Hit", table["rows"]![1]!["label"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_an_as_of_date_later_events_count_and_one_level_restricts_the_table()
    {
        await ImportEdgeCasesAsync();

        var now = await host.OutcomesAsync("2009-01-01", "2009-04-30", "EDGE");
        var level1 = await host.OutcomesAsync("2009-01-01", "2009-04-30", "EDGE", level: "LEVEL_1");

        Assert.Equal([0, 2, 0, 0, 2], now.Row("REMOVALS"));
        Assert.Equal([0, 1, 0, 0, 1], now.Row("OTHER_REMOVALS"));
        Assert.Equal([1, 0, 0, 0, 1], now.Row("AWAITING_OUTCOMES"));
        Assert.Equal([0, 1, 1, 0, 2], now.Row("DETAINERS_ISSUED"));         // T3's detainer is in May, outside the range
        Assert.Equal([1, 0, 0, 0, 1], level1.Row("IDENT_MATCHES"));
        Assert.Equal([0, 0, 1, 0, 1], level1.Row("DETAINERS_ISSUED"));
        Assert.Equal([1, 0, 0, 0, 1], level1.Row("AWAITING_OUTCOMES"));
    }

    [Fact]
    public async Task Importing_the_same_files_again_changes_nothing_and_a_changed_row_is_updated()
    {
        await ImportEdgeCasesAsync();

        var again = await host.ImportAsync(Transmissions, Events);
        var changed = await host.ImportAsync(ScApi.Csv(ScApi.TransmissionsHeader,
            "EDGE-T3,2009-02-15T10:00:00Z,NC0920000,NC,EDGE,MATCH,LEVEL_1,2009-02-15T10:20:00Z,2009-02-16T12:00:00Z"), null);

        Assert.Equal(0, again["result"]!["transmissionsWritten"]!.GetValue<int>());
        Assert.Equal(0, again["result"]!["eventsWritten"]!.GetValue<int>());
        Assert.Equal(1, changed["result"]!["transmissionsWritten"]!.GetValue<int>());
        var level1 = await host.OutcomesAsync("2009-01-01", "2009-04-30", "EDGE", level: "LEVEL_1");
        Assert.Equal([1, 1, 0, 0, 2], level1.Row("IDENT_MATCHES"));
        // Put it back for the other tests of this class.
        await host.ImportAsync(Transmissions, null);
    }

    [Fact]
    public async Task The_cumulative_metrics_count_levels_and_response_times()
    {
        await ImportEdgeCasesAsync();

        var response = await host.PostAsync("""
            { secureCommunitiesMetrics(from: "2009-01-01", to: "2009-04-30", site: "EDGE") {
                total { transmissions matches matchRate level1 level2 level3 level2Or3 usc level1Share idrReturned idrWithin15Minutes idrWithin4Hours
                        iarReturned iarWithin15Minutes iarWithin4Hours iarWithin24Hours }
                byMonth { month transmissions matches } } }
            """, null, host.Analyst());

        var metrics = response.ShouldSucceed().Data!["secureCommunitiesMetrics"]!;
        var total = metrics["total"]!;
        Assert.Equal(5, total["transmissions"]!.GetValue<int>());
        Assert.Equal(3, total["matches"]!.GetValue<int>());
        Assert.Equal(0.6, total["matchRate"]!.GetValue<double>());
        Assert.Equal(2, total["level2Or3"]!.GetValue<int>());
        Assert.Equal(0.3333, total["level1Share"]!.GetValue<double>());
        Assert.Equal(4, total["idrReturned"]!.GetValue<int>());
        Assert.Equal(3, total["idrWithin15Minutes"]!.GetValue<int>());       // T3's took 20 minutes
        Assert.Equal(4, total["idrWithin4Hours"]!.GetValue<int>());
        Assert.Equal(3, total["iarReturned"]!.GetValue<int>());
        Assert.Equal(0, total["iarWithin15Minutes"]!.GetValue<int>());
        Assert.Equal(2, total["iarWithin4Hours"]!.GetValue<int>());          // T1 2.5 h, T2 1 h; T3 26 h
        Assert.Equal(2, total["iarWithin24Hours"]!.GetValue<int>());
        Assert.Equal(["2009-01:1", "2009-02:3", "2009-03:1", "2009-04:0"],
            metrics["byMonth"]!.AsArray().Select(m => $"{m!["month"]}:{m["transmissions"]}"));
    }

    [Fact]
    public async Task The_table_takes_the_same_statements_whatever_the_amount_of_data()
    {
        using var counter = new SqlStatementCounter(host.DatabaseFile);
        await host.ImportAsync(ScApi.Csv(ScApi.TransmissionsHeader, "SQL-T1,2009-01-05T10:00:00-05:00,VA0290000,VA,SQLCOUNT,MATCH,LEVEL_2,,"),
            ScApi.Csv(ScApi.EventsHeader, "SQL-E1,SQL-T1,IN_PROCEEDINGS,2009-01-06T10:00:00-05:00"));
        counter.Reset();
        await host.OutcomesAsync("2009-01-01", "2009-04-30", "SQLCOUNT");
        var small = counter.Statements.Where(s => s.Contains("\"ScTransmissions\"")).ToList();

        var rows = Enumerable.Range(2, 600).Select(i => $"SQL-T{i},2009-0{1 + i % 4}-{1 + i % 27:D2}T10:00:00-05:00,VA0290000,VA,SQLCOUNT,MATCH,LEVEL_{1 + i % 3},,").ToArray();
        var events = Enumerable.Range(2, 600).Select(i => $"SQL-E{i},SQL-T{i},{(i % 2 == 0 ? "REMOVED_OTHER" : "DETAINER_ISSUED")},2009-04-28T10:00:00-04:00").ToArray();
        Assert.Empty((await host.ImportAsync(ScApi.Csv(ScApi.TransmissionsHeader, rows), ScApi.Csv(ScApi.EventsHeader, events)))["errors"]!.AsArray());
        counter.Reset();
        var table = await host.OutcomesAsync("2009-01-01", "2009-04-30", "SQLCOUNT");
        var large = counter.Statements.Where(s => s.Contains("\"ScTransmissions\"")).ToList();

        Assert.Equal(601, table.Row("IDENT_MATCHES")[^1]);
        Assert.Equal(300, table.Row("OTHER_REMOVALS")[^1]);
        Assert.Equal(2, small.Count);
        Assert.Equal(small.Count, large.Count);
    }
}
