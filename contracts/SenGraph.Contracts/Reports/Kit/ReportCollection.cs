using System.Collections;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json.Serialization;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Persistence;
using SenGraph.Contracts.Querying;
using SenGraph.Contracts.Schema;

namespace SenGraph.Contracts.Reports.Kit;

/// <summary>
/// One item of a report type's own list (<see cref="ReportTypeDefinition{TReport}.Collection{TItem}"/>), e.g. a victim
/// described without a name: stored in the module's table for the list, one row per item, in order.
/// </summary>
public abstract class ReportItem
{
    public Guid Id { get; set; }

    /// <summary>The report the item belongs to.</summary>
    public Guid ReportId { get; set; }

    /// <summary>Position in the report's list, from 0.</summary>
    public int Position { get; set; }
}

/// <summary>
/// An item about one person the report names (<see cref="ReportTypeDefinition{TReport}.PersonDetails{TItem}"/>): fields
/// a type records per person beyond the envelope's (criminal history, entry date, ...), keyed by the person's position
/// in <c>people</c>.
/// </summary>
public abstract class ReportPersonItem : ReportItem
{
    /// <summary>The person's <see cref="ReportPerson.Position"/> in the report's <c>people</c>.</summary>
    public int PersonPosition { get; set; }

    /// <summary>The person as a revision snapshot recorded them (not stored); null for a current report.</summary>
    [JsonIgnore]
    internal ReportPerson? SnapshotPerson { get; set; }

    [JsonIgnore]
    internal bool FromSnapshot { get; set; }
}

/// <summary>A list a report type declares: its property, GraphQL names, table, item fields and limits.</summary>
public abstract class ReportCollection<TReport> where TReport : Report, IDeclaredReport<TReport>
{
    private protected ReportCollection(PropertyInfo property, string description, Type itemType, bool perPerson)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        Property = property;
        Description = description;
        ItemType = itemType;
        IsPerPerson = perPerson;
        Name = char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
        ItemGraphQLName = itemType.Name;
    }

    /// <summary>The report's list property, e.g. <c>Victims</c>.</summary>
    public PropertyInfo Property { get; }

    /// <summary>The GraphQL field of the report type and the inputs, e.g. <c>victims</c>.</summary>
    public string Name { get; }

    public string Description { get; }
    public Type ItemType { get; }

    /// <summary>Whether each item is about one person of the report's <c>people</c> (<see cref="ReportPersonItem"/>).</summary>
    public bool IsPerPerson { get; }

    /// <summary>The item's GraphQL object type (default: the item class's name); its input type adds <c>Input</c>.</summary>
    public string ItemGraphQLName { get; private protected set; }

    /// <summary>The module's table for the list (default: the report type's GraphQL name + the property, e.g. <c>OppredVictims</c>).</summary>
    public string? Table { get; private protected set; }

    /// <summary>The most items one report may have.</summary>
    public int MaxItems { get; private protected set; } = 100;

    /// <summary>The item fields, for the EF Core mapping.</summary>
    public abstract IEnumerable<IReportFieldColumn> ItemFields { get; }

    /// <summary>The report type's field for the list: its items in order, read in batches (a revision snapshot's from the snapshot).</summary>
    internal abstract FieldType OutputField(ReportTypeDefinition<TReport> type, IDbContextFactory<ReportDbContext<TReport>>? databases);

    /// <summary>The inputs' field for the list.</summary>
    internal abstract FieldType InputField(ReportTypeDefinition<TReport> type);

    /// <summary>The checked items of <paramref name="input"/>'s list (missing: none), errors at <c>input.name[i].field</c>.</summary>
    internal abstract IList ReadItems(IDictionary<string, object?> input, List<UserError> errors);

    /// <summary>The items of <paramref name="report"/> as an input would give them (for <c>DetailsOf</c>).</summary>
    internal abstract List<object?> ToInput(TReport report);

    /// <summary>Replaces the report's items with <paramref name="items"/> (keeping the list instance EF Core tracks).</summary>
    internal void Replace(TReport report, IList items)
    {
        var list = (IList)(Property.GetValue(report) ?? throw new InvalidOperationException($"{typeof(TReport).Name}.{Property.Name} is null; initialise it with []."));
        list.Clear();
        foreach (var item in items) list.Add(item);
    }
}

