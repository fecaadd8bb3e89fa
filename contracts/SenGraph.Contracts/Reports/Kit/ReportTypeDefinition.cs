using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Reports.Workflow;
using SenGraph.Contracts.Schema;

namespace SenGraph.Contracts.Reports.Kit;

/// <summary>
/// Everything the kit needs to know about one report type, filled in by <see cref="IDeclaredReport{TSelf}.Declare"/>:
/// <code>
/// type.Named("SIR", "Sir", "Significant Incident Report", "A Significant Incident Report: ...")
///     .Routed(ReportRoutes.FieldOfficesAndIroc)
///     .Policies(authors: [Agent, Supervisor], reviewers: [Supervisor], readers: [...]);
/// type.Field(r =&gt; r.Category, "What kind of incident it was.").Required("A category is required.").Indexed();
/// type.Rule(r =&gt; r.Hospital is not null &amp;&amp; r.Injuries is null ? UserError.ForField(...) : null);
/// </code>
/// </summary>
/// <remarks>
/// Over 300 lines on purpose: this is the whole vocabulary a module author declares a type with, one fluent surface read
/// as one page; what the kit derives from it (fields, filters, rules, statistics) lives in the kit's other files.
/// </remarks>
public sealed class ReportTypeDefinition<TReport> where TReport : Report, IDeclaredReport<TReport>
{
    private readonly List<ReportField<TReport>> _fields = [];
    private readonly List<Func<TReport, UserError?>> _rules = [];
    private readonly List<ReportCollection<TReport>> _collections = [];
    private readonly List<ReportDesignatedUpdate<TReport>> _designatedUpdates = [];
    private PropertyInfo? _categoryField;

    /// <summary>The type code stored in <see cref="Report.Type"/> and used in numbers and policy names, e.g. <c>SIR</c>.</summary>
    public string Code { get; private set; } = "";

    /// <summary>The GraphQL type name, e.g. <c>Sir</c>; the root fields are <c>sir</c>, <c>sirs</c>, <c>createSir</c>, ...</summary>
    public string GraphQLName { get; private set; } = "";

    /// <summary>Display name, e.g. <c>Significant Incident Report</c>.</summary>
    public string DisplayName { get; private set; } = "";

    /// <summary>The GraphQL type's description.</summary>
    public string Description { get; private set; } = "";

    /// <summary>How descriptions name one report of the type, e.g. <c>SIR</c> (default: the code).</summary>
    public string ShortName { get; private set; } = "";

    /// <summary>The module's details table (default: the GraphQL name + <c>Details</c>).</summary>
    public string DetailsTable { get; private set; } = "";

    public bool ReviewMandatory { get; private set; }
    public ReportRoutes Routes { get; private set; } = ReportRoutes.Iroc;
    public IReadOnlyList<string> RoutedOfficeKinds { get; private set; } = [];
    public SubmittedReaders SubmittedReaders { get; private set; } = SubmittedReaders.CrossOffice;
    public IReadOnlyList<string> AuthorRoles { get; private set; } = [];
    public IReadOnlyList<string> ReviewerRoles { get; private set; } = [];
    public IReadOnlyList<string> ReaderRoles { get; private set; } = [];

    /// <summary>The records retention schedule (<see cref="Retention(RetentionTrigger, int?, int?)"/>); unscheduled until declared.</summary>
    public RetentionSchedule RetentionSchedule { get; private set; } = RetentionSchedule.Unscheduled;

    private PropertyInfo? _retentionField;

    /// <summary>The largest page <c>xs(first:)</c> serves.</summary>
    public int MaxPageSize { get; private set; } = 50;

    public IReadOnlyList<ReportField<TReport>> Fields => _fields;
    public IReadOnlyList<Func<TReport, UserError?>> Rules => _rules;

    /// <summary>The updates of a submitted report's fields by others than its author (<see cref="DesignatedUpdate"/>).</summary>
    public IReadOnlyList<ReportDesignatedUpdate<TReport>> DesignatedUpdates => _designatedUpdates;

    /// <summary>The type's own lists (<see cref="Collection{TItem}"/>, <see cref="PersonDetails{TItem}"/>), in declaration order.</summary>
    public IReadOnlyList<ReportCollection<TReport>> Collections => _collections;

    public string AuthorPolicy => Code.ToLowerInvariant() + ".author";
    public string ReviewPolicy => Code.ToLowerInvariant() + ".reviewer";
    public string ReadPolicy => Code.ToLowerInvariant() + ".reader";

