using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using GraphQL.Types;
using SenGraph.Contracts.Schema;

namespace SenGraph.Contracts.Reports.Kit;

/// <summary>
/// One field of a declared report type (or of an item of one of its collections, <see cref="ReportCollection{TReport, TItem}"/>):
/// a property of the entity, its GraphQL name and description,
/// its checks (required, maximum length; text is trimmed, blank is null), and whether it is personal data
/// (<c>@pii</c>, never filterable or sortable), filterable, sortable or indexed.
/// </summary>
public sealed class ReportField<TReport> : IReportFieldColumn where TReport : class
{
    internal ReportField(LambdaExpression property, string description, bool computed)
    {
        Property = (property.Body as MemberExpression)?.Member as PropertyInfo
            ?? throw new ArgumentException($"'{property}' is not a property of {typeof(TReport).Name}.", nameof(property));
        if (!computed && Property.SetMethod is not { IsPublic: true })
            throw new ArgumentException($"{typeof(TReport).Name}.{Property.Name} needs a public setter to be stored; declare it Computed otherwise.", nameof(property));
        Expression = property;
        Get = System.Linq.Expressions.Expression.Lambda<Func<TReport, object?>>(
            System.Linq.Expressions.Expression.Convert(property.Body, typeof(object)), property.Parameters).Compile();
        Description = description;
        IsComputed = computed;
        Name = char.ToLowerInvariant(Property.Name[0]) + Property.Name[1..];
        Label = "The " + string.Concat(Name.Select(c => char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));
        ValueType = Nullable.GetUnderlyingType(Property.PropertyType) ?? Property.PropertyType;
        ScalarGraphType = KitGraphTypes.ScalarFor(ValueType)
            ?? throw new ArgumentException($"{typeof(TReport).Name}.{Property.Name}: {ValueType.Name} has no GraphQL scalar; write the field by hand.", nameof(property));
        // Computed fields have no column to filter or sort on.
        IsFilterable = IsSortable = !computed;
    }

    public PropertyInfo Property { get; }
    public LambdaExpression Expression { get; }
    public Func<TReport, object?> Get { get; }
    public Type ValueType { get; }
    public Type ScalarGraphType { get; }
    public string Name { get; }
    public string Description { get; }
    public bool IsComputed { get; }
    public bool IsRequired { get; private set; }
    public string? RequiredMessage { get; private set; }
    public int? MaxCharacters { get; private set; }
    public string Label { get; private set; }
    public bool IsPii { get; private set; }
    public bool IsFilterable { get; private set; }
    public bool IsSortable { get; private set; }
    public bool IsIndexed { get; private set; }
    private string? _inputDescription;

    /// <summary>Non-null in the GraphQL type and the inputs; a missing value is a <c>REQUIRED</c> error with this message.</summary>
    public ReportField<TReport> Required(string? message = null)
    {
        IsRequired = true;
        RequiredMessage = message;
        return this;
    }

    /// <summary>At most <paramref name="characters"/> characters (the column's size too); <paramref name="label"/> names the field in the error.</summary>
    public ReportField<TReport> MaxLength(int characters, string? label = null)
    {
        MaxCharacters = characters;
        Label = label ?? Label;
        return this;
    }

    /// <summary>Personal data: marked <c>@pii</c> (refused to roles without a need to know), never filterable or sortable.</summary>
    public ReportField<TReport> Pii()
    {
        IsPii = true;
        IsFilterable = IsSortable = false;
        return this;
    }

    public ReportField<TReport> NotFilterable()
    {
        IsFilterable = false;
        return this;
    }

    public ReportField<TReport> NotSortable()
    {
        IsSortable = false;
        return this;
    }

    /// <summary>A database index on the column, for fields analysts filter on.</summary>
    public ReportField<TReport> Indexed()
    {
        IsIndexed = true;
        return this;
    }

    /// <summary>The inputs' description (default: the description, with the maximum length).</summary>
    public ReportField<TReport> InputDescription(string description)
    {
        _inputDescription = description;
        return this;
    }

    public string InputFieldDescription => _inputDescription
        ?? (MaxCharacters is { } max ? $"{Description.TrimEnd('.')}, at most {max.ToString("N0", CultureInfo.InvariantCulture)} characters." : Description);

    /// <summary>The value of this field in a create, update or amend input: trimmed, converted and checked.</summary>
    internal object? Read(IDictionary<string, object?> input, List<UserError> errors) => Read(input, errors, ["input"]);

    /// <summary>As <see cref="Read(IDictionary{string, object?}, List{UserError})"/>, errors at <paramref name="at"/> + the field's name.</summary>
    internal object? Read(IDictionary<string, object?> input, List<UserError> errors, IReadOnlyList<string> at)
    {
        var value = input.TryGetValue(Name, out var given) ? given : null;
        if (value is string text) value = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (value is null || ValueType.IsEnum && !Enum.IsDefined(ValueType, value))
        {
            if (IsRequired) errors.Add(new UserError("REQUIRED", RequiredMessage ?? $"{Label} is required.", [.. at, Name]));
            return null;
        }
        if (!ValueType.IsInstanceOfType(value))
            value = ValueType.IsEnum ? Enum.ToObject(ValueType, value) : Convert.ChangeType(value, ValueType, CultureInfo.InvariantCulture);
        if (MaxCharacters is { } max && value is string { Length: var length } && length > max)
            errors.Add(new UserError("TOO_LONG", $"{Label} may have at most {max.ToString("N0", CultureInfo.InvariantCulture)} characters.", [.. at, Name]));
        return value;
    }

    internal void Write(TReport report, object? value) =>
        Property.SetValue(report, value ?? (Property.PropertyType.IsValueType ? Activator.CreateInstance(Property.PropertyType) : null));

    internal Type OutputGraphType => IsRequired || Property.PropertyType.IsValueType && Nullable.GetUnderlyingType(Property.PropertyType) is null
        ? typeof(NonNullGraphType<>).MakeGenericType(ScalarGraphType)
        : ScalarGraphType;

    internal Type InputGraphType => IsRequired ? typeof(NonNullGraphType<>).MakeGenericType(ScalarGraphType) : ScalarGraphType;
}

/// <summary>What the EF Core mapping reads of a stored field, whatever entity it belongs to.</summary>
public interface IReportFieldColumn
{
    PropertyInfo Property { get; }
    Type ValueType { get; }
    int? MaxCharacters { get; }
    bool IsRequired { get; }
    bool IsIndexed { get; }
}
