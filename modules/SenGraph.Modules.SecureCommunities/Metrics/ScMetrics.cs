using System.Data;
using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SenGraph.Modules.SecureCommunities.Data;

namespace SenGraph.Modules.SecureCommunities.Metrics;

/// <summary>What the tables are about: a date range (Eastern calendar days, both included), optionally one IAR level, as of a day, where.</summary>
public sealed record ScMetricsQuery(DateOnly From, DateOnly To, string? Level = null, DateOnly? AsOf = null, string? State = null, string? Site = null, string? Ori = null)
{
    /// <summary>The Eastern calendar months of the range, yyyymm, in order.</summary>
    public IReadOnlyList<int> Months
    {
        get
        {
            var months = new List<int>();
            for (var m = new DateOnly(From.Year, From.Month, 1); m <= To; m = m.AddMonths(1)) months.Add(m.Year * 100 + m.Month);
            return months;
        }
    }
}

/// <summary>A row of the outcome table: its label as the briefings print it, a count per month, the total.</summary>
public sealed record ScTableRow(string Code, string Label, int Depth, IReadOnlyList<int> Counts)
{
    public int Total => Counts.Sum();
}

/// <summary>The outcome table of a range: one column per month, rows in the briefings' order.</summary>
public sealed record ScOutcomeTable(ScMetricsQuery Query, IReadOnlyList<int> Months, IReadOnlyList<ScTableRow> Rows);

/// <summary>Counts of one month (or of the whole range) for the cumulative metrics and the charts.</summary>
public sealed record ScMonthCounts(
    int Month, int Transmissions, int Matches, int Level1, int Level2, int Level3, int Usc,
    int IdrReturned, int IdrWithin15Minutes, int IdrWithin4Hours, int IdrWithin24Hours,
    int IarReturned, int IarWithin15Minutes, int IarWithin4Hours, int IarWithin24Hours)
{
    public int Level2Or3 => Level2 + Level3;
    public double MatchRate => Share(Matches, Transmissions);
    public static double Share(int part, int whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 4);
}

/// <summary>The cumulative metrics: totals of the range and the same counts per month.</summary>
public sealed record ScCumulativeMetrics(ScMetricsQuery Query, ScMonthCounts Total, IReadOnlyList<ScMonthCounts> ByMonth);

/// <summary>
/// The briefings' tables computed in SQL on either provider: the outcome table in two statements (matches and outcomes
/// by the match's month; detainers by the month of the first detainer), the cumulative metrics in one, whatever the
/// size of the data. Months are the Eastern months stored at import; nothing is loaded but the grouped counts.
/// </summary>
public sealed class ScMetrics(IDbContextFactory<ScDbContext> databases)
{
    /// <summary>The rows of the outcome table, in order: code, label, indentation.</summary>
    public static readonly IReadOnlyList<(string Code, string Label, int Depth)> TableRows =
    [
        ("IDENT_MATCHES", "IDENT Matches", 0),
        ("DETAINERS_ISSUED", "Detainers Issued after Interoperability Hit", 0),
        ("BOOKED_INTO_ICE_CUSTODY", "Booked into ICE Custody", 0),
        ("REMOVALS", "Removals", 0),
        ("VOLUNTARY_REMOVALS", "Voluntary Removals", 1),
        ("OTHER_REMOVALS", "Other Removals", 1),
        ("IN_PROCEEDINGS", "In Proceedings", 0),
        ("OTHER_OUTCOMES", "Other Outcomes", 0),
        ("DIED", "Died", 1),
        ("PROCEEDINGS_TERMINATED", "A-Proceedings Terminated", 1),
        ("RELIEF_GRANTED", "B-Relief Granted", 1),
        ("CHARGING_DOCUMENT_CANCELED", "E-Charging Document Canceled", 1),
        ("PERMANENT_RESIDENCE_GRANTED", "L-Legalization - Permanent Residence Granted", 1),
        ("AWAITING_OUTCOMES", "Awaiting Outcomes", 0),
    ];