    /// <summary><c>sir</c>: the one-report query and the payload's field.</summary>
    public string FieldName => char.ToLowerInvariant(GraphQLName[0]) + GraphQLName[1..];

    /// <summary>"A" or "An", for descriptions.</summary>
    public string Article => "AEIOU".Contains(ShortName[0]) ? "An" : "A";

    /// <summary>The declaration of <typeparamref name="TReport"/>, checked.</summary>
    public static ReportTypeDefinition<TReport> Declare()
    {
        var type = new ReportTypeDefinition<TReport>();
        TReport.Declare(type);
        type.Validate();
        return type;
    }

    public ReportTypeDefinition<TReport> Named(string code, string graphQLName, string displayName, string description, string? shortName = null, string? detailsTable = null)
    {
        Code = code;
        GraphQLName = graphQLName;
        DisplayName = displayName;
        Description = description;
        ShortName = shortName ?? code;
        DetailsTable = detailsTable ?? graphQLName + "Details";
        return this;
    }

    /// <summary>Where submitted reports go, and whether every report is reviewed first (an office can require it too).</summary>
    public ReportTypeDefinition<TReport> Routed(ReportRoutes routes, bool reviewMandatory = false)
    {
        Routes = routes;
        ReviewMandatory = reviewMandatory;
        return this;
    }

    /// <summary>
    /// Also routes submitted reports to every office of these kinds, which a module declares with <c>AddOfficeKind</c>
    /// (for instance ERO's Intelligence Operations Unit for ERO LEADs).
    /// </summary>
    public ReportTypeDefinition<TReport> RoutedToOfficesOf(params string[] officeKinds)
    {
        RoutedOfficeKinds = officeKinds;
        return this;
    }

    /// <summary>
    /// Who reads every submitted report of the type beyond its recipients: <see cref="SubmittedReaders.Everyone"/> who may
    /// read the type (SPOT), <see cref="SubmittedReaders.OnlyRoles"/>, or by default <see cref="SubmittedReaders.CrossOffice"/>.
    /// </summary>
    public ReportTypeDefinition<TReport> SubmittedReadBy(SubmittedReaders readers)
    {
        SubmittedReaders = readers;
        return this;
    }

    /// <summary>Whether the IROC may cite reports of the type in its summaries (<see cref="NotSummarised"/>); true unless declared.</summary>
    public bool Summarisable { get; private set; } = true;

    /// <summary>
    /// Reports of the type never appear in IROC summaries, which go to leadership beyond the type's readers (SPEAR: operationally
    /// sensitive, PIA 2.1 "they do not typically summarize and distribute the information contained in SPEARs").
    /// </summary>
    public ReportTypeDefinition<TReport> NotSummarised()
    {
        Summarisable = false;
        return this;
    }

    /// <summary>The directory roles that write, review and read reports of this type (visibility rules narrow reading further).</summary>
    public ReportTypeDefinition<TReport> Policies(IReadOnlyList<string> authors, IReadOnlyList<string> reviewers, IReadOnlyList<string> readers)
    {
        AuthorRoles = authors;
        ReviewerRoles = reviewers;
        ReaderRoles = readers;
        return this;
    }

    /// <summary>
    /// The type's records retention schedule (PIA 3.2): destroyed <paramref name="destroyAfterYears"/> after the end of the agency
    /// fiscal year of <paramref name="trigger"/> (null: kept permanently), transferred after <paramref name="transferAfterYears"/>
    /// (null: not transferred). SIR: <c>Retention(RetentionTrigger.IncidentDate, destroyAfterYears: 75, transferAfterYears: 25)</c>.
    /// </summary>
    public ReportTypeDefinition<TReport> Retention(RetentionTrigger trigger, int? destroyAfterYears, int? transferAfterYears = null)
    {
        if (trigger == RetentionTrigger.Field)
            throw new ArgumentException("Name the date field: Retention(r => r.ResponseCompletedAt, ...).", nameof(trigger));
        RetentionSchedule = new RetentionSchedule { Trigger = trigger, DestroyAfterYears = destroyAfterYears, TransferAfterYears = transferAfterYears };
        _retentionField = null;
        return this;
    }

    /// <summary>As <see cref="Retention(RetentionTrigger, int?, int?)"/>, the clock started by a declared date field (e.g. when the response was completed).</summary>
    public ReportTypeDefinition<TReport> Retention<TValue>(Expression<Func<TReport, TValue>> dateField, int? destroyAfterYears, int? transferAfterYears = null)
    {
        _retentionField = (dateField.Body as MemberExpression)?.Member as PropertyInfo
            ?? throw new ArgumentException($"'{dateField}' is not a property of {typeof(TReport).Name}.", nameof(dateField));
        RetentionSchedule = new RetentionSchedule { Trigger = RetentionTrigger.Field, TriggerField = "?", DestroyAfterYears = destroyAfterYears, TransferAfterYears = transferAfterYears };
        return this;
    }

