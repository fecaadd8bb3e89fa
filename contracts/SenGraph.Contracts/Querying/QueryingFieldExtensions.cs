using System.Linq.Expressions;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace SenGraph.Contracts.Querying;

/// <summary>
/// Connection fields with paging, filtering and sorting, and which node fields take part in them.
/// <code>
/// this.ConnectionField&lt;SirGraphType, SirReport&gt;("sirs", o =&gt; o.MaxPageSize = 100)
///     .Description("SIRs you may see.")
///     .ResolveAsync(async c =&gt;
///     {
///         await using var db = await factory.CreateDbContextAsync(c.CancellationToken);
///         return await db.Reports.AsNoTracking().ToConnectionAsync(c);
///     });
/// </code>
/// </summary>
public static class QueryingFieldExtensions
{
    internal const string OptionsKey = "SenGraph.Querying.Options";
    internal const string WhereArgument = "where", OrderArgument = "order";
    internal const string FirstArgument = "first", AfterArgument = "after", LastArgument = "last", BeforeArgument = "before";

    /// <summary>
    /// Adds the field <paramref name="name"/> of type <c>&lt;Node&gt;Connection!</c> with the arguments
    /// <c>first after last before where order</c> to <paramref name="type"/>. Resolve it with
    /// <see cref="QueryableConnectionExtensions.ToConnectionAsync{TEntity}(IQueryable{TEntity}, GraphQL.IResolveFieldContext)"/>, which applies them in SQL.
    /// </summary>
    /// <typeparam name="TNodeGraphType">The node graph type (an object type, or an interface such as <c>Report</c>); its fields declared as <c>Field(x =&gt; x.Prop)</c> become filter and sort fields.</typeparam>
    /// <typeparam name="TEntity">The entity the query reads.</typeparam>
    public static FieldBuilder<object, object> ConnectionField<TNodeGraphType, TEntity>(
        this IComplexGraphType type, string name, Action<QueryingOptions<TEntity>>? configure = null)
        where TNodeGraphType : ComplexGraphType<TEntity>
    {
        var options = new QueryingOptions<TEntity>();
        configure?.Invoke(options);
        options.Validate();
        options.ApplyDefaults();

        var field = FieldBuilder<object, object>.Create(name, typeof(NonNullGraphType<ConnectionGraphType<TNodeGraphType>>))
            .WithMetadata(OptionsKey, options)
            .Argument<IntGraphType>(FirstArgument, $"Returns the first n items (default {options.DefaultPageSize}, at most {options.MaxPageSize}).")
            .Argument<StringGraphType>(AfterArgument, "Returns the items after this cursor.")
            .Argument<IntGraphType>(LastArgument, $"Returns the last n items (at most {options.MaxPageSize}).")
            .Argument<StringGraphType>(BeforeArgument, "Returns the items before this cursor.")
            .Argument<FilterInputGraphType<TNodeGraphType>>(WhereArgument, "Returns only the items that match.")
            .Argument<ListGraphType<NonNullGraphType<SortInputGraphType<TNodeGraphType>>>>(OrderArgument, "Sort keys, most significant first.");
        type.AddField(field.FieldType);
        return field;
    }

    /// <summary>The paging and filtering options of a field declared with <see cref="ConnectionField{TNodeGraphType, TEntity}"/>; null for any other field.</summary>
    public static QueryingOptions? GetQueryingOptions(this FieldType field) => field.GetMetadata<QueryingOptions?>(OptionsKey);

    /// <summary>Leaves this node field out of <c>where</c> (for instance personal data).</summary>
    public static FieldBuilder<TSource, TReturn> NotFilterable<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field.WithMetadata(NodeGraphTypes.NotFilterableKey, true);

    /// <summary>Leaves this node field out of <c>order</c>.</summary>
    public static FieldBuilder<TSource, TReturn> NotSortable<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field.WithMetadata(NodeGraphTypes.NotSortableKey, true);

    /// <summary>
    /// Makes a node field that is not declared as <c>Field(x =&gt; x.Prop)</c> filterable and sortable, on the
    /// entity property (or path) <paramref name="property"/>: <c>.MapsTo(r =&gt; r.Status)</c>.
    /// </summary>
    public static FieldBuilder<TSource, TReturn> MapsTo<TSource, TReturn, TProperty>(
        this FieldBuilder<TSource, TReturn> field, Expression<Func<TSource, TProperty>> property) =>
        field.WithMetadata(NodeGraphTypes.PropertyKey, property);
}
