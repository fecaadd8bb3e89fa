using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text.Json;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Reports.Workflow;
using SenGraph.Host.Modules;

namespace SenGraph.Host.Kernel.Reports;

/// <summary>
/// The report types of the modules a schema snapshot serves, and turning envelopes read by the host
/// into the modules' own entities, so that <c>... on Sir { category }</c> resolves.
/// </summary>
public sealed class ReportTypes(SchemaHost schemas)
{
    private readonly ConditionalWeakTable<SchemaSnapshot, IReadOnlyDictionary<string, IReportType>> _bySnapshot = new();
    private readonly ConditionalWeakTable<SchemaSnapshot, IReadOnlyDictionary<string, IExternalProductSource>> _sourcesBySnapshot = new();

    /// <summary>The report types, by code, of the snapshot <paramref name="schema"/> belongs to.</summary>
    public IReadOnlyDictionary<string, IReportType> Of(ISchema schema) =>
        _bySnapshot.GetValue(schemas.SnapshotOf(schema), snapshot =>
        {
            var types = new Dictionary<string, IReportType>(StringComparer.Ordinal);
            foreach (var module in snapshot.LoadedModules)
            {
                foreach (var type in module.Services.GetServices<IReportType>()) types.TryAdd(type.Code, type);
            }
            return types;
        });

    /// <summary>The external product sources (<see cref="IExternalProductSource"/>), by report type code, of the snapshot <paramref name="schema"/> belongs to.</summary>
    /// <remarks>Built once per snapshot, as <see cref="Of"/> is: the modules a snapshot serves do not change.</remarks>
    public IReadOnlyDictionary<string, IExternalProductSource> ProductSourcesOf(ISchema schema) =>
        _sourcesBySnapshot.GetValue(schemas.SnapshotOf(schema), snapshot =>
        {
            var sources = new Dictionary<string, IExternalProductSource>(StringComparer.Ordinal);
            foreach (var module in snapshot.LoadedModules)
            {
                foreach (var source in module.Services.GetServices<IExternalProductSource>()) sources.TryAdd(source.ReportType, source);
            }
            return sources;
        });

    /// <summary>Who <paramref name="user"/> is as a reader of reports, with the types whose every submitted report they read.</summary>
    public ReportViewer ViewerOf(ISchema schema, ClaimsPrincipal? user) => ReportViewer.From(user).ReadingInFull(Of(schema).Values);

    /// <summary>
    /// <paramref name="envelopes"/> as their modules' entities (one query per report type present, reading only the type's own
    /// columns: <see cref="IReportType.LoadDetailsAsync"/>); an
    /// envelope whose module is not loaded stays as it is and resolves as <c>UnavailableReport</c>.
    /// </summary>
    /// <param name="schema">The schema snapshot the request runs on.</param>
    /// <param name="envelopes">Envelopes read by the host.</param>
    /// <param name="envelopeOnly">
    /// The caller reads only envelope fields (<see cref="ReportSelection.OnlyEnvelopeFields"/>): each report becomes its module's
    /// entity from its envelope (<see cref="IReportType.EnvelopeOnly"/>), with no query, where the module supports it.
    /// </param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    public async Task<IReadOnlyDictionary<Guid, Report>> TypedAsync(ISchema schema, IReadOnlyCollection<Report> envelopes, CancellationToken cancellationToken,
        bool envelopeOnly = false)
    {
        var types = Of(schema);
        var result = envelopes.DistinctBy(r => r.Id).ToDictionary(r => r.Id);
        foreach (var group in envelopes.GroupBy(r => r.Type))
        {
            if (!types.TryGetValue(group.Key, out var type)) continue;
            if (envelopeOnly && group.Select(type.EnvelopeOnly).ToList() is var shells && shells.All(s => s is not null))
            {
                foreach (var shell in shells) result[shell!.Id] = shell;
                continue;
            }
            foreach (var (id, typed) in await type.LoadDetailsAsync(group.ToList(), cancellationToken)) result[id] = typed;
        }
        return result;
    }

    /// <summary>The envelopes <paramref name="envelopes"/> selects, as their modules' entities (see <see cref="TypedAsync(ISchema, IReadOnlyCollection{Report}, CancellationToken, bool)"/>).</summary>
    public async Task<IReadOnlyDictionary<Guid, Report>> LoadTypedAsync(ISchema schema, IQueryable<Report> envelopes, CancellationToken cancellationToken) =>
        await TypedAsync(schema, await envelopes.AsNoTracking().ToListAsync(cancellationToken), cancellationToken);

    /// <summary>
    /// <paramref name="envelopes"/> typed for the GraphQL field <paramref name="context"/> resolves: from the envelopes alone when
    /// the field's selection reads only envelope fields (<see cref="ReportSelection.OnlyEnvelopeFields"/>), with each type's
    /// query otherwise. Every typed read of a request goes through here, so each decides the same way.
    /// </summary>
    public Task<IReadOnlyDictionary<Guid, Report>> TypedAsync(IResolveFieldContext context, IReadOnlyCollection<Report> envelopes) =>
        TypedAsync(context.Schema, envelopes, context.CancellationToken, envelopeOnly: ReportSelection.OnlyEnvelopeFields(context));

    /// <summary>The envelopes <paramref name="envelopes"/> selects, typed for the field <paramref name="context"/> resolves (see <see cref="TypedAsync(IResolveFieldContext, IReadOnlyCollection{Report})"/>).</summary>
    public async Task<IReadOnlyDictionary<Guid, Report>> LoadTypedAsync(IResolveFieldContext context, IQueryable<Report> envelopes) =>
        await TypedAsync(context, await envelopes.AsNoTracking().ToListAsync(context.CancellationToken));

    /// <summary>A revision snapshot, typed by its module when loaded; its envelope otherwise.</summary>
    public Report ReadRevision(ISchema schema, ReportRevision revision)
    {
        using var json = JsonDocument.Parse(revision.SnapshotJson);
        var code = json.RootElement.TryGetProperty("type", out var type) ? type.GetString() : null;
        if (code is not null && Of(schema).TryGetValue(code, out var reportType)) return reportType.ReadSnapshot(revision.SnapshotJson);
        var envelope = json.RootElement.Deserialize<Report>(ReportSnapshotJson.Options)
            ?? throw new InvalidOperationException($"Revision {revision.Revision} of report {revision.ReportId} is empty.");
        envelope.IsRevisionSnapshot = true;
        return envelope;
    }
}
