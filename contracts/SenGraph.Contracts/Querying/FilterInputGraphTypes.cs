using GraphQL;
using GraphQL.Types;
using SenGraph.Contracts.Reports;

namespace SenGraph.Contracts.Querying;

/// <summary>
/// <c>&lt;Node&gt;FilterInput { and or &lt;field&gt;: &lt;Scalar&gt;OperationFilterInput … }</c>: one field per node
/// field that maps to an entity property, unless the field is marked
/// <see cref="QueryingFieldExtensions.NotFilterable{TSource, TReturn}"/>.
/// </summary>
public sealed class FilterInputGraphType<TNodeGraphType> : InputObjectGraphType
    where TNodeGraphType : IComplexGraphType
{
    public FilterInputGraphType(IServiceProvider services)
    {
        var node = NodeGraphTypes.Create(services, typeof(TNodeGraphType));
        Name = node.Name + "FilterInput";
        Description = $"Conditions on {node.Name} items; all given conditions must hold.";
        Field<ListGraphType<NonNullGraphType<FilterInputGraphType<TNodeGraphType>>>>("and")
            .Description("Every one of these conditions holds.");
        Field<ListGraphType<NonNullGraphType<FilterInputGraphType<TNodeGraphType>>>>("or")
            .Description("At least one of these conditions holds.");
        foreach (var field in NodeGraphTypes.QueryableFields(node).Where(f => f.Filterable))
        {
            AddField(new FieldType
            {
                Name = field.Name,
                Description = field.Description,
                Type = OperationFilterInputType(field.ScalarType),
            }).WithMetadata(NodeGraphTypes.PropertyKey, field.Property);
            if (field.Pii) GetField(field.Name)!.Pii();
        }
    }

    private static readonly HashSet<Type> Comparable =
    [
        typeof(IntGraphType), typeof(LongGraphType), typeof(ShortGraphType), typeof(UShortGraphType), typeof(UIntGraphType),
        typeof(ULongGraphType), typeof(ByteGraphType), typeof(SByteGraphType), typeof(BigIntGraphType), typeof(FloatGraphType),
        typeof(DecimalGraphType), typeof(DateTimeGraphType), typeof(DateTimeOffsetGraphType), typeof(DateGraphType),
        typeof(DateOnlyGraphType), typeof(TimeOnlyGraphType), typeof(TimeSpanSecondsGraphType), typeof(TimeSpanMillisecondsGraphType),
    ];

    private static Type OperationFilterInputType(Type scalarType) =>
        scalarType == typeof(StringGraphType) ? typeof(StringOperationFilterInputGraphType)
        : scalarType == typeof(BooleanGraphType) ? typeof(BooleanOperationFilterInputGraphType)
        : Comparable.Contains(scalarType) ? typeof(ComparableOperationFilterInputGraphType<>).MakeGenericType(scalarType)
        : typeof(EnumerationGraphType).IsAssignableFrom(scalarType) ? typeof(EnumOperationFilterInputGraphType<>).MakeGenericType(scalarType)
        : typeof(EqualityOperationFilterInputGraphType<>).MakeGenericType(scalarType);
}

/// <summary>The operations of a filter input field; each maps to one expression in the translator.</summary>
internal static class FilterOperations
{
    public const string Eq = "eq", Neq = "neq", In = "in", Nin = "nin";
    public const string Gt = "gt", Gte = "gte", Lt = "lt", Lte = "lte";
    public const string Contains = "contains", NContains = "ncontains", StartsWith = "startsWith", NStartsWith = "nstartsWith", EndsWith = "endsWith", NEndsWith = "nendsWith";

    public static void AddEquality<TValueGraphType>(InputObjectGraphType type) where TValueGraphType : IGraphType
    {
        type.Field<TValueGraphType>(Eq).Description("Equals the value; null matches a missing value.");
        type.Field<TValueGraphType>(Neq).Description("Differs from the value; null matches any present value.");
        type.Field<ListGraphType<TValueGraphType>>(In).Description("Equals one of the values.");
        type.Field<ListGraphType<TValueGraphType>>(Nin).Description("Equals none of the values.");
    }
}