    // Per match: whether it has each kind among its events up to the as-of instant (one row per match with events).
    private static readonly (string Column, string Condition)[] EventFlags =
    [
        ("Booked", $"e.\"Kind\" = '{ScKinds.BookedIntoIceCustody}'"),
        ("Voluntary", $"e.\"Kind\" = '{ScKinds.RemovedVoluntary}'"),
        ("OtherRemoval", $"e.\"Kind\" = '{ScKinds.RemovedOther}'"),
        ("Proceedings", $"e.\"Kind\" = '{ScKinds.InProceedings}'"),
        ("Died", $"e.\"Kind\" = '{ScKinds.Died}'"),
        ("Terminated", $"e.\"Kind\" = '{ScKinds.ProceedingsTerminated}'"),
        ("Relief", $"e.\"Kind\" = '{ScKinds.ReliefGranted}'"),
        ("Canceled", $"e.\"Kind\" = '{ScKinds.ChargingDocumentCanceled}'"),
        ("Residence", $"e.\"Kind\" = '{ScKinds.PermanentResidenceGranted}'"),
        ("AnyStatus", $"e.\"Kind\" NOT IN ('{ScKinds.DetainerIssued}', '{ScKinds.BookedIntoIceCustody}')"),
    ];

    public async Task<ScOutcomeTable> OutcomesAsync(ScMetricsQuery query, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var months = query.Months;
        var rows = TableRows.ToDictionary(r => r.Code, _ => new int[months.Count]);
        int Column(int month) => months.ToList().IndexOf(month) is var i and >= 0 ? i : throw new InvalidOperationException($"Month {month} is outside the range.");

        // 1. Matches of each month and their outcomes up to the as-of date.
        var flags = string.Join(",\n  ", EventFlags.Select(f => $"MAX(CASE WHEN {f.Condition} THEN 1 ELSE 0 END) AS \"{f.Column}\""));
        string Has(string column) => $"SUM(CASE WHEN x.\"{column}\" = 1 THEN 1 ELSE 0 END)";
        var sql = new StringBuilder($"""
            SELECT {Select(
              "t.\"SubmittedMonth\"", "COUNT(*)",
              Has("Booked"),
              "SUM(CASE WHEN x.\"Voluntary\" = 1 OR x.\"OtherRemoval\" = 1 THEN 1 ELSE 0 END)",
              Has("Voluntary"), Has("OtherRemoval"), Has("Proceedings"),
              "SUM(CASE WHEN x.\"Died\" = 1 OR x.\"Terminated\" = 1 OR x.\"Relief\" = 1 OR x.\"Canceled\" = 1 OR x.\"Residence\" = 1 THEN 1 ELSE 0 END)",
              Has("Died"), Has("Terminated"), Has("Relief"), Has("Canceled"), Has("Residence"),
              "SUM(CASE WHEN x.\"AnyStatus\" = 1 THEN 0 ELSE 1 END)")}
            FROM "ScTransmissions" t
            LEFT JOIN (SELECT e."TransmissionId",
              {flags}
              FROM "ScCaseEvents" e {(query.AsOf is null ? "" : "WHERE e.\"OccurredAt\" < @asOf")}
              GROUP BY e."TransmissionId") x ON x."TransmissionId" = t."TransmissionId"
            WHERE t."Result" = 'MATCH' AND t."SubmittedAt" >= @from AND t."SubmittedAt" < @to
            """);
        string[] order = ["IDENT_MATCHES", "BOOKED_INTO_ICE_CUSTODY", "REMOVALS", "VOLUNTARY_REMOVALS", "OTHER_REMOVALS", "IN_PROCEEDINGS", "OTHER_OUTCOMES",
            "DIED", "PROCEEDINGS_TERMINATED", "RELIEF_GRANTED", "CHARGING_DOCUMENT_CANCELED", "PERMANENT_RESIDENCE_GRANTED", "AWAITING_OUTCOMES"];
        foreach (var row in await QueryAsync(db, query, sql.Append(Filters(query, "t", asOfOnSubmission: true)).Append(" GROUP BY t.\"SubmittedMonth\""), ct))
        {
            var column = Column(row[0]);
            for (var i = 0; i < order.Length; i++) rows[order[i]][column] = row[i + 1];
        }

        // 2. Detainers: each match counted once, in the month its first detainer was issued (not the month of the match).
        var detainers = new StringBuilder($"""
            SELECT {Select("d.\"Month\"", "COUNT(*)")} FROM (
              SELECT e."TransmissionId", MIN(e."OccurredAt") AS "FirstAt", MIN(e."OccurredMonth") AS "Month"
              FROM "ScCaseEvents" e JOIN "ScTransmissions" t ON t."TransmissionId" = e."TransmissionId"
              WHERE e."Kind" = '{ScKinds.DetainerIssued}' AND t."Result" = 'MATCH' {(query.AsOf is null ? "" : "AND e.\"OccurredAt\" < @asOf")}
            """);
        detainers.Append(Filters(query, "t", asOfOnSubmission: false))
            .Append(" GROUP BY e.\"TransmissionId\") d WHERE d.\"FirstAt\" >= @from AND d.\"FirstAt\" < @to GROUP BY d.\"Month\"");
        foreach (var row in await QueryAsync(db, query, detainers, ct)) rows["DETAINERS_ISSUED"][Column(row[0])] = row[1];

        return new ScOutcomeTable(query, months, TableRows.Select(r => new ScTableRow(r.Code, r.Label, r.Depth, rows[r.Code])).ToList());
    }