    /// <summary>No approved retention schedule yet (the default): reports are kept until one is.</summary>
    public ReportTypeDefinition<TReport> Unscheduled()
    {
        RetentionSchedule = RetentionSchedule.Unscheduled;
        _retentionField = null;
        return this;
    }

    /// <summary>
    /// Who counts the type in PII-free statistics besides its readers (default: the statistics-only roles,
    /// <see cref="ReportStatisticsDeclaration.StatisticsOnlyRoles"/>); no roles: its readers only.
    /// </summary>
    public ReportTypeDefinition<TReport> CountedBy(params string[] roles)
    {
        Statistics = Statistics with { CountedBy = roles };
        return this;
    }

    /// <summary>Counted by area only: statistics never show or filter the type's originating offices (SPEAR, operationally sensitive).</summary>
    public ReportTypeDefinition<TReport> CountedByAreaOnly()
    {
        Statistics = Statistics with { AreaOnly = true };
        return this;
    }

    /// <summary>
    /// The declared field statistics count the type's reports by when grouped by <c>CATEGORY</c> (SIR: its category; LEARA: the
    /// requesting agency's level). An enum, bool or short text field, not PII.
    /// </summary>
    public ReportTypeDefinition<TReport> CountedByCategory<TValue>(Expression<Func<TReport, TValue>> field)
    {
        _categoryField = (field.Body as MemberExpression)?.Member as PropertyInfo
            ?? throw new ArgumentException($"'{field}' is not a property of {typeof(TReport).Name}.", nameof(field));
        Statistics = Statistics with { Category = field };
        return this;
    }

    /// <summary>
    /// Reports of the type may go to partner agencies through the external sharing feed (<c>externalReports</c>), under an MOU
    /// covering the type, when uncoded, submitted and created on or after 2000-01-01. Default off. Only envelope fields that are
    /// not PII ever leave; never call it for an operationally sensitive type (SPEAR).
    /// </summary>
    public ReportTypeDefinition<TReport> SharedExternally()
    {
        ExternallyShared = true;
        return this;
    }

    /// <summary>Whether <see cref="SharedExternally"/> or <see cref="SharedExternallyAsProduct"/> was called.</summary>
    public bool ExternallyShared { get; private set; }

    /// <summary>
    /// Reports of the type may go to partner agencies through the external sharing feed, under an MOU covering the type, when uncoded,
    /// submitted and created on or after 2000-01-01, but only as the PII-free products the module's
    /// <see cref="IExternalProductSource"/> (register it with <c>AddExternalProductSource</c>) has addressed to the partner's office,
    /// never as the report's own fields (ERO LEAD, PIA 2.4, 5.1). Without a registered source none of them leaves.
    /// </summary>
    public ReportTypeDefinition<TReport> SharedExternallyAsProduct()
    {
        ExternallyShared = true;
        ExternallySharedAsProduct = true;
        return this;
    }

    /// <summary>Whether <see cref="SharedExternallyAsProduct"/> was called.</summary>
    public bool ExternallySharedAsProduct { get; private set; }

    /// <summary>Who counts the type in statistics, how finely and by which category (<see cref="CountedBy"/>, <see cref="CountedByAreaOnly"/>, <see cref="CountedByCategory"/>).</summary>
    public ReportStatisticsDeclaration Statistics { get; private set; } = ReportStatisticsDeclaration.Default;

    /// <summary>The policy of the roles that count the type: its readers and <see cref="ReportStatisticsDeclaration.CountedBy"/>.</summary>
    public string CountPolicy => Code.ToLowerInvariant() + ".counter";

    /// <summary>The roles of <see cref="CountPolicy"/>.</summary>
    public IReadOnlyList<string> CounterRoles => [.. ReaderRoles.Concat(Statistics.CountedBy).Distinct(StringComparer.Ordinal)];

    public ReportTypeDefinition<TReport> Paged(int maxPageSize)
    {
        MaxPageSize = maxPageSize;
        return this;
    }

    /// <summary>A stored field: in the GraphQL type, the inputs and the details table.</summary>
    public ReportField<TReport> Field<TValue>(Expression<Func<TReport, TValue>> property, string description)
    {
        var field = new ReportField<TReport>(property, description, computed: false);
        _fields.Add(field);
        return field;
    }

