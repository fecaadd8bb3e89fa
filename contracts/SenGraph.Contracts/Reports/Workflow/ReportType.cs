using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SenGraph.Contracts.Agency;

namespace SenGraph.Contracts.Reports.Workflow;

/// <summary>
/// A report type as the host's shared workflow sees it: how it is reviewed and routed, which of the
/// module's policies guard it, and how to read its reports with their module fields. A report module
/// registers one per type with <see cref="ReportTypeServiceCollectionExtensions.AddReportType{TContext, TReport}"/>.
/// </summary>
public interface IReportType
{
    /// <summary>The type code stored in <see cref="Report.Type"/> and used in report numbers, e.g. <c>SIR</c>.</summary>
    string Code { get; }

    /// <summary>Display name, e.g. <c>Significant Incident Report</c>.</summary>
    string Name { get; }

    /// <summary>Whether every report of this type is reviewed before submission (an office can require it too).</summary>
    bool ReviewMandatory { get; }

    /// <summary>Where reports of this type are routed on submission.</summary>
    ReportRoutes Routes { get; }

    /// <summary>Kinds of office (a module's, see <see cref="OfficeKindDeclaration"/>) every office of which receives a submitted report.</summary>
    IReadOnlyList<string> RoutedOfficeKinds => [];

    /// <summary>Who reads every submitted report of this type beyond its recipients (default <see cref="SubmittedReaders.CrossOffice"/>).</summary>
    SubmittedReaders SubmittedReaders => SubmittedReaders.CrossOffice;

    /// <summary>Whether the IROC may cite reports of this type in its summaries (default true; SPEAR: never).</summary>
    bool Summarisable => true;

    /// <summary>The type's records retention schedule (default <see cref="RetentionSchedule.Unscheduled"/>).</summary>
    RetentionSchedule Retention => RetentionSchedule.Unscheduled;

    /// <summary>Who counts the type in statistics beyond its readers, how finely, and by which category (default <see cref="ReportStatisticsDeclaration.Default"/>).</summary>
    ReportStatisticsDeclaration Statistics => ReportStatisticsDeclaration.Default;

    /// <summary>Whether reports of this type may go to partner agencies through the external sharing feed (default false).</summary>
    bool ExternallyShared => false;

    /// <summary>
    /// Whether reports of this type leave ICE only as the PII-free products their module derives (<see cref="IExternalProductSource"/>),
    /// never as their own fields (ERO LEAD, PIA 2.4, 5.1); implies <see cref="ExternallyShared"/>.
    /// </summary>
    bool ExternallySharedAsProduct => false;

    /// <summary>
    /// The module policy naming who may count reports of this type in statistics: its readers and
    /// <see cref="ReportStatisticsDeclaration.CountedBy"/>; null: the read policy alone.
    /// </summary>
    string? CountPolicy => null;

    /// <summary>
    /// Counts reports of this type in the module's own context, grouped as <paramref name="request"/> asks including the
    /// type's category (<see cref="ReportStatisticsDeclaration.Category"/>); null when the type declares no category.
    /// </summary>
    Task<IReadOnlyList<ReportCount>>? CountByCategoryAsync(ReportCountRequest request, CancellationToken cancellationToken) => null;
    /// <summary>
    /// Stores the retention dates of every report of this type whose dates were computed under another schedule
    /// (<see cref="Report.RetentionKey"/>: a module upgrade that changed its schedule, rows written without the kit), in batches;
    /// returns how many were recomputed. Reports written through the kit get their dates when they are saved.
    /// </summary>
    Task<int> RecomputeRetentionAsync(CancellationToken cancellationToken) => Task.FromResult(0);

