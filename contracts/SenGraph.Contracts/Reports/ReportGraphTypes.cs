using System.Linq.Expressions;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Querying;
using SenGraph.Contracts.Reports.Workflow;

namespace SenGraph.Contracts.Reports;

/// <summary>
/// Marks fields that carry personally identifiable information. The host shows the mark in the schema as
/// the <c>@pii</c> directive and lets only callers with a need to know select (or send) such a field: anyone
/// else is refused the whole request with <c>AUTH_NOT_AUTHORIZED</c>. Filter and sort inputs derived from a
/// marked field are marked too.
/// </summary>
public static class PiiMetadata
{
    /// <summary>Metadata key on a field (output or input) holding PII; the value is <c>true</c>.</summary>
    public const string Key = "sengraph:pii";

    /// <summary>The name of the schema directive that shows the mark: <c>directive @pii on FIELD_DEFINITION | INPUT_FIELD_DEFINITION</c>.</summary>
    public const string DirectiveName = "pii";

    /// <summary>Marks the field as PII: <c>Field&lt;StringGraphType&gt;("lastName").Pii()</c>.</summary>
    public static T Pii<T>(this T field) where T : IMetadataWriter => field.WithMetadata(Key, true);

    /// <summary>Whether the field is marked as PII.</summary>
    public static bool IsPii(this IMetadataReader field) => field.GetMetadata(Key, false);
}

/// <summary>
/// Marks a module's object type as the GraphQL type of one report type (set by
/// <see cref="ReportGraphTypeExtensions.ImplementReport{TSource}"/>). The host then guards the type with the report
/// type's read policy wherever a request names it (a field returning it, a fragment on it); reached through the
/// <c>Report</c> or <c>Node</c> interface, reports of a type the caller may not read are left out instead.
/// </summary>
public static class ReportTypeMetadata
{
    /// <summary>Metadata key on an object type: the report-type code, e.g. <c>SIR</c>.</summary>
    public const string Key = "sengraph:report-type";

    /// <summary>The report-type code the graph type shows, or null for any other type.</summary>
    public static string? ReportTypeCode(this IMetadataReader type) => type.GetMetadata<string?>(Key, default(string));
}

/// <summary>
/// The GraphQL interface <c>Report</c>: the envelope every report type shares. A module's report type
/// implements it with <see cref="ReportGraphTypeExtensions.ImplementReport{TSource}"/>.
/// </summary>
public sealed class ReportInterfaceGraphType : InterfaceGraphType<Report>
{
    public ReportInterfaceGraphType()
    {
        Name = "Report";
        Description = "A significant-event report of any type (SIR, SPEAR, ...): the envelope all report types share.";
        this.AddReportEnvelopeFields(r => r);
    }
}

/// <summary>Implementing the <c>Report</c> interface in a module's report type.</summary>
public static class ReportGraphTypeExtensions
{
    /// <summary>
    /// Makes <paramref name="type"/> implement <c>Node</c> and <c>Report</c>: adds the interfaces, their fields (read through
    /// <paramref name="envelope"/>, and filterable/sortable on that path by the querying machinery), an
    /// <c>IsTypeOf</c> that accepts sources whose envelope has <see cref="Report.Type"/> = <paramref name="reportType"/>,
    /// and the <see cref="ReportTypeMetadata"/> that lets the host guard the type with the report type's read policy.
    /// <code>
    /// public sealed class SirGraphType : ObjectGraphType&lt;SirReport&gt;   // SirReport : Report
    /// {
    ///     public SirGraphType()
    ///     {
    ///         Name = "Sir";
    ///         this.ImplementReport("SIR", r =&gt; r);
    ///         // SIR fields ...
    ///     }
    /// }
    /// </code>
    /// The source is the module's entity derived from <see cref="Report"/> (see <c>ReportTypeModel.ApplyReportType</c>):
    /// fields typed with the interface (the IROC feed, <c>node(id:)</c>, queues) get the module's entities from its
    /// <c>IReportType</c>, and a plain <see cref="Report"/> (whose module is not loaded) resolves as the host's
    /// <c>UnavailableReport</c>.
    /// </summary>
    public static ObjectGraphType<TSource> ImplementReport<TSource>(
        this ObjectGraphType<TSource> type, string reportType, Expression<Func<TSource, Report>> envelope)
    {
        ArgumentNullException.ThrowIfNull(reportType);
        type.Interface<NodeInterfaceGraphType>();
        type.Interface<ReportInterfaceGraphType>();
        type.WithMetadata(ReportTypeMetadata.Key, reportType);
        type.AddReportEnvelopeFields(envelope);
        var get = envelope.Compile();
        type.IsTypeOf = source => source is TSource s && get(s) is { } report && report.Type == reportType;
        return type;
    }