    /// <summary>A field computed from others (a getter-only property): in the GraphQL type only.</summary>
    public ReportField<TReport> Computed<TValue>(Expression<Func<TReport, TValue>> property, string description)
    {
        var field = new ReportField<TReport>(property, description, computed: true);
        _fields.Add(field);
        return field;
    }

    /// <summary>
    /// A list of items the type keeps (OPPRED's victims, SPEAR's proposed activities): a field of the GraphQL type and
    /// of the inputs (replaced as a whole by an update or amendment, kept in revisions), a table of the module, each
    /// item's fields declared in <paramref name="items"/> like the report's own; errors at <c>input.victims[2].ageGroup</c>.
    /// </summary>
    public ReportCollection<TReport, TItem> Collection<TItem>(Expression<Func<TReport, List<TItem>>> property, string description,
        Action<ReportCollection<TReport, TItem>> items) where TItem : ReportItem, new() =>
        AddCollection(new ReportCollection<TReport, TItem>(property, description, perPerson: false), items);

    /// <summary>
    /// Fields the type records per person named on the report beyond the envelope's (mother's maiden name, entry date,
    /// criminal-history flags, ...): a list of <typeparamref name="TItem"/> (a <see cref="ReportPersonItem"/>), each naming the
    /// person by <c>personPosition</c> (their position in <c>people</c>, at most one item per person) and linking to
    /// them as <c>person</c> in the output.
    /// </summary>
    public ReportCollection<TReport, TItem> PersonDetails<TItem>(Expression<Func<TReport, List<TItem>>> property, string description,
        Action<ReportCollection<TReport, TItem>> fields) where TItem : ReportPersonItem, new() =>
        AddCollection(new ReportCollection<TReport, TItem>(property, description, perPerson: true), fields);

    private ReportCollection<TReport, TItem> AddCollection<TItem>(ReportCollection<TReport, TItem> collection, Action<ReportCollection<TReport, TItem>> declare)
        where TItem : ReportItem, new()
    {
        declare(collection);
        _collections.Add(collection);
        return collection;
    }

    /// <summary>
    /// Lets <paramref name="updaters"/> (users the report names, role holders) besides the author change <paramref name="fields"/>
    /// of a SUBMITTED report through their own mutation, <c>update</c> + GraphQL name + <paramref name="name"/>
    /// (<c>updateLearaDisposition(input: { id expectedVersion reason disposition })</c>): each change keeps the report as it
    /// was in a revision with who, when and why. The fields stay in the create, update and amend inputs (the author's).
    /// </summary>
    public ReportDesignatedUpdate<TReport> DesignatedUpdate(string name, string description, DesignatedUpdaters updaters,
        params Expression<Func<TReport, object?>>[] fields)
    {
        var update = new ReportDesignatedUpdate<TReport>(name, description, updaters, fields);
        _designatedUpdates.Add(update);
        return update;
    }

    /// <summary>A rule across fields, checked on the trimmed values after each field's own checks; null when it holds.</summary>
    public ReportTypeDefinition<TReport> Rule(Func<TReport, UserError?> rule)
    {
        _rules.Add(rule);
        return this;
    }

    /// <summary>The declared fields of a create, update or amend input, checked field by field and by the rules; nothing applies when there are errors.</summary>
    public ReportDetails<TReport> ReadDetails(IDictionary<string, object?> input)
    {
        var errors = new List<UserError>();
        var values = _fields.Where(f => !f.IsComputed).Select(f => (Field: f, Value: f.Read(input, errors))).ToList();
        var lists = _collections.Select(c => (Collection: c, Items: c.ReadItems(input, errors))).ToList();
        var checkedValues = Activator.CreateInstance<TReport>();
        foreach (var (field, value) in values) field.Write(checkedValues, value);
        foreach (var (collection, items) in lists) collection.Replace(checkedValues, items);
        errors.AddRange(_rules.Select(rule => rule(checkedValues)).OfType<UserError>());
        return new ReportDetails<TReport>(errors, report =>
        {
            foreach (var (field, value) in values) field.Write(report, value);
            foreach (var (collection, items) in lists) collection.Replace(report, items);
        })
        {
            LoadAsync = LoadCollections,
        };
    }

    /// <summary>
    /// Loads a stored report's lists, before they are replaced (so the old items are deleted) or kept in a revision; null
    /// when the type has none.
    /// </summary>
    internal Func<DbContext, TReport, CancellationToken, Task>? LoadCollections => _collections.Count == 0 ? null : async (db, report, cancellationToken) =>
    {
        foreach (var collection in _collections) await db.Entry(report).Collection(collection.Property.Name).LoadAsync(cancellationToken);
    };

