using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Querying;
using SenGraph.Contracts.Reports.Workflow;
using SenGraph.Contracts.Schema;

namespace SenGraph.Contracts.Reports.Kit;

/// <summary>The GraphQL object type of a declared report type: the envelope (<c>Node</c>, <c>Report</c>) and the declared fields.</summary>
public sealed class ReportObjectGraphType<TReport> : ObjectGraphType<TReport>
    where TReport : Report, IDeclaredReport<TReport>
{
    public ReportObjectGraphType(ReportTypeDefinition<TReport> type, IDbContextFactory<ReportDbContext<TReport>>? databases = null)
    {
        Name = type.GraphQLName;
        Description = type.Description;
        this.ImplementReport(type.Code, r => r);
        foreach (var declared in type.Fields)
        {
            var field = AddField(new FieldType
            {
                Name = declared.Name,
                Description = declared.Description,
                Type = declared.OutputGraphType,
                Resolver = new FuncFieldResolver<TReport, object?>(c => declared.Get(c.Source)),
            });
            if (!declared.IsComputed) field.WithMetadata(NodeGraphTypes.PropertyKey, declared.Expression);
            if (!declared.IsFilterable) field.WithMetadata(NodeGraphTypes.NotFilterableKey, true);
            if (!declared.IsSortable) field.WithMetadata(NodeGraphTypes.NotSortableKey, true);
            if (declared.IsPii) field.Pii();
        }
        foreach (var collection in type.Collections) AddField(collection.OutputField(type, databases));
    }
}

/// <summary>One item of a declared type's list (<see cref="ReportCollection{TReport, TItem}"/>): its declared fields, and for a per-person list the person.</summary>
public sealed class ReportItemGraphType<TReport, TItem> : ObjectGraphType<TItem>
    where TReport : Report, IDeclaredReport<TReport>
    where TItem : ReportItem, new()
{
    public ReportItemGraphType(ReportTypeDefinition<TReport> type)
    {
        var collection = type.Collections.OfType<ReportCollection<TReport, TItem>>().Single();
        Name = collection.ItemGraphQLName;
        Description = $"One of the {collection.Name} of {type.Article.ToLowerInvariant()} {type.ShortName}: {char.ToLowerInvariant(collection.Description[0])}{collection.Description[1..]}";
        if (collection.IsPerPerson)
        {
            Field<NonNullGraphType<IntGraphType>>("personPosition").Description("The position in the report's people of the person these details are about, from 0.")
                .Resolve(c => ((ReportPersonItem)(object)c.Source).PersonPosition);
            Field<ReportPersonGraphType>("person").Description("The person these details are about (as the revision recorded them, in a revision).")
                .Resolve(c => KitGraphTypes.Person(c, (ReportPersonItem)(object)c.Source));
        }
        foreach (var declared in collection.Fields)
        {
            var field = AddField(new FieldType
            {
                Name = declared.Name,
                Description = declared.Description,
                Type = declared.OutputGraphType,
                Resolver = new FuncFieldResolver<TItem, object?>(c => declared.Get(c.Source)),
            });
            if (declared.IsPii) field.Pii();
        }
    }
}

/// <summary>The input of one item of a declared type's list.</summary>
public sealed class ReportItemInputGraphType<TReport, TItem> : InputObjectGraphType
    where TReport : Report, IDeclaredReport<TReport>
    where TItem : ReportItem, new()
{
    public ReportItemInputGraphType(ReportTypeDefinition<TReport> type)
    {
        var collection = type.Collections.OfType<ReportCollection<TReport, TItem>>().Single();
        Name = collection.ItemGraphQLName + "Input";
        Description = $"One of the {collection.Name} of {type.Article.ToLowerInvariant()} {type.ShortName}.";
        if (collection.IsPerPerson)
            ReportEnvelopeInputGraphType.AddInputField<NonNullGraphType<IntGraphType>>(this, "personPosition",
                "The position in people (from 0) of the person these details are about; at most one item per person.");
        foreach (var declared in collection.Fields)
        {
            var field = new FieldType { Name = declared.Name, Type = declared.InputGraphType, Description = declared.InputFieldDescription };
            AddField(field);
            if (declared.IsPii) field.Pii();
        }
    }
}

/// <summary><c>CreateXInput</c>: the envelope's fields, then the declared ones.</summary>
public sealed class CreateReportInputGraphType<TReport> : InputObjectGraphType
    where TReport : Report, IDeclaredReport<TReport>
{
    public CreateReportInputGraphType(ReportTypeDefinition<TReport> type)
    {
        Name = $"Create{type.GraphQLName}Input";
        Description = $"A new {type.ShortName}, drafted in your office.";
        KitGraphTypes.AddInputFields(this, type);
    }
}

/// <summary><c>UpdateXInput</c>: which report, at which version, and every field again.</summary>
public sealed class UpdateReportInputGraphType<TReport> : InputObjectGraphType
    where TReport : Report, IDeclaredReport<TReport>
{
    public UpdateReportInputGraphType(ReportTypeDefinition<TReport> type)
    {
        Name = $"Update{type.GraphQLName}Input";
        Description = $"Replaces every field of a DRAFT or RETURNED {type.ShortName} of yours (lists included).";
        KitGraphTypes.AddChangeFields(this, type, "edited");
        KitGraphTypes.AddInputFields(this, type);
    }
}

/// <summary><c>AmendXInput</c>: which submitted report, at which version, why, and every field again.</summary>
public sealed class AmendReportInputGraphType<TReport> : InputObjectGraphType
    where TReport : Report, IDeclaredReport<TReport>
{
    public AmendReportInputGraphType(ReportTypeDefinition<TReport> type)
    {
        Name = $"Amend{type.GraphQLName}Input";
        Description = $"Replaces every field of a SUBMITTED {type.ShortName} of yours; the version it replaces stays readable in revisions.";
        KitGraphTypes.AddChangeFields(this, type, "amended");
        ReportEnvelopeInputGraphType.AddInputField<NonNullGraphType<StringGraphType>>(this, "reason", $"Why the {type.ShortName} is amended.");
        KitGraphTypes.AddInputFields(this, type);
    }
}