    /// <summary>Adds the envelope fields of the <c>Report</c> interface to <paramref name="type"/>, read through <paramref name="envelope"/>.</summary>
    public static void AddReportEnvelopeFields<TSource>(this ComplexGraphType<TSource> type, Expression<Func<TSource, Report>> envelope)
    {
        var f = new EnvelopeFields<TSource>(type, envelope);
        f.Scalar<NonNullGraphType<IdGraphType>, Guid>(r => r.Id, "id", "Identifier of the report.");
        f.Scalar<NonNullGraphType<StringGraphType>, string>(r => r.Type, "type", "Report-type code, e.g. SIR.");
        f.Scalar<StringGraphType, string?>(r => r.Number, "number", "Report number, e.g. SIR-FY2027-000123: unique per type; null until the report is numbered.");
        f.Scalar<NonNullGraphType<ReportStatusGraphType>, ReportStatus>(r => r.Status, "status", "Where the report stands in its lifecycle.");
        // PII on every type (PIA 1.1: a SPOT's subject, an ERO LEAD's title "may include a suspect name"): marked on the shared
        // envelope, not per type, because the Report interface's title reaches every type's reports.
        f.Scalar<NonNullGraphType<StringGraphType>, string>(r => r.Title, "title", "Short title of the event; may name a suspect (PII).", pii: true);
        f.Scalar<DateTimeOffsetGraphType, DateTimeOffset?>(r => r.EventAt, "eventAt", "When the event happened.");
        f.Scalar<StringGraphType, string?>(r => r.EventCity, "eventCity", "City where the event happened.");
        f.Scalar<StringGraphType, string?>(r => r.EventState, "eventState", "USPS code of the US state or territory where the event happened.");
        f.Scalar<NonNullGraphType<StringGraphType>, string>(r => r.OriginatingOffice, "originatingOffice", "Code of the office the report comes from, e.g. SAC-NYC.");
        f.Scalar<NonNullGraphType<StringGraphType>, string>(r => r.Author, "author", "User name of the author.");
        f.Scalar<StringGraphType, string?>(r => r.Supervisor, "supervisor", "User name of the reviewing supervisor.");
        f.Scalar<StringGraphType, string?>(r => r.ActionOfficer, "actionOfficer", "User name of the action officer.");
        f.Scalar<NonNullGraphType<DateTimeOffsetGraphType>, DateTimeOffset>(r => r.CreatedAt, "createdAt", "When the report was created.");
        f.Scalar<NonNullGraphType<DateTimeOffsetGraphType>, DateTimeOffset>(r => r.UpdatedAt, "updatedAt", "When the report last changed.");
        f.Scalar<DateTimeOffsetGraphType, DateTimeOffset?>(r => r.SubmittedAt, "submittedAt", "When the report was submitted; null before.");
        f.Scalar<StringGraphType, string?>(r => r.ReturnReason, "returnReason", "Why the reviewer returned the report, while it is RETURNED.");
        f.Scalar<StringGraphType, string?>(r => r.CaseReference, "caseReference", "Identifier of the official case record the report relates to.");
        f.Scalar<NonNullGraphType<IntGraphType>, int>(r => r.Revision, "revision", "0 for the report as first submitted; incremented by every amendment.");
        f.Scalar<NonNullGraphType<IntGraphType>, int>(r => r.Version, "version", "Changes with every change; send it back as expectedVersion when editing.");
        f.Envelope<NonNullGraphType<ReportRetentionGraphType>>("retention",
            "The report's records dates under its type's retention schedule (PIA 3.2): cut-off, transfer and destruction.");
        f.List<ReportPersonGraphType, ReportPerson, int>("people", "People the report names (suspects, victims, witnesses, detainees, subjects), in order.",
            r => r.People, (reader, ids, ct) => reader.PeopleAsync(ids, ct), p => p.Position);
        f.List<ReportContactGraphType, ReportContact, int>("contacts", "Reporting personnel, supervisor, action officer and other law enforcement notified, in order.",
            r => r.Contacts, (reader, ids, ct) => reader.ContactsAsync(ids, ct), c => c.Position);
        f.List<ReportNarrativeGraphType, ReportNarrative, int>("narratives", "The report's narrative sections, in order.",
            r => r.Narratives, (reader, ids, ct) => reader.NarrativesAsync(ids, ct), n => n.Position);
        f.List<ReportRecipientGraphType, ReportRecipient, (DateTimeOffset, RecipientReason, RecipientKind, string)>("recipients",
            "Who received the report on submission, with their queue state: routed offices, then named recipients, each by code.",
            _ => [], (reader, ids, ct) => reader.RecipientsAsync(ids, ct), r => (r.QueuedAt, r.Reason, r.Kind, r.Code));
        f.List<ReportRevisionGraphType, ReportRevision, int>("revisions", "Earlier versions of the submitted report, one per amendment, oldest first.",
            _ => [], (reader, ids, ct) => reader.RevisionsAsync(ids, ct), v => v.Revision);
    }

