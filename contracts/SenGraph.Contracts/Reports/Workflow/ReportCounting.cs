using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using GraphQL;
using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Agency;

namespace SenGraph.Contracts.Reports.Workflow;

/// <summary>
/// Who may count a report type in PII-free statistics, and how finely (PIA 2.1, 2.2). Statistics Analysts and Public
/// Affairs Officers read no report content, so "may read the type" is not the test for them: a type says which roles
/// beyond its readers count it (default <see cref="StatisticsOnlyRoles"/>), whether its offices are only shown as
/// their area (SPEAR: operationally sensitive), and which of its fields is its statistical category (SIR: category).
/// </summary>
public sealed record ReportStatisticsDeclaration
{
    /// <summary>The roles that see figures only, never reports: they count every type that does not say otherwise.</summary>
    public static IReadOnlyList<string> StatisticsOnlyRoles { get; } = [DirectoryRoles.StatisticsAnalyst, DirectoryRoles.PublicAffairsOfficer];

    /// <summary>The default: counted by the type's readers and <see cref="StatisticsOnlyRoles"/>, by office, without a category.</summary>
    public static ReportStatisticsDeclaration Default { get; } = new();

    /// <summary>Roles that count the type beyond its readers (its read policy).</summary>
    public IReadOnlyList<string> CountedBy { get; init; } = StatisticsOnlyRoles;

    /// <summary>Counted by area only: never grouped or filtered by originating office (SPEAR).</summary>
    public bool AreaOnly { get; init; }

    /// <summary>The GraphQL name of the field counted as the type's category (<c>category</c> for SIR), or null.</summary>
    public string? CategoryField { get; init; }

    /// <summary>The category field as a lambda over the type's entity, for SQL; set by the kit from <see cref="CategoryField"/>.</summary>
    public LambdaExpression? Category { get; init; }
}

/// <summary>What the dimensions of one count are; a dimension not grouped by is null.</summary>
public sealed record ReportCount(string? Type, ReportStatus? Status, string? Office, string? Area, string? Month, string? State,
    string? Category, string? CategoryField, int Count);

/// <summary>Which reports to count and by what (the host's <c>reportStatistics</c> in a form a module's context can run).</summary>
public sealed record ReportCountRequest
{
    public required IReadOnlyList<string> Types { get; init; }
    public IReadOnlyList<ReportStatus>? Statuses { get; init; }
    public IReadOnlyList<string>? Offices { get; init; }
    public IReadOnlyList<string>? Areas { get; init; }
    public IReadOnlyList<string>? States { get; init; }
    public DateTimeOffset? CreatedFrom { get; init; }
    public DateTimeOffset? CreatedBefore { get; init; }
    public bool ByType { get; init; }
    public bool ByStatus { get; init; }
    public bool ByOffice { get; init; }
    public bool ByArea { get; init; }
    public bool ByMonth { get; init; }
    public bool ByState { get; init; }
    public bool ByCategory { get; init; }
}

/// <summary>The grouping key of a count: only the members grouped by are bound, so SQL groups by those columns only.</summary>
public sealed class ReportCountKey<TCategory>
{
    public string? Type { get; set; }
    public ReportStatus? Status { get; set; }
    public string? Office { get; set; }
    public string? Area { get; set; }
    public int? Month { get; set; }
    public string? State { get; set; }
    public TCategory? Category { get; set; }
}

/// <summary>A report with its originating office's area (a left join), what a count groups over.</summary>
public sealed class ReportInArea<TReport> where TReport : Report
{
    public TReport Report { get; set; } = null!;
    public string? Area { get; set; }
}

/// <summary>
/// Counts reports with one SQL <c>GROUP BY</c> on any provider: the host's over the envelope, a module's over its own
/// entity when its category is asked for. Months are the UTC month a report was created, grouped in SQL by comparing
/// the creation time with month boundaries (providers disagree on date functions, and SQLite stores times as numbers).
/// </summary>
public static class ReportCounting
{
    /// <summary>The widest span of months one count groups by (100 years).</summary>
    public const int MaxMonths = 1200;

