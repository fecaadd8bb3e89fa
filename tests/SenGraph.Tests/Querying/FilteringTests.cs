namespace SenGraph.Tests.Querying;

/// <summary>Each operation, checked against the same predicate evaluated over the seed data.</summary>
public sealed class FilteringTests(QueryingFixture db) : IClassFixture<QueryingFixture>
{
    private static readonly DateTimeOffset Noon = QueryingFixture.Epoch.AddHours(12);
    private static readonly DateTimeOffset SevenUtc = QueryingFixture.Epoch.AddHours(7);
    private static readonly Guid Report7 = new(7, 0, 0, new byte[8]);
    private static readonly Guid Report8 = new(8, 0, 0, new byte[8]);

    public static TheoryData<string, Func<Report, bool>> Filters => new()
    {
        // String
        { """{ title: { eq: "Report 07" } }""", r => r.Title == "Report 07" },
        { """{ title: { neq: "Report 07" } }""", r => r.Title != "Report 07" },
        { """{ title: { in: ["Report 07", "Report 08", "nothing"] } }""", r => r.Title is "Report 07" or "Report 08" },
        { """{ title: { nin: ["Report 07", "Report 08"] } }""", r => r.Title is not ("Report 07" or "Report 08") },
        { """{ title: { contains: "port 1" } }""", r => r.Title.Contains("port 1") },
        { """{ title: { ncontains: "port 1" } }""", r => !r.Title.Contains("port 1") },
        { """{ title: { startsWith: "Seizure" } }""", r => r.Title.StartsWith("Seizure") },
        { """{ title: { nstartsWith: "Seizure" } }""", r => !r.Title.StartsWith("Seizure") },
        { """{ title: { endsWith: "5" } }""", r => r.Title.EndsWith('5') },
        { """{ title: { nendsWith: "5" } }""", r => !r.Title.EndsWith('5') },
        { """{ title: { startsWith: "Report", endsWith: "1" } }""", r => r.Title.StartsWith("Report") && r.Title.EndsWith('1') },
        // Null handling, as HotChocolate: eq null is IS NULL, neq null is IS NOT NULL
        { """{ narrative: { eq: null } }""", r => r.Narrative is null },
        { """{ narrative: { neq: null } }""", r => r.Narrative is not null },
        { """{ narrative: { in: [null, "Narrative of report 01"] } }""", r => r.Narrative is null or "Narrative of report 01" },
        { """{ occurredAt: { eq: null } }""", r => r.OccurredAt is null },
        { """{ priority: { eq: null } }""", r => false },
        { """{ priority: { neq: null } }""", r => true },
        // Int and Long (the renamed field "views" on ViewCount)
        { """{ priority: { eq: 3 } }""", r => r.Priority == 3 },
        { """{ priority: { neq: 3 } }""", r => r.Priority != 3 },
        { """{ priority: { in: [1, 2] } }""", r => r.Priority is 1 or 2 },
        { """{ priority: { nin: [1, 2] } }""", r => r.Priority is not (1 or 2) },
        { """{ priority: { gt: 3 } }""", r => r.Priority > 3 },
        { """{ priority: { gte: 3 } }""", r => r.Priority >= 3 },
        { """{ priority: { lt: 3 } }""", r => r.Priority < 3 },
        { """{ priority: { lte: 3 } }""", r => r.Priority <= 3 },
        { """{ priority: { gt: 1, lt: 4 } }""", r => r.Priority is > 1 and < 4 },
        { """{ views: { gte: 4000 } }""", r => r.ViewCount >= 4000 },
        { """{ id: { in: [3, 5, 99] } }""", r => r.Id is 3 or 5 },
        // DateTimeOffset (stored as binary on SQLite, compared in SQL)
        { """{ occurredAt: { gt: "2026-01-01T12:00:00Z" } }""", r => r.OccurredAt > Noon },
        { """{ occurredAt: { lte: "2026-01-01T12:00:00Z" } }""", r => r.OccurredAt <= Noon },
        // 09:00 at +02:00 is 07:00 UTC, when report 1 happened (report 27 happened at 09:00 UTC)
        { """{ occurredAt: { eq: "2026-01-01T09:00:00+02:00" } }""", r => r.OccurredAt == SevenUtc },
        { """{ occurredAt: { neq: "2026-01-01T12:00:00Z" } }""", r => r.OccurredAt != Noon },
        // Boolean
        { """{ urgent: { eq: true } }""", r => r.Urgent },
        { """{ urgent: { neq: true } }""", r => !r.Urgent },
        // Enum
        { """{ kind: { eq: SEIZURE } }""", r => r.Kind == ReportKind.Seizure },
        { """{ kind: { neq: SEIZURE } }""", r => r.Kind != ReportKind.Seizure },
        { """{ kind: { in: [ARREST, ASSAULT] } }""", r => r.Kind is ReportKind.Arrest or ReportKind.Assault },
        { """{ kind: { nin: [ARREST, ASSAULT] } }""", r => r.Kind is not (ReportKind.Arrest or ReportKind.Assault) },
        // ID over a Guid property
        { """{ externalId: { eq: "00000007-0000-0000-0000-000000000000" } }""", r => r.ExternalId == Report7 },
        { """{ externalId: { in: ["00000007-0000-0000-0000-000000000000", "00000008-0000-0000-0000-000000000000"] } }""", r => r.ExternalId == Report7 || r.ExternalId == Report8 },
        { """{ externalId: { nin: ["00000007-0000-0000-0000-000000000000"] } }""", r => r.ExternalId != Report7 },
        // Several fields, and, or, nesting
        { """{ urgent: { eq: true }, priority: { gte: 3 } }""", r => r.Urgent && r.Priority >= 3 },
        { """{ and: [{ urgent: { eq: true } }, { kind: { eq: ARREST } }] }""", r => r.Urgent && r.Kind == ReportKind.Arrest },
        { """{ or: [{ priority: { eq: 1 } }, { title: { startsWith: "Seizure" } }] }""", r => r.Priority == 1 || r.Title.StartsWith("Seizure") },
        { """{ or: [{ and: [{ urgent: { eq: true } }, { priority: { lt: 3 } }] }, { and: [{ narrative: { eq: null } }, { kind: { eq: SEIZURE } }] }] }""",
            r => (r.Urgent && r.Priority < 3) || (r.Narrative is null && r.Kind == ReportKind.Seizure) },
        { """{ kind: { eq: ASSAULT }, or: [{ priority: { eq: 1 } }, { priority: { eq: 5 } }] }""", r => r.Kind == ReportKind.Assault && r.Priority is 1 or 5 },
        { """{ and: [] }""", r => true },
        { """{ }""", r => true },
    };