    /// <summary>The declared fields as <paramref name="set"/> sets them, checked as an input would be (demo data, imports).</summary>
    public ReportDetails<TReport> DetailsOf(Action<TReport> set)
    {
        var values = Activator.CreateInstance<TReport>();
        set(values);
        var input = _fields.Where(f => !f.IsComputed).ToDictionary(f => f.Name, f => f.Get(values));
        foreach (var collection in _collections) input[collection.Name] = collection.ToInput(values);
        input["people"] = values.People;
        return ReadDetails(input);
    }

    /// <summary>The options the host's workflow reads.</summary>
    public ReportTypeOptions ToOptions() => new()
    {
        Code = Code,
        Name = DisplayName,
        ReviewMandatory = ReviewMandatory,
        Routes = Routes,
        RoutedOfficeKinds = RoutedOfficeKinds,
        SubmittedReaders = SubmittedReaders,
        Summarisable = Summarisable,
        Retention = RetentionSchedule,
        Statistics = Statistics,
        ExternallyShared = ExternallyShared && !ExternallySharedAsProduct,
        ExternallySharedAsProduct = ExternallySharedAsProduct,
        CountPolicy = CountPolicy,
        RetentionTriggerValue = _retentionField is { } field ? report => field.GetValue(report) : null,
        AuthorPolicy = AuthorPolicy,
        ReviewPolicy = ReviewPolicy,
        ReadPolicy = ReadPolicy,
    };

    private void Validate()
    {
        var what = typeof(TReport).Name;
        if (!DirectoryRules.IsOrganisationCode(Code))
            throw new InvalidOperationException($"{what} declares no valid type code; call Named(\"CODE\", ...) (2-16 upper-case letters or digits).");
        if (GraphQLName.Length == 0 || !char.IsUpper(GraphQLName[0]) || !GraphQLName.All(char.IsAsciiLetterOrDigit))
            throw new InvalidOperationException($"{what}: '{GraphQLName}' is not a GraphQL type name in PascalCase.");
        if (AuthorRoles.Count == 0 || ReaderRoles.Count == 0)
            throw new InvalidOperationException($"{what} declares no author or reader roles; call Policies(...).");
        var duplicate = _fields.Select(f => f.Name).Concat(_collections.Select(c => c.Name)).GroupBy(name => name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"{what} declares the field '{duplicate.Key}' twice.");
        foreach (var update in _designatedUpdates) update.Resolve(_fields, LoadCollections, _rules, what);
        if (_retentionField is { } dateField)
        {
            var field = _fields.FirstOrDefault(f => f.Property.Name == dateField.Name && !f.IsComputed)
                ?? throw new InvalidOperationException($"{what}: the retention trigger {dateField.Name} is not a stored field; declare it with Field(...).");
            if (field.ValueType != typeof(DateTimeOffset) && field.ValueType != typeof(DateOnly))
                throw new InvalidOperationException($"{what}: the retention trigger {dateField.Name} is not a date (DateTimeOffset or DateOnly).");
            RetentionSchedule = RetentionSchedule with { TriggerField = field.Name };
        }
        RetentionSchedule.Validated(what);
        if (_categoryField is { } categoryProperty)
        {
            var field = _fields.FirstOrDefault(f => f.Property.Name == categoryProperty.Name && !f.IsComputed)
                ?? throw new InvalidOperationException($"{what}: the statistics category {categoryProperty.Name} is not a stored field; declare it with Field(...).");
            if (field.IsPii)
                throw new InvalidOperationException($"{what}: the statistics category {categoryProperty.Name} is PII; statistics carry none.");
            var valueType = Nullable.GetUnderlyingType(field.ValueType) ?? field.ValueType;
            if (!valueType.IsEnum && valueType != typeof(bool) && valueType != typeof(string))
                throw new InvalidOperationException($"{what}: the statistics category {categoryProperty.Name} is not an enum, bool or text field.");
            Statistics = Statistics with { CategoryField = field.Name };
        }
        if (_designatedUpdates.GroupBy(u => u.Name).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new InvalidOperationException($"{what} declares the designated update '{twice.Key}' twice.");
        if (_collections.GroupBy(c => c.ItemType).FirstOrDefault(g => g.Count() > 1) is { } shared)
            throw new InvalidOperationException($"{what} keeps {shared.Key.Name} in two lists; give each list its own item class.");
    }
}