    /// <summary>
    /// Before the host destroys these reports (a records disposition run, PIA 3.2): removes what the module keeps about them
    /// beyond the tables deleted with the envelope (the details table and the type's lists go with it, by their foreign keys),
    /// through every <see cref="IReportPurgeHandler"/> the module registered. Called again for the same reports when a run
    /// resumes, so it must be idempotent.
    /// </summary>
    Task PurgeAsync(IReadOnlyCollection<Guid> reportIds, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The module policy for drafting, editing, submitting and amending.</summary>
    string AuthorPolicy { get; }

    /// <summary>The module policy for returning and approving.</summary>
    string ReviewPolicy { get; }

    /// <summary>The module policy for reading (visibility rules apply on top).</summary>
    string ReadPolicy { get; }

    /// <summary>The reports of this type with these ids, as the module's entity (its GraphQL type resolves them).</summary>
    Task<IReadOnlyDictionary<Guid, Report>> LoadAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    /// <summary>
    /// <paramref name="envelopes"/> (reports of this type the host has read, every envelope column) as the module's entities, as
    /// <see cref="LoadAsync"/> returns them, reading only the module's own columns: the envelope is not read again. Default: <see cref="LoadAsync"/>.
    /// </summary>
    Task<IReadOnlyDictionary<Guid, Report>> LoadDetailsAsync(IReadOnlyCollection<Report> envelopes, CancellationToken cancellationToken) =>
        LoadAsync(envelopes.Select(e => e.Id).ToList(), cancellationToken);

    /// <summary>
    /// <paramref name="envelope"/> (a report of this type the host has read) as the module's entity with only its envelope
    /// filled in, without reading the details table: for a page whose selection asks for the <c>Report</c> interface's fields
    /// only, which then resolves as the module's GraphQL type without a second read of the same rows. The module's own
    /// fields hold their defaults, so it must never be used where they are read. Null: not supported (the host loads).
    /// </summary>
    Report? EnvelopeOnly(Report envelope) => null;

    /// <summary>The report, envelope, people, contacts, narratives and module fields, as JSON (kept by an amendment).</summary>
    string WriteSnapshot(Report report);

    /// <summary>A report as <see cref="WriteSnapshot"/> wrote it, flagged <see cref="Report.IsRevisionSnapshot"/>.</summary>
    Report ReadSnapshot(string json);
}

/// <summary>How a module describes one of its report types (see <see cref="IReportType"/>).</summary>
public sealed class ReportTypeOptions
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public bool ReviewMandatory { get; init; }
    public ReportRoutes Routes { get; init; } = ReportRoutes.Iroc;
    public IReadOnlyList<string> RoutedOfficeKinds { get; init; } = [];
    public SubmittedReaders SubmittedReaders { get; init; } = SubmittedReaders.CrossOffice;
    public bool Summarisable { get; init; } = true;
    public RetentionSchedule Retention { get; init; } = RetentionSchedule.Unscheduled;
    public ReportStatisticsDeclaration Statistics { get; init; } = ReportStatisticsDeclaration.Default;
    public bool ExternallyShared { get; init; }
    public bool ExternallySharedAsProduct { get; init; }
    public string? CountPolicy { get; init; }

    /// <summary>Reads the declared date field of a <see cref="RetentionTrigger.Field"/> schedule from a report of the type.</summary>
    public Func<Report, object?>? RetentionTriggerValue { get; init; }

    public required string AuthorPolicy { get; init; }
    public required string ReviewPolicy { get; init; }
    public required string ReadPolicy { get; init; }
}

/// <summary>
/// The <see cref="IReportType"/> of reports stored as <typeparamref name="TReport"/> (envelope plus the
/// module's details table, see <see cref="ReportTypeModel.ApplyReportType{TReport}"/>) in <typeparamref name="TContext"/>.
/// </summary>
public sealed class ReportType<TContext, TReport>(ReportTypeOptions options, IDbContextFactory<TContext> databases,
    Func<IEnumerable<IReportPurgeHandler>>? purgeHandlers = null) : IReportType
    where TContext : DbContext
    where TReport : Report
{
    public string Code => options.Code;
    public string Name => options.Name;
    public bool ReviewMandatory => options.ReviewMandatory;
    public ReportRoutes Routes => options.Routes;
    public IReadOnlyList<string> RoutedOfficeKinds => options.RoutedOfficeKinds;
    public SubmittedReaders SubmittedReaders => options.SubmittedReaders;
    public bool Summarisable => options.Summarisable;
    public RetentionSchedule Retention => options.Retention;
    public ReportStatisticsDeclaration Statistics => options.Statistics;
    public bool ExternallyShared => options.ExternallyShared || options.ExternallySharedAsProduct;
    public bool ExternallySharedAsProduct => options.ExternallySharedAsProduct;
    public string? CountPolicy => options.CountPolicy;
    public string AuthorPolicy => options.AuthorPolicy;
    public string ReviewPolicy => options.ReviewPolicy;
    public string ReadPolicy => options.ReadPolicy;

    public async Task<IReadOnlyDictionary<Guid, Report>> LoadAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return new Dictionary<Guid, Report>();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var list = ids.Distinct().ToList();
        var found = await db.Set<TReport>().AsNoTracking().Where(r => list.Contains(r.Id) && r.Type == options.Code).ToListAsync(cancellationToken);
        return found.ToDictionary(r => r.Id, r => (Report)r);
    }

    private ReportDetailsQuery<TContext, TReport>? _details;

    public async Task<IReadOnlyDictionary<Guid, Report>> LoadDetailsAsync(IReadOnlyCollection<Report> envelopes, CancellationToken cancellationToken)
    {
        var ofType = envelopes.Where(e => e.Type == options.Code).ToList();
        if (ofType.Count == 0) return new Dictionary<Guid, Report>();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await (_details ??= ReportDetailsQuery<TContext, TReport>.For(db)).ComposeAsync(db, ofType, cancellationToken);
    }

    public Report? EnvelopeOnly(Report envelope) => envelope.Type == options.Code ? ReportEnvelopeCopy<TReport>.Of(envelope) : null;

    public Task<IReadOnlyList<ReportCount>>? CountByCategoryAsync(ReportCountRequest request, CancellationToken cancellationToken)
    {
        if (options.Statistics.Category is null) return null;
        return CountAsync();

        async Task<IReadOnlyList<ReportCount>> CountAsync()
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            return await ReportCounting.CountAsync(db.Set<TReport>().AsNoTracking(), db.Set<Office>().AsNoTracking(),
                request with { Types = [options.Code] }, options.Statistics, cancellationToken);
        }
    }

    public async Task PurgeAsync(IReadOnlyCollection<Guid> reportIds, CancellationToken cancellationToken)
    {
        if (reportIds.Count == 0 || purgeHandlers is null) return;
        foreach (var handler in purgeHandlers()) await handler.PurgeAsync(options.Code, reportIds, cancellationToken);
    }

    public async Task<int> RecomputeRetentionAsync(CancellationToken cancellationToken)
    {
        const int batch = 500;
        var key = options.Retention.Key;
        var done = 0;
        while (true)
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            var stale = await db.Set<TReport>().Where(r => r.Type == options.Code && (r.RetentionKey == null || r.RetentionKey != key))
                .OrderBy(r => r.Id).Take(batch).ToListAsync(cancellationToken);
            if (stale.Count == 0) return done;
            foreach (var report in stale) ReportStorageRules.ApplyRetention(options, report);
            await db.SaveChangesAsync(cancellationToken);
            done += stale.Count;
        }
    }

    /// <summary>What a report built in memory gets before it is written without <c>SaveChanges</c> (<see cref="ReportStorageRules"/>).</summary>
    public void ApplyStorageRules(Report report) => ReportStorageRules.Apply(options, report);

    public string WriteSnapshot(Report report) => JsonSerializer.Serialize((TReport)report, ReportSnapshotJson.Options);

    public Report ReadSnapshot(string json)
    {
        var report = JsonSerializer.Deserialize<TReport>(json, ReportSnapshotJson.Options)
            ?? throw new InvalidOperationException($"A {options.Code} revision snapshot is empty.");
        report.IsRevisionSnapshot = true;
        return report;
    }
}

