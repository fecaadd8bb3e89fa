using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Reports.Workflow;
using SenGraph.Contracts.Security;
using SenGraph.Host.Kernel.Database;
using SenGraph.Host.Security;

namespace SenGraph.Host.Kernel.Reports;

/// <summary>
/// <c>reportStatistics</c>: PII-free counts of reports, by type, status, originating office or its area, month, event
/// state and each type's own category (SIR category, LEARA agency level), computed with SQL <c>GROUP BY</c> on every
/// provider (PIA 2.1, 2.2: "statistical reports that contain no PII"). It never reads a person, a title or a narrative,
/// so it is what Statistics Analysts (who may run statistical queries only) and Public Affairs Officers get instead of
/// reports. Only the types the caller may count are counted (<see cref="AccessControl.CountableTypesAsync"/>); a type
/// counted by area only (SPEAR) never shows or filters by office.
/// </summary>
public sealed class ReportStatisticsQueries : ObjectGraphType
{
    public ReportStatisticsQueries(IDbContextFactory<SenDbContext> databases)
    {
        Field<NonNullGraphType<ReportStatisticsGraphType>>("reportStatistics")
            .Description("Counts of reports of the types you may count (PII-free), grouped by the dimensions asked for "
                + "(by default type, status, office and month created), among the reports the filter keeps.")
            .Argument<ReportStatisticsFilterInputGraphType>("where", "Which reports to count; every report of a type you may count when omitted.")
            .Argument<ListGraphType<NonNullGraphType<ReportStatisticsDimensionGraphType>>>("groupBy",
                "The dimensions to count by, e.g. [TYPE, MONTH]; an empty list gives the total only. Default: [TYPE, STATUS, OFFICE, MONTH].")
            .AuthorizeWithPolicy(HostPolicies.Statistics)
            .Statistical()
            .ResolveAsync(async c =>
            {
                var filter = c.GetArgument<ReportStatisticsFilter?>("where");
                var dimensions = (c.GetArgument<List<ReportStatisticsDimension>?>("groupBy") ?? [.. ReportStatistics.DefaultDimensions]).ToHashSet();
                var access = c.RequestServices!.GetRequiredService<AccessControl>();
                var countable = await access.CountableTypesAsync(c.Schema, c.User);
                await using var db = await databases.CreateDbContextAsync(c.CancellationToken);
                var counts = await ReportStatistics.CountAsync(db, countable, filter, dimensions, c.CancellationToken);
                var operational = await access.HasPiiNeedToKnowAsync(c.Schema, c.User);
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
    Area,
    State,
    Category,
}

/// <summary>Which reports <c>reportStatistics</c> counts.</summary>
public sealed record ReportStatisticsFilter(
    List<string>? Types, List<ReportStatus>? Statuses, List<string>? Offices, DateTimeOffset? CreatedFrom, DateTimeOffset? CreatedBefore,
    List<string>? Areas = null, List<string>? States = null);

/// <summary>One group's count; the dimensions not grouped by are null.</summary>
public sealed record ReportStatisticsGroup(string? Type, ReportStatus? Status, string? Office, string? Month, int Count,
    string? Area = null, string? State = null, string? Category = null, string? CategoryField = null);

/// <summary>The answer of <c>reportStatistics</c>; <paramref name="TotalWithheld"/> when the total is a small count withheld from the caller.</summary>
public sealed record ReportStatisticsResult(int Total, IReadOnlyList<ReportStatisticsGroup> Groups, int SuppressedGroups = 0, bool TotalWithheld = false);

public static class ReportStatistics
{
    /// <summary>The smallest count shown to roles outside the operational staff: from 1 to 4 reports could single one out.</summary>
    public const int SmallestShownCount = 5;

    public const string Suppressed = "STATISTICS_SUPPRESSED";

    /// <summary>What <c>reportStatistics</c> groups by when <c>groupBy</c> is omitted.</summary>
    public static IReadOnlyList<ReportStatisticsDimension> DefaultDimensions { get; } =
        [ReportStatisticsDimension.Type, ReportStatisticsDimension.Status, ReportStatisticsDimension.Office, ReportStatisticsDimension.Month];

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
    /// Counts the reports of the <paramref name="countable"/> types kept by <paramref name="filter"/>, grouped by
    /// <paramref name="dimensions"/>, in SQL: one <c>GROUP BY</c> over the envelope for the types counted by office, one for
    /// those counted by area only, and, when the category is asked for, one in each declaring type's own context. A type
    /// counted by area only is left out when the filter names offices. The month is the UTC month created, <c>yyyy-MM</c>.
    /// </summary>
    public static async Task<ReportStatisticsResult> CountAsync(SenDbContext db, IReadOnlyList<IReportType> countable,
        ReportStatisticsFilter? filter, IReadOnlySet<ReportStatisticsDimension> dimensions, CancellationToken cancellationToken)
    {
        var types = countable.ToList();
        if (filter?.Types is { } asked)
        {
            var codes = asked.Select(t => t.Trim().ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
            types = [.. types.Where(t => codes.Contains(t.Code))];
        }
        if (filter?.Offices is not null) types = [.. types.Where(t => !t.Statistics.AreaOnly)];

        var request = new ReportCountRequest
        {
            Types = [],
            Statuses = filter?.Statuses,
            Offices = filter?.Offices?.Select(DirectoryRules.NormalizeCode).ToList(),
            Areas = filter?.Areas?.Select(a => a.Trim().ToUpperInvariant()).ToList(),
            States = filter?.States?.Select(s => s.Trim().ToUpperInvariant()).ToList(),
            CreatedFrom = filter?.CreatedFrom,
            CreatedBefore = filter?.CreatedBefore,
            ByType = dimensions.Contains(ReportStatisticsDimension.Type),
            ByStatus = dimensions.Contains(ReportStatisticsDimension.Status),
            ByOffice = dimensions.Contains(ReportStatisticsDimension.Office),
            ByArea = dimensions.Contains(ReportStatisticsDimension.Area),
            ByMonth = dimensions.Contains(ReportStatisticsDimension.Month),
            ByState = dimensions.Contains(ReportStatisticsDimension.State),
            ByCategory = dimensions.Contains(ReportStatisticsDimension.Category),
        };

        var counts = new List<ReportCount>();
        var envelopeOnly = types.Where(t => !request.ByCategory || t.Statistics.Category is null).ToList();
        foreach (var areaOnly in new[] { false, true })
        {
            var codes = envelopeOnly.Where(t => t.Statistics.AreaOnly == areaOnly).Select(t => t.Code).ToList();
            if (codes.Count == 0) continue;
            counts.AddRange(await ReportCounting.CountAsync(db.Reports.AsNoTracking(), db.Offices.AsNoTracking(), request with { Types = codes },
                new ReportStatisticsDeclaration { AreaOnly = areaOnly }, cancellationToken));
        }
        foreach (var type in types.Except(envelopeOnly))
        {
            if (type.CountByCategoryAsync(request, cancellationToken) is { } byCategory) counts.AddRange(await byCategory);
        }

        var groups = counts
            .GroupBy(g => (g.Type, g.Status, g.Office, g.Area, g.Month, g.State, g.Category, g.CategoryField))
            .Select(g => new ReportStatisticsGroup(g.Key.Type, g.Key.Status, g.Key.Office, g.Key.Month, g.Sum(x => x.Count),
                g.Key.Area, g.Key.State, g.Key.Category, g.Key.CategoryField))
            .OrderBy(g => g.Type, StringComparer.Ordinal).ThenBy(g => g.Status).ThenBy(g => g.Office, StringComparer.Ordinal)
            .ThenBy(g => g.Area, StringComparer.Ordinal).ThenBy(g => g.Month, StringComparer.Ordinal).ThenBy(g => g.State, StringComparer.Ordinal)
            .ThenBy(g => g.CategoryField, StringComparer.Ordinal).ThenBy(g => g.Category, StringComparer.Ordinal)
            .ToList();
        return new ReportStatisticsResult(counts.Sum(c => c.Count), dimensions.Count == 0 ? [] : groups);
    }
}

public sealed class ReportStatisticsDimensionGraphType : EnumerationGraphType<ReportStatisticsDimension>
{
    public ReportStatisticsDimensionGraphType()
    {
        Name = "ReportStatisticsDimension";
        Description = "What report counts can be grouped by: report type, status, originating office, UTC month created, the originating "
            + "office's area, the event's state, and each type's own category (SIR and OPPRED: category; LEARA: the requesting agency's level).";
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
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("offices").Description("Originating office codes, e.g. [\"SAC-NYC\"]; every office when omitted. "
            + "Types counted by area only (SPEAR) are not counted when offices are named: filter by areas instead.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("areas").Description("Areas of the originating offices, e.g. [\"NYC\"]; every area when omitted.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("states").Description("USPS codes of the event's state, e.g. [\"NY\"]; every state (and none) when omitted.");
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
            .Description("One count per combination of the grouped dimensions that occurs, ordered by type, status, office, area, month, state, category. "
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
        Field<StringGraphType>("office").Description("Originating office code, when grouped by OFFICE; null for a type counted by area only (SPEAR).").Resolve(c => c.Source.Office);
        Field<StringGraphType>("month").Description("UTC month created, yyyy-MM, when grouped by MONTH.").Resolve(c => c.Source.Month);
        Field<StringGraphType>("area").Description("The originating office's area, when grouped by AREA.").Resolve(c => c.Source.Area);
        Field<StringGraphType>("state").Description("USPS code of the event's state, when grouped by STATE (null: not stated).").Resolve(c => c.Source.State);
        Field<StringGraphType>("category").Description("The type's category value as its field spells it (e.g. SIGNIFICANT_ARREST), when grouped by CATEGORY; "
            + "null for a type without a category.").Resolve(c => c.Source.Category);
        Field<StringGraphType>("categoryField").Description("Which field of the type the category is (e.g. category for SIR, agencyLevel for LEARA), when grouped by CATEGORY.")
            .Resolve(c => c.Source.CategoryField);
        Field<NonNullGraphType<IntGraphType>>("count").Description("How many reports.").Resolve(c => c.Source.Count);
    }
}