    public async Task<ScCumulativeMetrics> CumulativeAsync(ScMetricsQuery query, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        string Count(string condition) => $"SUM(CASE WHEN {condition} THEN 1 ELSE 0 END)";
        const string match = "t.\"Result\" = 'MATCH'";
        var sql = new StringBuilder($"""
            SELECT {Select("t.\"SubmittedMonth\"", "COUNT(*)", Count(match),
              Count(match + " AND t.\"IarLevel\" = 'LEVEL_1'"), Count(match + " AND t.\"IarLevel\" = 'LEVEL_2'"),
              Count(match + " AND t.\"IarLevel\" = 'LEVEL_3'"), Count(match + " AND t.\"IarLevel\" = 'USC'"),
              Count("t.\"IdrSeconds\" IS NOT NULL"), Count("t.\"IdrSeconds\" <= 900"), Count("t.\"IdrSeconds\" <= 14400"), Count("t.\"IdrSeconds\" <= 86400"),
              Count(match + " AND t.\"IarSeconds\" IS NOT NULL"), Count(match + " AND t.\"IarSeconds\" <= 900"),
              Count(match + " AND t.\"IarSeconds\" <= 14400"), Count(match + " AND t.\"IarSeconds\" <= 86400"))}
            FROM "ScTransmissions" t
            WHERE t."SubmittedAt" >= @from AND t."SubmittedAt" < @to
            """);
        sql.Append(Filters(query with { Level = null }, "t", asOfOnSubmission: true)).Append(" GROUP BY t.\"SubmittedMonth\"");
        var byMonth = query.Months.ToDictionary(m => m, m => new ScMonthCounts(m, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        foreach (var v in await QueryAsync(db, query, sql, ct))
            byMonth[v[0]] = new ScMonthCounts(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13], v[14]);

        var months = query.Months.Select(m => byMonth[m]).ToList();
        var total = months.Aggregate(new ScMonthCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), (a, m) => new ScMonthCounts(0,
            a.Transmissions + m.Transmissions, a.Matches + m.Matches, a.Level1 + m.Level1, a.Level2 + m.Level2, a.Level3 + m.Level3, a.Usc + m.Usc,
            a.IdrReturned + m.IdrReturned, a.IdrWithin15Minutes + m.IdrWithin15Minutes, a.IdrWithin4Hours + m.IdrWithin4Hours, a.IdrWithin24Hours + m.IdrWithin24Hours,
            a.IarReturned + m.IarReturned, a.IarWithin15Minutes + m.IarWithin15Minutes, a.IarWithin4Hours + m.IarWithin4Hours, a.IarWithin24Hours + m.IarWithin24Hours));
        return new ScCumulativeMetrics(query, total, months);
    }

