using System.Globalization;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Security;
using SenGraph.Host.Security;

namespace SenGraph.Host.Workflow;

/// <summary>
/// <c>reportStatistics</c>: PII-free counts of reports of every type, by type, status, originating office and
/// month (PIA 2.1, 2.2: "statistical reports that contain no PII"). It reads four envelope columns and never a
/// person, a title or a narrative, so it is what Statistics Analysts (who may run statistical queries only) and
/// Public Affairs Officers get instead of reports.
/// </summary>
public sealed class ReportStatisticsQueries : ObjectGraphType
{
    public ReportStatisticsQueries(IDbContextFactory<WorkflowDbContext> databases)
    {
        Field<NonNullGraphType<ReportStatisticsGraphType>>("reportStatistics")
            .Description("Counts of reports of every type and every office (PII-free), grouped by the dimensions asked for "
                + "(by default type, status, office and month created), among the reports the filter keeps.")
            .Argument<ReportStatisticsFilterInputGraphType>("where", "Which reports to count; every report when omitted.")
            .Argument<ListGraphType<NonNullGraphType<ReportStatisticsDimensionGraphType>>>("groupBy",
                "The dimensions to count by, e.g. [TYPE, MONTH]; an empty list gives the total only. Default: every dimension.")
            .AuthorizeWithPolicy(HostPolicies.Statistics)
            .Statistical()
            .ResolveAsync(async c =>
            {
                var filter = c.GetArgument<ReportStatisticsFilter?>("where");
                var dimensions = (c.GetArgument<List<ReportStatisticsDimension>?>("groupBy") ?? [.. Enum.GetValues<ReportStatisticsDimension>()]).ToHashSet();
                await using var db = await databases.CreateDbContextAsync(c.CancellationToken);
                var counts = await ReportStatistics.CountAsync(db.Reports.AsNoTracking(), filter, dimensions, c.CancellationToken);
                var operational = await c.RequestServices!.GetRequiredService<AccessControl>().HasPiiNeedToKnowAsync(c.Schema, c.User);
                return operational ? counts : ReportStatistics.WithoutSmallCounts(counts);
            });
    }
}

/// <summary>What <c>reportStatistics</c> may count by.</summary>
public enum ReportStatisticsDimension
{
    Type,
    Status,
    Office,
    Month,
}

/// <summary>Which reports <c>reportStatistics</c> counts.</summary>
public sealed record ReportStatisticsFilter(
    List<string>? Types, List<ReportStatus>? Statuses, List<string>? Offices, DateTimeOffset? CreatedFrom, DateTimeOffset? CreatedBefore);

/// <summary>One group's count; the dimensions not grouped by are null.</summary>
public sealed record ReportStatisticsGroup(string? Type, ReportStatus? Status, string? Office, string? Month, int Count);

/// <summary>The answer of <c>reportStatistics</c>; <paramref name="TotalWithheld"/> when the total is a small count withheld from the caller.</summary>
public sealed record ReportStatisticsResult(int Total, IReadOnlyList<ReportStatisticsGroup> Groups, int SuppressedGroups = 0, bool TotalWithheld = false);

public static class ReportStatistics
{
    /// <summary>The smallest count shown to roles outside the operational staff: from 1 to 4 reports could single one out.</summary>
    public const int SmallestShownCount = 5;

    public const string Suppressed = "STATISTICS_SUPPRESSED";

    /// <summary>
    /// What roles without a need to know the people in reports (Public Affairs, Statistics Analysts) get: counts from 1
    /// to <see cref="SmallestShownCount"/> - 1 left out of the groups (how many are left out is said), and such a total withheld.
    /// </summary>
    public static ReportStatisticsResult WithoutSmallCounts(ReportStatisticsResult counts)
    {
        static bool Small(int count) => count is > 0 and < SmallestShownCount;
        var shown = counts.Groups.Where(g => !Small(g.Count)).ToList();
        return counts with { Groups = shown, SuppressedGroups = counts.Groups.Count - shown.Count, TotalWithheld = Small(counts.Total) };
    }