/// <summary>
/// A list of <typeparamref name="TItem"/> a report type declares, with its item fields (the same <see cref="ReportField{TReport}"/>
/// as the report's own: required, maximum length, PII, ...):
/// <code>type.Collection(r =&gt; r.Victims, "Victims, never named.", c =&gt; c.Field(v =&gt; v.AgeGroup, "Age group.").Required());</code>
/// </summary>
public sealed class ReportCollection<TReport, TItem> : ReportCollection<TReport>
    where TReport : Report, IDeclaredReport<TReport>
    where TItem : ReportItem, new()
{
    private readonly List<ReportField<TItem>> _fields = [];

    internal ReportCollection(Expression<Func<TReport, List<TItem>>> property, string description, bool perPerson)
        : base((property.Body as MemberExpression)?.Member as PropertyInfo
            ?? throw new ArgumentException($"'{property}' is not a property of {typeof(TReport).Name}.", nameof(property)), description, typeof(TItem), perPerson)
    {
        if (perPerson && !typeof(ReportPersonItem).IsAssignableFrom(typeof(TItem)))
            throw new ArgumentException($"{typeof(TItem).Name} must derive from ReportPersonItem to be kept per person.", nameof(property));
        if (Property.SetMethod is not { IsPublic: true })
            throw new ArgumentException($"{typeof(TReport).Name}.{Property.Name} needs a public setter.", nameof(property));
    }

    public IReadOnlyList<ReportField<TItem>> Fields => _fields;

    public override IEnumerable<IReportFieldColumn> ItemFields => _fields;

    /// <summary>A stored field of each item: in the item's GraphQL type, its input type and a column of the list's table.</summary>
    public ReportField<TItem> Field<TValue>(Expression<Func<TItem, TValue>> property, string description)
    {
        var field = new ReportField<TItem>(property, description, computed: false);
        if (field.Name is "id" or "reportId" or "position" or "personPosition" or "person")
            throw new ArgumentException($"{typeof(TItem).Name}.{field.Property.Name} is the kit's own; it cannot be declared.", nameof(property));
        _fields.Add(field);
        return field;
    }

    /// <summary>The item's GraphQL type name (default: the class name); its input type is this name + <c>Input</c>.</summary>
    public ReportCollection<TReport, TItem> Named(string graphQLName)
    {
        ItemGraphQLName = graphQLName;
        return this;
    }

    /// <summary>The list's table (default: the report type's GraphQL name + the property name).</summary>
    public ReportCollection<TReport, TItem> InTable(string table)
    {
        Table = table;
        return this;
    }

    /// <summary>At most <paramref name="items"/> items per report (default 100); more is a <c>TOO_LONG</c> error at the list.</summary>
    public ReportCollection<TReport, TItem> AtMost(int items)
    {
        MaxItems = items;
        return this;
    }

    internal override FieldType OutputField(ReportTypeDefinition<TReport> type, IDbContextFactory<ReportDbContext<TReport>>? databases)
    {
        var loader = $"SenGraph.Reports.Kit.{type.Code}.{Name}";
        var field = new FieldType
        {
            Name = Name,
            Description = Description,
            Type = typeof(NonNullGraphType<ListGraphType<NonNullGraphType<ReportItemGraphType<TReport, TItem>>>>),
            Resolver = new FuncFieldResolver<TReport, object?>(c =>
            {
                var report = c.Source;
                if (report.IsRevisionSnapshot || databases is null) return InMemory(report);
                return c.LoadBatchCollection<Guid, TItem>(loader, report.Id, async (ids, ct) =>
                {
                    await using var db = await databases.CreateDbContextAsync(ct);
                    var found = await db.Set<TItem>().AsNoTracking().Where(i => ids.Contains(i.ReportId)).OrderBy(i => i.Position).ToListAsync(ct);
                    return found.ToLookup(i => i.ReportId);
                });
            }),
        };
        field.WithMetadata(NodeGraphTypes.NotFilterableKey, true);
        field.WithMetadata(NodeGraphTypes.NotSortableKey, true);
        return field;
    }

    internal override FieldType InputField(ReportTypeDefinition<TReport> type) => new()
    {
        Name = Name,
        Type = typeof(ListGraphType<NonNullGraphType<ReportItemInputGraphType<TReport, TItem>>>),
        Description = $"{Description.TrimEnd('.')}: at most {MaxItems.ToString("N0", CultureInfo.InvariantCulture)}, replacing the list as a whole (none when left out).",
    };

    /// <summary>A revision snapshot's items, each per-person item with the person as the snapshot recorded them.</summary>
    private List<TItem> InMemory(TReport report)
    {
        var items = ((List<TItem>?)Property.GetValue(report) ?? []).OrderBy(i => i.Position).ToList();
        foreach (var personal in items.OfType<ReportPersonItem>())
        {
            personal.FromSnapshot = true;
            personal.SnapshotPerson = report.People.FirstOrDefault(p => p.Position == personal.PersonPosition);
        }
        return items;
    }

    internal override IList ReadItems(IDictionary<string, object?> input, List<UserError> errors)
    {
        var items = new List<TItem>();
        if (!input.TryGetValue(Name, out var given) || given is not IEnumerable list) return items;
        var entries = list.Cast<object?>().ToList();
        if (entries.Count > MaxItems)
        {
            errors.Add(new UserError("TOO_LONG", $"At most {MaxItems.ToString("N0", CultureInfo.InvariantCulture)} {Name} per report.", ["input", Name]));
            return items;
        }
        var people = input.TryGetValue("people", out var p) && p is IEnumerable named ? named.Cast<object?>().Count() : 0;
        var seen = new HashSet<int>();
        for (var i = 0; i < entries.Count; i++)
        {
            var at = new[] { "input", Name, i.ToString(CultureInfo.InvariantCulture) };
            var values = entries[i] as IDictionary<string, object?> ?? new Dictionary<string, object?>();
            var item = new TItem { Id = RowKeys.New(), Position = i };
            foreach (var field in _fields) field.Write(item, field.Read(values, errors, at));
            if (item is ReportPersonItem personal)
            {
                var position = values.TryGetValue("personPosition", out var v) && v is not null ? Convert.ToInt32(v, CultureInfo.InvariantCulture) : -1;
                if (position < 0 || position >= people)
                    errors.Add(new UserError("UNKNOWN_PERSON", $"There is no person at position {position} in people (the report names {people}).", [.. at, "personPosition"]));
                else if (!seen.Add(position))
                    errors.Add(new UserError("DUPLICATE", $"The person at position {position} already has {Name}.", [.. at, "personPosition"]));
                personal.PersonPosition = position;
            }
            items.Add(item);
        }
        return items;
    }

    internal override List<object?> ToInput(TReport report)
    {
        var items = (List<TItem>?)Property.GetValue(report) ?? [];
        return items.Select(item =>
        {
            var values = _fields.ToDictionary(f => f.Name, f => f.Get(item));
            if (item is ReportPersonItem personal) values["personPosition"] = personal.PersonPosition;
            return (object?)values;
        }).ToList();
    }
}
