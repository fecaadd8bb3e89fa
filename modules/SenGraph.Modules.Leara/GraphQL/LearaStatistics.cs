using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Reports.Workflow;
using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Reports.Kit;
using SenGraph.Contracts.Security;
using SenGraph.Modules.Leara.Data;

namespace SenGraph.Modules.Leara.GraphQL;

/// <summary>What <c>learaStatistics</c> may count by.</summary>
public enum LearaStatisticsDimension
{
    Agency,
    AgencyLevel,
    AgencyState,
    Month,
    Program,
    Outcome,
}

/// <summary>Which submitted LEARAs <c>learaStatistics</c> counts; every condition given must hold.</summary>
public sealed record LearaStatisticsFilter(
    List<LearaAgencyLevel>? AgencyLevels, List<string>? AgencyStates, List<LearaProgram>? Programs, List<LearaOutcome>? Outcomes,
    DateOnly? ReceivedFrom, DateOnly? ReceivedBefore);

/// <summary>One group's counts; the dimensions not grouped by are null (and so is an outcome still pending when grouped by outcome).</summary>
public sealed record LearaStatisticsGroup(
    string? Agency, LearaAgencyLevel? AgencyLevel, string? AgencyState, string? Month, LearaProgram? Program, LearaOutcome? Outcome,
    int Count, int Completed, double? MedianDaysToResponse);

public sealed record LearaStatisticsResult(int Total, int Completed, double? MedianDaysToResponse, IReadOnlyList<LearaStatisticsGroup> Groups,
    int SuppressedGroups = 0, bool TotalWithheld = false);

/// <summary>
/// The memo's purpose: track and report requests for assistance by state, local and tribal agency (PIA 2.1, 2.2: PII-free).
/// Counts submitted LEARAs in SQL, grouped by the dimensions asked for, reading the agency, level, state, date received,
/// program, outcome and completion date, never a person, a contact or a narrative. The median days from request to
/// completed response comes from a histogram SQL returns (one row per group and number of days); roles without a
/// need to know get no group counting 1 to 4 requests, and no such total, as <c>reportStatistics</c>.
/// </summary>
public static class LearaStatistics
{
    public const int SmallestShownCount = 5;
    public const string Suppressed = "STATISTICS_SUPPRESSED";

    /// <summary>May run <c>learaStatistics</c>: Statistics Analysts and managers.</summary>
    public const string Policy = "leara.statistics";

    /// <summary>The roles of the policy with a need to know (the managers), who see every count; Statistics Analysts do not.</summary>
    public static IReadOnlyList<string> OperationalRoles { get; } =
        [DirectoryRoles.OfficeManager, DirectoryRoles.Supervisor, DirectoryRoles.HeadquartersAgent, DirectoryRoles.IrocStaff];