    /// <summary>Counts <paramref name="reports"/> of <paramref name="request"/>'s types as it asks, with <paramref name="declaration"/>'s rules.</summary>
    public static async Task<IReadOnlyList<ReportCount>> CountAsync<TReport>(IQueryable<TReport> reports, IQueryable<Office> offices,
        ReportCountRequest request, ReportStatisticsDeclaration declaration, CancellationToken cancellationToken)
        where TReport : Report
    {
        var categoryType = request.ByCategory && declaration.Category is { } category ? category.ReturnType : typeof(bool);
        var method = typeof(ReportCounting).GetMethod(nameof(CountByAsync), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(typeof(TReport), categoryType);
        return await (Task<IReadOnlyList<ReportCount>>)method.Invoke(null, [reports, offices, request, declaration, cancellationToken])!;
    }

    private static async Task<IReadOnlyList<ReportCount>> CountByAsync<TReport, TCategory>(IQueryable<TReport> reports, IQueryable<Office> offices,
        ReportCountRequest request, ReportStatisticsDeclaration declaration, CancellationToken cancellationToken)
        where TReport : Report
    {
        var types = request.Types.ToList();
        reports = reports.Where(r => types.Contains(r.Type));
        if (request.Statuses is { } statuses)
        {
            var list = statuses.ToList();
            reports = reports.Where(r => list.Contains(r.Status));
        }
        if (request.Offices is { } officeCodes)
        {
            var list = officeCodes.ToList();
            reports = reports.Where(r => list.Contains(r.OriginatingOffice));
        }
        if (request.States is { } states)
        {
            var list = states.ToList();
            reports = reports.Where(r => r.EventState != null && list.Contains(r.EventState));
        }
        if (request.CreatedFrom is { } from) reports = reports.Where(r => r.CreatedAt >= from);
        if (request.CreatedBefore is { } before) reports = reports.Where(r => r.CreatedAt < before);

        var rows = reports.LeftJoin(offices, r => r.OriginatingOffice, o => o.Code, (r, o) => new ReportInArea<TReport> { Report = r, Area = o!.Area });
        if (request.Areas is { } areas)
        {
            var list = areas.ToList();
            rows = rows.Where(x => x.Area != null && list.Contains(x.Area));
        }

        var months = request.ByMonth ? await MonthsAsync(reports, cancellationToken) : [];
        var row = Expression.Parameter(typeof(ReportInArea<TReport>), "x");
        var report = Expression.Property(row, nameof(ReportInArea<TReport>.Report));
        var bindings = new List<MemberBinding>();
        void Bind(bool when, string member, Expression value)
        {
            if (!when) return;
            var property = typeof(ReportCountKey<TCategory>).GetProperty(member)!;
            bindings.Add(Expression.Bind(property, value.Type == property.PropertyType ? value : Expression.Convert(value, property.PropertyType)));
        }
        Bind(request.ByType, nameof(ReportCountKey<TCategory>.Type), Expression.Property(report, nameof(Report.Type)));
        Bind(request.ByStatus, nameof(ReportCountKey<TCategory>.Status), Expression.Property(report, nameof(Report.Status)));
        Bind(request.ByOffice && !declaration.AreaOnly, nameof(ReportCountKey<TCategory>.Office), Expression.Property(report, nameof(Report.OriginatingOffice)));
        Bind(request.ByArea, nameof(ReportCountKey<TCategory>.Area), Expression.Property(row, nameof(ReportInArea<TReport>.Area)));
        if (request.ByMonth && months.Count > 0)
            Bind(true, nameof(ReportCountKey<TCategory>.Month), MonthIndex(Expression.Property(report, nameof(Report.CreatedAt)), months, 0, months.Count));
        Bind(request.ByState, nameof(ReportCountKey<TCategory>.State), Expression.Property(report, nameof(Report.EventState)));
        if (request.ByCategory && declaration.Category is { } category && category.ReturnType == typeof(TCategory))
        {
            Expression source = category.Parameters[0].Type == typeof(TReport) ? report : Expression.Convert(report, category.Parameters[0].Type);
            var body = new ParameterReplacer(category.Parameters[0], source).Visit(category.Body);
            Bind(true, nameof(ReportCountKey<TCategory>.Category), body);
        }

        var categoryField = request.ByCategory ? declaration.CategoryField : null;
        if (bindings.Count == 0)
        {
            var total = await rows.CountAsync(cancellationToken);
            return total == 0 ? [] : [new ReportCount(null, null, null, null, null, null, null, categoryField, total)];
        }
        var key = Expression.Lambda<Func<ReportInArea<TReport>, ReportCountKey<TCategory>>>(
            Expression.MemberInit(Expression.New(typeof(ReportCountKey<TCategory>)), bindings), row);
        var groups = await rows.GroupBy(key).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return [.. groups.Select(g => new ReportCount(
            g.Key.Type, g.Key.Status, g.Key.Office, g.Key.Area,
            g.Key.Month is { } m ? months[m].ToString("yyyy-MM", CultureInfo.InvariantCulture) : null,
            g.Key.State,
            request.ByCategory && declaration.Category is not null ? CategoryValue(g.Key.Category) : null,
            categoryField, g.Count))];
    }

    /// <summary>The first instants (UTC) of the months from the first to the last report's creation.</summary>
    private static async Task<List<DateTimeOffset>> MonthsAsync<TReport>(IQueryable<TReport> reports, CancellationToken cancellationToken) where TReport : Report
    {
        var first = await reports.OrderBy(r => r.CreatedAt).Select(r => (DateTimeOffset?)r.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        var last = await reports.OrderByDescending(r => r.CreatedAt).Select(r => (DateTimeOffset?)r.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        if (first is null || last is null) return [];
        var month = new DateTimeOffset(first.Value.UtcDateTime.Year, first.Value.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var months = new List<DateTimeOffset>();
        for (; month <= last.Value && months.Count < MaxMonths; month = month.AddMonths(1)) months.Add(month);
        if (months.Count == MaxMonths && month <= last.Value)
            throw new InvalidOperationException($"The reports counted span more than {MaxMonths} months; narrow createdFrom/createdBefore.");
        return months;
    }

    /// <summary>
    /// The index in <paramref name="months"/> of the month <paramref name="createdAt"/> falls in, as nested comparisons
    /// (a balanced tree, so its depth is the logarithm of the months' count): plain SQL <c>CASE</c> on every provider.
    /// </summary>
    private static Expression MonthIndex(Expression createdAt, List<DateTimeOffset> months, int from, int to)
    {
        if (to - from == 1) return Expression.Constant(from, typeof(int?));
        var middle = (from + to) / 2;
        return Expression.Condition(
            Expression.LessThan(createdAt, Expression.Constant(months[middle])),
            MonthIndex(createdAt, months, from, middle),
            MonthIndex(createdAt, months, middle, to));
    }

    /// <summary>A category value as GraphQL spells it: enum names in CONSTANT_CASE (SIGNIFICANT_ARREST), others as text.</summary>
    public static string? CategoryValue(object? value) => value switch
    {
        null => null,
        Enum e => e.ToString().ToConstantCase(),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private sealed class ParameterReplacer(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : base.VisitParameter(node);
    }
}