    /// <summary>Adds envelope fields; resolvers only on object types (an interface's fields have none).</summary>
    private sealed class EnvelopeFields<TSource>(ComplexGraphType<TSource> type, Expression<Func<TSource, Report>> envelope)
    {
        private readonly Func<TSource, Report> _get = envelope.Compile();
        private readonly bool _resolve = type is IObjectGraphType;

        /// <summary>
        /// A list read through <see cref="IReportEnvelopeReader"/>, batched per request (a revision snapshot
        /// carries its own lists in <paramref name="inMemory"/>), ordered by <paramref name="orderBy"/>.
        /// </summary>
        public void List<TItemGraphType, TItem, TOrder>(string name, string description, Func<Report, List<TItem>> inMemory,
            Func<IReportEnvelopeReader, IReadOnlyList<Guid>, CancellationToken, Task<ILookup<Guid, TItem>>> load, Func<TItem, TOrder> orderBy)
            where TItemGraphType : IGraphType
        {
            var field = type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<TItemGraphType>>>>(name).Description(description);
            var get = _get;
            if (!_resolve) return;
            field.FieldType.Resolver = new FuncFieldResolver<TSource, object>(c =>
            {
                var report = get(c.Source);
                // Outside a host (no reader: a module's own schema in a unit test) the entity's loaded lists are used.
                var reader = c.RequestServices?.GetService(typeof(IReportEnvelopeReader)) as IReportEnvelopeReader;
                if (report.IsRevisionSnapshot || reader is null) return inMemory(report).OrderBy(orderBy).ToList();
                return c.LoadBatchCollection<Guid, TItem>("SenGraph.Reports." + name, report.Id, async (ids, ct) =>
                {
                    var found = await load(reader, ids, ct);
                    return found.SelectMany(g => g.OrderBy(orderBy).Select(item => (g.Key, item))).ToLookup(x => x.Key, x => x.item);
                });
            });
        }

        /// <summary>A field whose value is the envelope itself, for an object type that reads parts of it.</summary>
        public void Envelope<TGraphType>(string name, string description) where TGraphType : IGraphType
        {
            var get = _get;
            var field = type.Field<TGraphType>(name).Description(description);
            if (_resolve) field.FieldType.Resolver = new FuncFieldResolver<TSource, object?>(c => get(c.Source));
        }

        /// <summary>A field reading <paramref name="property"/> of the envelope, mapped to that path for where/order.</summary>
        public void Scalar<TGraphType, TProperty>(Expression<Func<Report, TProperty>> property, string name, string description, bool pii = false)
            where TGraphType : IGraphType
        {
            var read = property.Compile();
            var get = _get;
            var path = Expression.Lambda<Func<TSource, TProperty>>(
                new Replace(property.Parameters[0], envelope.Body).Visit(property.Body), envelope.Parameters);
            var field = type.Field<TGraphType>(name).Description(description).MapsTo(path);
            if (pii) field.Pii();
            if (_resolve) field.FieldType.Resolver = new FuncFieldResolver<TSource, object?>(c => read(get(c.Source)));
        }
    }

    private sealed class Replace(ParameterExpression parameter, Expression with) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? with : base.VisitParameter(node);
    }
}

/// <summary>A report's records dates (PIA 3.2), read from its envelope (<see cref="Workflow.RetentionDates"/>).</summary>
public sealed class ReportRetentionGraphType : ObjectGraphType<Report>
{
    public ReportRetentionGraphType()
    {
        Name = "ReportRetention";
        Description = "A report's records dates under its type's retention schedule (PIA 3.2), counted from the end of the agency fiscal year "
            + "(30 September, Eastern time) of its trigger; all null while the type is unscheduled or the trigger is not set (a LEARA whose "
            + "response is not completed).";
        Field<DateOnlyGraphType>("cutOff").Description("The last day of the agency fiscal year of the trigger.").Resolve(c => c.Source.RetentionCutOff);
        Field<DateOnlyGraphType>("transferOn").Description("The first day the report is due for transfer to the Federal Records Center; null: never or not yet known.")
            .Resolve(c => c.Source.RetentionTransferOn);
        Field<DateOnlyGraphType>("destroyOn").Description("The first day the report is due for destruction; null: never or not yet known.")
            .Resolve(c => c.Source.RetentionDestroyOn);
        Field<NonNullGraphType<BooleanGraphType>>("unscheduled").Description("Whether the report's type has no approved retention schedule: it is never destroyed.")
            .Resolve(c => c.Source.RetentionKey == Workflow.RetentionSchedule.Unscheduled.Key);
        Field<DateTimeOffsetGraphType>("transferredAt").Description("When a disposition run marked the report transferred to the Federal Records Center.")
            .Resolve(c => c.Source.TransferredAt);
    }
}