    public static async Task<LearaStatisticsResult> CountAsync(
        IQueryable<LearaReport> learas, LearaStatisticsFilter? filter, IReadOnlySet<LearaStatisticsDimension> dimensions, CancellationToken cancellationToken)
    {
        learas = learas.Where(r => r.Type == "LEARA" && r.Status == ReportStatus.Submitted);
        if (filter?.AgencyLevels is { } levels) learas = learas.Where(r => levels.Contains(r.AgencyLevel));
        if (filter?.AgencyStates is { } states)
        {
            var codes = states.Select(s => s.Trim().ToUpperInvariant()).ToList();
            learas = learas.Where(r => r.AgencyState != null && codes.Contains(r.AgencyState));
        }
        if (filter?.Programs is { } programs) learas = learas.Where(r => programs.Contains(r.Program));
        if (filter?.Outcomes is { } outcomes) learas = learas.Where(r => r.Outcome != null && outcomes.Contains(r.Outcome.Value));
        if (filter?.ReceivedFrom is { } from) learas = learas.Where(r => r.ReceivedOn >= from);
        if (filter?.ReceivedBefore is { } before) learas = learas.Where(r => r.ReceivedOn < before);

        bool By(LearaStatisticsDimension d) => dimensions.Contains(d);
        var (agency, level, state, month, program, outcome) = (By(LearaStatisticsDimension.Agency), By(LearaStatisticsDimension.AgencyLevel),
            By(LearaStatisticsDimension.AgencyState), By(LearaStatisticsDimension.Month), By(LearaStatisticsDimension.Program), By(LearaStatisticsDimension.Outcome));

        // One SQL statement: GROUP BY the dimensions asked for (a dimension not asked for is a constant) and the days to
        // response (null while pending), COUNT(*) per row: a histogram of response times per group.
        var rows = await learas
            .Select(r => new
            {
                Agency = agency ? r.RequestingAgency : null,
                Level = level ? (LearaAgencyLevel?)r.AgencyLevel : null,
                State = state ? r.AgencyState : null,
                Year = month ? (int?)r.ReceivedOn.Year : null,
                Month = month ? (int?)r.ReceivedOn.Month : null,
                Program = program ? (LearaProgram?)r.Program : null,
                Outcome = outcome ? r.Outcome : null,
                Days = r.ResponseCompletedOn == null ? (int?)null : r.ResponseCompletedOn.Value.DayNumber - r.ReceivedOn.DayNumber,
            })
            .GroupBy(x => new { x.Agency, x.Level, x.State, x.Year, x.Month, x.Program, x.Outcome, x.Days })
            .Select(g => new { g.Key.Agency, g.Key.Level, g.Key.State, g.Key.Year, g.Key.Month, g.Key.Program, g.Key.Outcome, g.Key.Days, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var groups = rows
            .GroupBy(x => (x.Agency, x.Level, x.State, Month: x.Year is { } y ? $"{y:D4}-{x.Month:D2}" : null, x.Program, x.Outcome))
            .Select(g => new LearaStatisticsGroup(g.Key.Agency, g.Key.Level, g.Key.State, g.Key.Month, g.Key.Program, g.Key.Outcome,
                g.Sum(x => x.Count), g.Where(x => x.Days is not null).Sum(x => x.Count), Median(g.Select(x => (x.Days, x.Count)))))
            .OrderBy(g => g.Agency, StringComparer.Ordinal).ThenBy(g => g.AgencyLevel).ThenBy(g => g.AgencyState, StringComparer.Ordinal)
            .ThenBy(g => g.Month, StringComparer.Ordinal).ThenBy(g => g.Program).ThenBy(g => g.Outcome)
            .ToList();
        return new LearaStatisticsResult(rows.Sum(x => x.Count), rows.Where(x => x.Days is not null).Sum(x => x.Count),
            Median(rows.Select(x => (x.Days, x.Count))), dimensions.Count == 0 ? [] : groups);
    }

    /// <summary>The median of the completed requests' days to response, from (days, how many) pairs; null when none is completed.</summary>
    public static double? Median(IEnumerable<(int? Days, int Count)> histogram)
    {
        var completed = histogram.Where(h => h.Days is not null).Select(h => (Days: h.Days!.Value, h.Count)).OrderBy(h => h.Days).ToList();
        var n = completed.Sum(h => h.Count);
        if (n == 0) return null;
        int At(int index)
        {
            foreach (var (days, count) in completed)
            {
                if (index < count) return days;
                index -= count;
            }
            throw new InvalidOperationException("Index beyond the histogram.");
        }
        return n % 2 == 1 ? At(n / 2) : (At(n / 2 - 1) + At(n / 2)) / 2.0;
    }

    /// <summary>What roles without a need to know get: groups counting 1 to 4 requests left out, such a total withheld.</summary>
    public static LearaStatisticsResult WithoutSmallCounts(LearaStatisticsResult counts)
    {
        static bool Small(int count) => count is > 0 and < SmallestShownCount;
        var shown = counts.Groups.Where(g => !Small(g.Count)).ToList();
        return counts with { Groups = shown, SuppressedGroups = counts.Groups.Count - shown.Count, TotalWithheld = Small(counts.Total) };
    }
}

/// <summary><c>learaStatistics</c>.</summary>
public sealed class LearaStatisticsQueries : ObjectGraphType
{
    public LearaStatisticsQueries(IDbContextFactory<ReportDbContext<LearaReport>> databases)
    {
        Field<NonNullGraphType<LearaStatisticsGraphType>>("learaStatistics")
            .Description("PII-free counts of submitted LEARAs (requests for assistance from other agencies), grouped by the dimensions asked for "
                + "(default: agency level, state, month received, program, outcome), with the median days from request to completed response. "
                + "Statistics Analysts and managers.")
            .Argument<LearaStatisticsFilterInputGraphType>("where", "Which LEARAs to count; every submitted LEARA when omitted.")
            .Argument<ListGraphType<NonNullGraphType<LearaStatisticsDimensionGraphType>>>("groupBy",
                "The dimensions to count by, e.g. [AGENCY_LEVEL, MONTH]; an empty list gives the totals only.")
            .AuthorizeWithPolicy(LearaStatistics.Policy)
            .Statistical()
            .ResolveAsync(async c =>
            {
                var filter = c.GetArgument<LearaStatisticsFilter?>("where");
                var dimensions = (c.GetArgument<List<LearaStatisticsDimension>?>("groupBy")
                    ?? [LearaStatisticsDimension.AgencyLevel, LearaStatisticsDimension.AgencyState, LearaStatisticsDimension.Month,
                        LearaStatisticsDimension.Program, LearaStatisticsDimension.Outcome]).ToHashSet();
                await using var db = await databases.CreateDbContextAsync(c.CancellationToken);
                var counts = await LearaStatistics.CountAsync(db.Set<LearaReport>().AsNoTracking(), filter, dimensions, c.CancellationToken);
                return ReportViewer.From(c.User).Roles.Overlaps(LearaStatistics.OperationalRoles) ? counts : LearaStatistics.WithoutSmallCounts(counts);
            });
    }
}

public sealed class LearaStatisticsDimensionGraphType : EnumerationGraphType<LearaStatisticsDimension>
{
    public LearaStatisticsDimensionGraphType()
    {
        Name = "LearaStatisticsDimension";
        Description = "What LEARA counts can be grouped by: requesting agency, its level and state, month received (yyyy-MM), program asked, outcome.";
    }
}

public sealed class LearaStatisticsFilterInputGraphType : InputObjectGraphType<LearaStatisticsFilter>
{
    public LearaStatisticsFilterInputGraphType()
    {
        Name = "LearaStatisticsFilterInput";
        Description = "Which submitted LEARAs to count; every condition given must hold.";
        Field<ListGraphType<NonNullGraphType<EnumerationGraphType<LearaAgencyLevel>>>>("agencyLevels").Description("Agency levels; every level when omitted.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("agencyStates").Description("Agency states (USPS codes); every state when omitted.");
        Field<ListGraphType<NonNullGraphType<EnumerationGraphType<LearaProgram>>>>("programs").Description("Programs asked; every program when omitted.");
        Field<ListGraphType<NonNullGraphType<EnumerationGraphType<LearaOutcome>>>>("outcomes").Description("Outcomes (pending requests have none); every request when omitted.");
        Field<DateOnlyGraphType>("receivedFrom").Description("Requests received on or after this date.");
        Field<DateOnlyGraphType>("receivedBefore").Description("Requests received before this date.");
    }
}

public sealed class LearaStatisticsGraphType : ObjectGraphType<LearaStatisticsResult>
{
    public LearaStatisticsGraphType()
    {
        Name = "LearaStatistics";
        Description = "Counts of requests for assistance from other agencies, without any personal data.";
        Field<NonNullGraphType<IntGraphType>>("total")
            .Description("How many submitted LEARAs the filter keeps. For roles outside the operational staff a total from 1 to 4 is withheld: "
                + "the field fails with STATISTICS_SUPPRESSED.")
            .Resolve(c => c.Source.TotalWithheld
                ? throw new ExecutionError($"Fewer than {LearaStatistics.SmallestShownCount} requests match, and counts that small are withheld from your roles "
                    + "so that no one request can be singled out; widen the filter.") { Code = LearaStatistics.Suppressed }
                : c.Source.Total);
        Field<IntGraphType>("completed").Description("How many of them have a completed response; null when the total is withheld.")
            .Resolve(c => c.Source.TotalWithheld ? null : c.Source.Completed);
        Field<FloatGraphType>("medianDaysToResponse").Description("Median days from request to completed response; null when none is completed.")
            .Resolve(c => c.Source.TotalWithheld ? null : c.Source.MedianDaysToResponse);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LearaStatisticsGroupGraphType>>>>("groups")
            .Description("One count per combination of the grouped dimensions that occurs. For roles outside the operational staff, "
                + "groups counting 1 to 4 requests are left out (see suppressedGroups).")
            .Resolve(c => c.Source.Groups);
        Field<NonNullGraphType<IntGraphType>>("suppressedGroups").Description("How many groups were left out because they count 1 to 4 requests.")
            .Resolve(c => c.Source.SuppressedGroups);
    }
}

public sealed class LearaStatisticsGroupGraphType : ObjectGraphType<LearaStatisticsGroup>
{
    public LearaStatisticsGroupGraphType()
    {
        Name = "LearaStatisticsGroup";
        Description = "The requests sharing these values; a dimension not grouped by is null.";
        Field<StringGraphType>("agency").Description("Requesting agency, when grouped by AGENCY.").Resolve(c => c.Source.Agency);
        Field<EnumerationGraphType<LearaAgencyLevel>>("agencyLevel").Description("Agency level, when grouped by AGENCY_LEVEL.").Resolve(c => c.Source.AgencyLevel);
        Field<StringGraphType>("agencyState").Description("Agency state, when grouped by AGENCY_STATE.").Resolve(c => c.Source.AgencyState);
        Field<StringGraphType>("month").Description("Month received, yyyy-MM, when grouped by MONTH.").Resolve(c => c.Source.Month);
        Field<EnumerationGraphType<LearaProgram>>("program").Description("Program asked, when grouped by PROGRAM.").Resolve(c => c.Source.Program);
        Field<EnumerationGraphType<LearaOutcome>>("outcome").Description("Outcome, when grouped by OUTCOME (null: still pending).").Resolve(c => c.Source.Outcome);
        Field<NonNullGraphType<IntGraphType>>("count").Description("How many requests.").Resolve(c => c.Source.Count);
        Field<NonNullGraphType<IntGraphType>>("completed").Description("How many of them have a completed response.").Resolve(c => c.Source.Completed);
        Field<FloatGraphType>("medianDaysToResponse").Description("Median days from request to completed response among them; null when none is completed.")
            .Resolve(c => c.Source.MedianDaysToResponse);
    }
}