    [Fact]
    public async Task A_time_with_an_offset_matches_the_same_instant_in_utc()
    {
        var result = await db.ExecuteAsync("""{ allReports(where: { occurredAt: { eq: "2026-01-01T09:00:00+02:00" } }) { nodes { id } } }""");

        Assert.Equal(new[] { 1 }, result.ShouldHaveData()["allReports"]!.Ids());
        Assert.Equal(SevenUtc, db.Reports.Single(r => r.Id == 1).OccurredAt);
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Where_returns_exactly_the_matching_reports(string where, Func<Report, bool> matches)
    {
        var result = await db.ExecuteAsync($"{{ allReports(first: 100, where: {where}) {{ totalCount nodes {{ id }} }} }}");

        var connection = result.ShouldHaveData()["allReports"]!;
        var expected = db.Reports.Where(matches).Select(r => r.Id).ToArray();
        Assert.Equal(expected, connection.Ids());
        Assert.Equal(expected.Length, connection["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Where_takes_variables()
    {
        var result = await db.ExecuteAsync(
            "query($where: ReportFilterInput) { allReports(first: 100, where: $where) { nodes { id } } }",
            """{ "where": { "or": [ { "title": { "in": ["Report 01", "Report 02"] } }, { "kind": { "eq": "SEIZURE" }, "priority": { "eq": 1 } } ] } }""");

        var expected = db.Reports.Where(r => r.Title is "Report 01" or "Report 02" || (r.Kind == ReportKind.Seizure && r.Priority == 1)).Select(r => r.Id);
        Assert.Equal(expected, result.ShouldHaveData()["allReports"]!.Ids());
    }

    [Fact]
    public async Task Fields_marked_not_filterable_cannot_be_filtered()
    {
        var result = await db.ExecuteAsync("""{ reports(where: { secretNote: { eq: "secret 1" } }) { nodes { id } } }""");

        Assert.Contains("secretNote", result["errors"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_second_node_type_filters_too()
    {
        var result = await db.ExecuteAsync("""{ people(first: 50, where: { age: { gte: 50 }, name: { startsWith: "Person 1" } }) { nodes { id } } }""");

        Assert.Equal(
            db.People.Where(p => p.Age >= 50 && p.Name.StartsWith("Person 1")).Select(p => p.Id),
            result.ShouldHaveData()["people"]!.Ids());
    }
}
