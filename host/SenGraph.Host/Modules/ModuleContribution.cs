using GraphQL.Types;

namespace SenGraph.Host.Modules;

/// <summary>
/// What one module adds to the composed schema, in a form two versions can be compared in: its
/// types (those whose CLR type lives in the module's assembly or is a generic type built over one of its types) and its root fields.
/// </summary>
public sealed record ModuleContribution(IReadOnlyList<ContributedType> Types, IReadOnlyList<ContributedField> RootFields)
{
    public static readonly ModuleContribution Empty = new([], []);

    /// <summary>Type names, then <c>Query.field</c> coordinates, for the <c>modules</c> query.</summary>
    public IEnumerable<string> TypeNames => Types.Select(t => t.Name);

    public IEnumerable<string> FieldCoordinates => RootFields.Select(f => f.Coordinate);

    public static ModuleContribution Extract(ISchema schema, LoadedModule module, IReadOnlyDictionary<string, string> rootFieldOwners)
    {
        var types = schema.AllTypes
            .Where(t => module.Owns(t.GetType()))
            .Select(Describe)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
        var roots = new[] { schema.Query, schema.Mutation, schema.Subscription }
            .Where(r => r is not null)
            .SelectMany(r => r!.Fields.Select(f => (Root: r!.Name, Field: f)))
            .Where(x => rootFieldOwners.TryGetValue($"{x.Root}.{x.Field.Name}", out var owner) && owner == module.Manifest.Id)
            .Select(x => DescribeField(x.Root, x.Field))
            .OrderBy(f => f.Coordinate, StringComparer.Ordinal)
            .ToList();
        return new ModuleContribution(types, roots);
    }

    private static ContributedType Describe(IGraphType type) => type switch
    {
        IInputObjectGraphType input => new ContributedType(type.Name, "INPUT_OBJECT",
            input.Fields.Select(f => new ContributedField($"{type.Name}.{f.Name}", TypeName(f.ResolvedType), [], f.DefaultValue is not null)).ToList(), []),
        IComplexGraphType complex => new ContributedType(type.Name, complex is IInterfaceGraphType ? "INTERFACE" : "OBJECT",
            complex.Fields.Select(f => DescribeField(type.Name, f)).ToList(), []),
        EnumerationGraphType enumeration => new ContributedType(type.Name, "ENUM", [], enumeration.Values.Select(v => v.Name).ToList()),
        _ => new ContributedType(type.Name, type is ScalarGraphType ? "SCALAR" : type.GetType().Name, [], []),
    };

    private static ContributedField DescribeField(string owner, FieldType field) => new(
        $"{owner}.{field.Name}",
        TypeName(field.ResolvedType),
        (field.Arguments ?? []).Select(a => new ContributedArgument(a.Name, TypeName(a.ResolvedType), a.DefaultValue is not null)).ToList(),
        false);

    private static string TypeName(IGraphType? type) => type switch
    {
        NonNullGraphType nonNull => TypeName(nonNull.ResolvedType) + "!",
        ListGraphType list => "[" + TypeName(list.ResolvedType) + "]",
        null => "?",
        _ => type.Name,
    };
}

public sealed record ContributedType(string Name, string Kind, IReadOnlyList<ContributedField> Fields, IReadOnlyList<string> EnumValues);

/// <param name="Coordinate"><c>Type.field</c>.</param>
/// <param name="Type">The field's type in SDL notation (<c>[Sir!]!</c>).</param>
/// <param name="HasDefault">For input fields: whether a default value makes it optional.</param>
public sealed record ContributedField(string Coordinate, string Type, IReadOnlyList<ContributedArgument> Arguments, bool HasDefault);

public sealed record ContributedArgument(string Name, string Type, bool HasDefault);