/// <summary><c>StringOperationFilterInput { eq neq in nin contains ncontains startsWith nstartsWith endsWith nendsWith }</c>.</summary>
public sealed class StringOperationFilterInputGraphType : InputObjectGraphType
{
    public StringOperationFilterInputGraphType()
    {
        Name = "StringOperationFilterInput";
        Description = "Conditions on a value of type String.";
        FilterOperations.AddEquality<StringGraphType>(this);
        Field<StringGraphType>(FilterOperations.Contains).Description("Contains the value.");
        Field<StringGraphType>(FilterOperations.NContains).Description("Does not contain the value.");
        Field<StringGraphType>(FilterOperations.StartsWith).Description("Starts with the value.");
        Field<StringGraphType>(FilterOperations.NStartsWith).Description("Does not start with the value.");
        Field<StringGraphType>(FilterOperations.EndsWith).Description("Ends with the value.");
        Field<StringGraphType>(FilterOperations.NEndsWith).Description("Does not end with the value.");
    }
}

/// <summary><c>BooleanOperationFilterInput { eq neq }</c>.</summary>
public sealed class BooleanOperationFilterInputGraphType : InputObjectGraphType
{
    public BooleanOperationFilterInputGraphType()
    {
        Name = "BooleanOperationFilterInput";
        Description = "Conditions on a value of type Boolean.";
        Field<BooleanGraphType>(FilterOperations.Eq).Description("Equals the value; null matches a missing value.");
        Field<BooleanGraphType>(FilterOperations.Neq).Description("Differs from the value; null matches any present value.");
    }
}

/// <summary><c>&lt;Scalar&gt;OperationFilterInput { eq neq in nin gt gte lt lte }</c> for numbers, dates and times.</summary>
public sealed class ComparableOperationFilterInputGraphType<TScalarGraphType> : InputObjectGraphType
    where TScalarGraphType : ScalarGraphType
{
    public ComparableOperationFilterInputGraphType(IServiceProvider services)
    {
        var scalar = (IGraphType)NodeGraphTypes.CreateGraphType(services, typeof(TScalarGraphType));
        Name = scalar.Name + "OperationFilterInput";
        Description = $"Conditions on a value of type {scalar.Name}.";
        FilterOperations.AddEquality<TScalarGraphType>(this);
        Field<TScalarGraphType>(FilterOperations.Gt).Description("Greater than the value.");
        Field<TScalarGraphType>(FilterOperations.Gte).Description("Greater than or equal to the value.");
        Field<TScalarGraphType>(FilterOperations.Lt).Description("Less than the value.");
        Field<TScalarGraphType>(FilterOperations.Lte).Description("Less than or equal to the value.");
    }
}

/// <summary><c>&lt;Scalar&gt;OperationFilterInput { eq neq in nin }</c>, e.g. <c>IdOperationFilterInput</c>.</summary>
public sealed class EqualityOperationFilterInputGraphType<TScalarGraphType> : InputObjectGraphType
    where TScalarGraphType : ScalarGraphType
{
    public EqualityOperationFilterInputGraphType(IServiceProvider services)
    {
        var scalar = (IGraphType)NodeGraphTypes.CreateGraphType(services, typeof(TScalarGraphType));
        Name = (scalar.Name == "ID" ? "Id" : scalar.Name) + "OperationFilterInput";
        Description = $"Conditions on a value of type {scalar.Name}.";
        FilterOperations.AddEquality<TScalarGraphType>(this);
    }
}

/// <summary><c>&lt;Enum&gt;OperationFilterInput { eq neq in nin }</c>.</summary>
public sealed class EnumOperationFilterInputGraphType<TEnumGraphType> : InputObjectGraphType
    where TEnumGraphType : EnumerationGraphType
{
    public EnumOperationFilterInputGraphType(IServiceProvider services)
    {
        var enumeration = (IGraphType)NodeGraphTypes.CreateGraphType(services, typeof(TEnumGraphType));
        Name = enumeration.Name + "OperationFilterInput";
        Description = $"Conditions on a value of type {enumeration.Name}.";
        FilterOperations.AddEquality<TEnumGraphType>(this);
    }
}