    /// <summary>
    /// Counts <paramref name="reports"/> kept by <paramref name="filter"/> (in SQL), grouped by <paramref name="dimensions"/>.
    /// The month is the UTC month the report was created, <c>yyyy-MM</c>; dates are compared in SQL, months are
    /// counted from the four columns read (providers disagree on date functions).
    /// </summary>
    public static async Task<ReportStatisticsResult> CountAsync(
        IQueryable<Report> reports, ReportStatisticsFilter? filter, IReadOnlySet<ReportStatisticsDimension> dimensions, CancellationToken cancellationToken)
    {
        if (filter?.Types is { } types)
        {
            var codes = types.Select(t => t.Trim().ToUpperInvariant()).ToList();
            reports = reports.Where(r => codes.Contains(r.Type));
        }
        if (filter?.Statuses is { } statuses) reports = reports.Where(r => statuses.Contains(r.Status));
        if (filter?.Offices is { } offices)
        {
            var codes = offices.Select(DirectoryRules.NormalizeCode).ToList();
            reports = reports.Where(r => codes.Contains(r.OriginatingOffice));
        }
        if (filter?.CreatedFrom is { } from) reports = reports.Where(r => r.CreatedAt >= from);
        if (filter?.CreatedBefore is { } before) reports = reports.Where(r => r.CreatedAt < before);

        var rows = await reports.Select(r => new { r.Type, r.Status, r.OriginatingOffice, r.CreatedAt }).ToListAsync(cancellationToken);
        var groups = rows
            .GroupBy(r => (
                Type: dimensions.Contains(ReportStatisticsDimension.Type) ? r.Type : null,
                Status: dimensions.Contains(ReportStatisticsDimension.Status) ? r.Status : (ReportStatus?)null,
                Office: dimensions.Contains(ReportStatisticsDimension.Office) ? r.OriginatingOffice : null,
                Month: dimensions.Contains(ReportStatisticsDimension.Month) ? r.CreatedAt.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture) : null))
            .Select(g => new ReportStatisticsGroup(g.Key.Type, g.Key.Status, g.Key.Office, g.Key.Month, g.Count()))
            .OrderBy(g => g.Type, StringComparer.Ordinal).ThenBy(g => g.Status).ThenBy(g => g.Office, StringComparer.Ordinal).ThenBy(g => g.Month, StringComparer.Ordinal)
            .ToList();
        return new ReportStatisticsResult(rows.Count, dimensions.Count == 0 ? [] : groups);
    }
}

public sealed class ReportStatisticsDimensionGraphType : EnumerationGraphType<ReportStatisticsDimension>
{
    public ReportStatisticsDimensionGraphType()
    {
        Name = "ReportStatisticsDimension";
        Description = "What report counts can be grouped by: report type, status, originating office, UTC month created.";
    }
}

public sealed class ReportStatisticsFilterInputGraphType : InputObjectGraphType<ReportStatisticsFilter>
{
    public ReportStatisticsFilterInputGraphType()
    {
        Name = "ReportStatisticsFilterInput";
        Description = "Which reports to count; every condition given must hold.";
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("types").Description("Report-type codes, e.g. [\"SIR\"]; every type when omitted.");
        Field<ListGraphType<NonNullGraphType<ReportStatusGraphType>>>("statuses").Description("Statuses; every status when omitted.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("offices").Description("Originating office codes, e.g. [\"SAC-NYC\"]; every office when omitted.");
        Field<DateTimeOffsetGraphType>("createdFrom").Description("Reports created at or after this time.");
        Field<DateTimeOffsetGraphType>("createdBefore").Description("Reports created before this time.");
    }
}

public sealed class ReportStatisticsGraphType : ObjectGraphType<ReportStatisticsResult>
{
    public ReportStatisticsGraphType()
    {
        Name = "ReportStatistics";
        Description = "Counts of reports, without any personal data.";
        Field<NonNullGraphType<IntGraphType>>("total")
            .Description("How many reports the filter keeps. For roles outside the operational staff (Public Affairs, Statistics Analysts) "
                + "a total from 1 to 4 is withheld: the field fails with STATISTICS_SUPPRESSED.")
            .Resolve(c => c.Source.TotalWithheld
                ? throw new ExecutionError($"Fewer than {ReportStatistics.SmallestShownCount} reports match, and counts that small are withheld from your roles "
                    + "so that no one report can be singled out; widen the filter.") { Code = ReportStatistics.Suppressed }
                : c.Source.Total);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReportStatisticsGroupGraphType>>>>("groups")
            .Description("One count per combination of the grouped dimensions that occurs, ordered by type, status, office, month. "
                + "For roles outside the operational staff, groups counting 1 to 4 reports are left out (see suppressedGroups).")
            .Resolve(c => c.Source.Groups);
        Field<NonNullGraphType<IntGraphType>>("suppressedGroups")
            .Description("How many groups were left out because they count 1 to 4 reports and your roles are outside the operational staff; 0 otherwise.")
            .Resolve(c => c.Source.SuppressedGroups);
    }
}

public sealed class ReportStatisticsGroupGraphType : ObjectGraphType<ReportStatisticsGroup>
{
    public ReportStatisticsGroupGraphType()
    {
        Name = "ReportStatisticsGroup";
        Description = "The number of reports sharing these values; a dimension not grouped by is null.";
        Field<StringGraphType>("type").Description("Report-type code, when grouped by TYPE.").Resolve(c => c.Source.Type);
        Field<ReportStatusGraphType>("status").Description("Status, when grouped by STATUS.").Resolve(c => c.Source.Status);
        Field<StringGraphType>("office").Description("Originating office code, when grouped by OFFICE.").Resolve(c => c.Source.Office);
        Field<StringGraphType>("month").Description("UTC month created, yyyy-MM, when grouped by MONTH.").Resolve(c => c.Source.Month);
        Field<NonNullGraphType<IntGraphType>>("count").Description("How many reports.").Resolve(c => c.Source.Count);
    }
}