/// <summary><c>UpdateXNameInput</c> of a designated update: which submitted report, at which version, why, and its fields.</summary>
public sealed class DesignatedUpdateInputGraphType<TReport> : InputObjectGraphType
    where TReport : Report, IDeclaredReport<TReport>
{
    public DesignatedUpdateInputGraphType(ReportTypeDefinition<TReport> type, ReportDesignatedUpdate<TReport> update)
    {
        Name = $"Update{type.GraphQLName}{update.Name}Input";
        Description = $"Replaces the {update.Label} of a SUBMITTED {type.ShortName}; the version it replaces stays readable in revisions.";
        KitGraphTypes.AddChangeFields(this, type, "updated");
        ReportEnvelopeInputGraphType.AddInputField<NonNullGraphType<StringGraphType>>(this, "reason", $"Why the {update.Label} changes.");
        foreach (var declared in update.Fields)
        {
            var field = new FieldType { Name = declared.Name, Type = declared.InputGraphType, Description = declared.InputFieldDescription };
            AddField(field);
            if (declared.IsPii) field.Pii();
        }
    }
}

/// <summary>What a create, update or amend of a declared type returns.</summary>
public sealed record ReportPayload<TReport>(TReport? Report, IReadOnlyList<UserError> Errors) where TReport : Report;

/// <summary><c>XPayload { x errors }</c>.</summary>
public sealed class ReportPayloadGraphType<TReport> : ObjectGraphType<ReportPayload<TReport>>
    where TReport : Report, IDeclaredReport<TReport>
{
    public ReportPayloadGraphType(ReportTypeDefinition<TReport> type)
    {
        Name = type.GraphQLName + "Payload";
        Description = $"The {type.ShortName} after the change, or why nothing changed.";
        Field<ReportObjectGraphType<TReport>>(type.FieldName).Description($"The {type.ShortName} after the change; null when there are errors.")
            .Resolve(c => c.Source.Report);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReportErrorGraphType<TReport>>>>>("errors")
            .Description("Empty on success; each with a code, a message and the path of the input field at fault.").Resolve(c => c.Source.Errors);
    }
}

/// <summary><c>XError</c>: code, message and path of what stopped a change.</summary>
public sealed class ReportErrorGraphType<TReport>(ReportTypeDefinition<TReport> type) : UserErrorGraphType(type.GraphQLName + "Error")
    where TReport : Report, IDeclaredReport<TReport>;

internal static class KitGraphTypes
{
    /// <summary>Which report an update or amend changes, and the version it was based on.</summary>
    public static void AddChangeFields<TReport>(IInputObjectGraphType input, ReportTypeDefinition<TReport> type, string changed)
        where TReport : Report, IDeclaredReport<TReport>
    {
        ReportEnvelopeInputGraphType.AddInputField<NonNullGraphType<IdGraphType>>(input, "id", $"The {type.ShortName}.");
        ReportEnvelopeInputGraphType.AddInputField<NonNullGraphType<IntGraphType>>(input, "expectedVersion", $"The version you {changed}; a stale version is a CONFLICT.");
    }

    public static void AddInputFields<TReport>(IInputObjectGraphType input, ReportTypeDefinition<TReport> type)
        where TReport : Report, IDeclaredReport<TReport>
    {
        ReportEnvelopeInputGraphType.AddEnvelopeFields(input);
        foreach (var declared in type.Fields.Where(f => !f.IsComputed))
        {
            var field = new FieldType { Name = declared.Name, Type = declared.InputGraphType, Description = declared.InputFieldDescription };
            input.AddField(field);
            if (declared.IsPii) field.Pii();
        }
        foreach (var collection in type.Collections) input.AddField(collection.InputField(type));
    }

    /// <summary>The person a per-person item is about: from its revision snapshot, or the report's current people, in batches.</summary>
    public static object? Person(IResolveFieldContext context, ReportPersonItem item)
    {
        if (item.FromSnapshot) return item.SnapshotPerson;
        if (context.RequestServices?.GetService(typeof(IReportEnvelopeReader)) is not IReportEnvelopeReader reader) return null;
        return context.LoadBatch<(Guid Report, int Position), ReportPerson>("SenGraph.Reports.Kit.person", (item.ReportId, item.PersonPosition), async (keys, ct) =>
        {
            var people = await reader.PeopleAsync(keys.Select(k => k.Report).Distinct().ToList(), ct);
            return people.SelectMany(g => g).ToDictionary(p => (p.ReportId, p.Position));
        });
    }

    private static readonly Dictionary<Type, Type> Scalars = new()
    {
        [typeof(string)] = typeof(StringGraphType),
        [typeof(bool)] = typeof(BooleanGraphType),
        [typeof(int)] = typeof(IntGraphType),
        [typeof(long)] = typeof(LongGraphType),
        [typeof(double)] = typeof(FloatGraphType),
        [typeof(decimal)] = typeof(DecimalGraphType),
        [typeof(DateTimeOffset)] = typeof(DateTimeOffsetGraphType),
        [typeof(DateOnly)] = typeof(DateOnlyGraphType),
    };

    /// <summary>The GraphQL scalar (or enum type) of a property's type; null when the kit has none.</summary>
    public static Type? ScalarFor(Type valueType) =>
        valueType.IsEnum ? typeof(EnumerationGraphType<>).MakeGenericType(valueType) : Scalars.GetValueOrDefault(valueType);
}