    private static string Filters(ScMetricsQuery query, string alias, bool asOfOnSubmission)
    {
        var sql = new StringBuilder();
        if (query.Level is not null) sql.Append($" AND {alias}.\"IarLevel\" = @level");
        if (query.State is not null) sql.Append($" AND {alias}.\"State\" = @state");
        if (query.Site is not null) sql.Append($" AND {alias}.\"Site\" = @site");
        if (query.Ori is not null) sql.Append($" AND {alias}.\"Ori\" = @ori");
        if (asOfOnSubmission && query.AsOf is not null) sql.Append($" AND {alias}.\"SubmittedAt\" < @asOf");
        return sql.ToString();
    }

    /// <summary>The select list aliased C0, C1, ... and padded with zeros to <see cref="SqlRow"/>'s width.</summary>
    private static string Select(params string[] expressions) =>
        string.Join(", ", Enumerable.Range(0, SqlRow.Width).Select(i => $"{(i < expressions.Length ? expressions[i] : "0")} AS \"C{i}\""));

    /// <summary>Runs one statement through EF Core (logged, counted, intercepted like the context's others).</summary>
    private static async Task<List<int[]>> QueryAsync(ScDbContext db, ScMetricsQuery query, StringBuilder sql, CancellationToken ct)
    {
        var rows = await db.Database.SqlQueryRaw<SqlRow>(sql.ToString(), Parameters(db, query)).ToListAsync(ct);
        return rows.Select(r => r.Values).ToList();
    }

    private static object[] Parameters(ScDbContext db, ScMetricsQuery query)
    {
        using var command = db.Database.GetDbConnection().CreateCommand();
        var parameters = new List<object>();
        var sqlServer = db.Database.IsSqlServer();
        var postgreSql = db.Database.IsNpgsql();
        var converter = db.Model.FindEntityType(typeof(ScTransmission))!.FindProperty(nameof(ScTransmission.SubmittedAt))!.GetTypeMapping().Converter;
        object Time(DateOnly day)
        {
            var at = EasternTime.StartOf(day);
            if (postgreSql) return at.ToUniversalTime(); // timestamp with time zone takes UTC only
            return converter is null ? at : converter.ConvertToProvider(at)!;
        }

        void Add(string name, object value, DbType type)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            if (sqlServer) p.DbType = type;
            p.Value = value;
            parameters.Add(p);
        }

        Add("@from", Time(query.From), DbType.DateTimeOffset);
        Add("@to", Time(query.To.AddDays(1)), DbType.DateTimeOffset);
        if (query.AsOf is { } asOf) Add("@asOf", Time(asOf.AddDays(1)), DbType.DateTimeOffset);
        if (query.Level is not null) Add("@level", query.Level, DbType.String);
        if (query.State is not null) Add("@state", query.State, DbType.String);
        if (query.Site is not null) Add("@site", query.Site, DbType.String);
        if (query.Ori is not null) Add("@ori", query.Ori, DbType.String);
        return [.. parameters];
    }

    /// <summary>A row of grouped counts: C0 (the month) and up to fourteen counts.</summary>
    private sealed class SqlRow
    {
        public const int Width = 15;
        public int C0 { get; set; }
        public int C1 { get; set; }
        public int C2 { get; set; }
        public int C3 { get; set; }
        public int C4 { get; set; }
        public int C5 { get; set; }
        public int C6 { get; set; }
        public int C7 { get; set; }
        public int C8 { get; set; }
        public int C9 { get; set; }
        public int C10 { get; set; }
        public int C11 { get; set; }
        public int C12 { get; set; }
        public int C13 { get; set; }
        public int C14 { get; set; }
        public int[] Values => [C0, C1, C2, C3, C4, C5, C6, C7, C8, C9, C10, C11, C12, C13, C14];
    }
}