/// <summary>
/// A module's "purge report" hook: removes what the module keeps about reports that are being destroyed (PIA 3.2) outside the
/// tables deleted with the report (its own outbox, caches, files). Register with
/// <see cref="ReportTypeServiceCollectionExtensions.AddReportPurgeHandler{THandler}"/>; must be idempotent.
/// </summary>
public interface IReportPurgeHandler
{
    /// <summary>Removes the module's data about the reports <paramref name="reportIds"/> of type <paramref name="reportType"/>.</summary>
    Task PurgeAsync(string reportType, IReadOnlyCollection<Guid> reportIds, CancellationToken cancellationToken);
}

/// <summary>Registering a report type.</summary>
public static class ReportTypeServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <see cref="IReportType"/> the host's workflow uses and <see cref="ReportDrafts{TContext, TReport}"/>
    /// for the module's create, update and amend mutations. Register the context first (<c>AddModuleDatabase</c>).
    /// </summary>
    public static IServiceCollection AddReportType<TContext, TReport>(this IServiceCollection services, ReportTypeOptions options)
        where TContext : DbContext
        where TReport : Report
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!DirectoryRules.IsOrganisationCode(options.Code))
            throw new ArgumentException($"'{options.Code}' is not a report type code (2-16 upper-case letters or digits, starting with a letter).", nameof(options));
        if (typeof(TReport).GetConstructor(Type.EmptyTypes) is null)
            throw new ArgumentException($"{typeof(TReport).Name} needs a public parameterless constructor.", nameof(options));
        if (options.RoutedOfficeKinds.FirstOrDefault(k => !OfficeKind.IsCode(k)) is { } kind)
            throw new ArgumentException($"{options.Code} is routed to '{kind}', which is not an office kind code.", nameof(options));
        services.AddSingleton(sp => new ReportType<TContext, TReport>(options, sp.GetRequiredService<IDbContextFactory<TContext>>(),
            () => sp.GetServices<IReportPurgeHandler>()));
        services.AddSingleton<IReportType>(sp => sp.GetRequiredService<ReportType<TContext, TReport>>());
        services.AddSingleton<ReportDrafts<TContext, TReport>>();
        return services;
    }

    /// <summary>
    /// Registers the <see cref="IExternalProductSource"/> of a type declared <c>SharedExternallyAsProduct()</c>: the host's external
    /// sharing feed gives partners that type's reports only as the products it returns.
    /// </summary>
    public static IServiceCollection AddExternalProductSource<TSource>(this IServiceCollection services)
        where TSource : class, IExternalProductSource
    {
        services.AddSingleton<IExternalProductSource, TSource>();
        return services;
    }

    /// <summary>Registers a <see cref="IReportPurgeHandler"/>: called before the host destroys reports of the module's types.</summary>
    public static IServiceCollection AddReportPurgeHandler<THandler>(this IServiceCollection services)
        where THandler : class, IReportPurgeHandler
    {
        services.AddSingleton<IReportPurgeHandler, THandler>();
        return services;
    }
}
