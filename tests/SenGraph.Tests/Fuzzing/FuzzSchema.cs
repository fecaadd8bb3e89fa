using System.Text.Json.Nodes;

namespace SenGraph.Tests.Fuzzing;

/// <summary>A type reference as introspection gives it: NON_NULL and LIST wrap a named type.</summary>
public sealed record TypeRef(string Kind, string? Name, TypeRef? OfType)
{
    public bool IsNonNull => Kind == "NON_NULL";

    public bool IsList => Nullable.Kind == "LIST";

    /// <summary>This type without its outer non-null.</summary>
    public TypeRef Nullable => IsNonNull ? OfType! : this;

    /// <summary>The list's item type (with its own non-null, if any).</summary>
    public TypeRef Item => Nullable.OfType!;

    /// <summary>The named type inside every wrapper.</summary>
    public TypeRef Named => OfType is null ? this : OfType.Named;

    public override string ToString() => Kind switch
    {
        "NON_NULL" => OfType + "!",
        "LIST" => "[" + OfType + "]",
        _ => Name!,
    };

    public static TypeRef Parse(JsonNode node) =>
        new(node["kind"]!.GetValue<string>(), node["name"]?.GetValue<string>(), node["ofType"] is { } ofType ? Parse(ofType) : null);
}

/// <summary>An input field, an argument, or an output field.</summary>
public sealed record FieldDef(string Name, TypeRef Type);

/// <summary>A named type: its kind, input fields (INPUT_OBJECT), enum values (ENUM) and fields (OBJECT, INTERFACE).</summary>
public sealed record NamedTypeDef(string Kind, string Name, IReadOnlyList<FieldDef> InputFields, IReadOnlyList<string> EnumValues, IReadOnlyList<FieldDef> Fields);

/// <summary>A root mutation field.</summary>
public sealed record MutationDef(string Name, IReadOnlyList<FieldDef> Arguments, TypeRef Type);

/// <summary>The schema's mutations and the types they use, read by introspection when the fuzz runs.</summary>
public sealed class FuzzSchema
{
    public const string IntrospectionQuery = """
        query FuzzIntrospection {
          __schema {
            mutationType { fields { name args { name type { ...T } } type { ...T } } }
            types {
              kind name
              inputFields { name type { ...T } }
              enumValues(includeDeprecated: true) { name }
              fields(includeDeprecated: true) { name type { ...T } }
            }
          }
        }
        fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }
        """;

    private FuzzSchema(IReadOnlyList<MutationDef> mutations, IReadOnlyDictionary<string, NamedTypeDef> types)
    {
        Mutations = mutations;
        Types = types;
    }

    public IReadOnlyList<MutationDef> Mutations { get; }

    public IReadOnlyDictionary<string, NamedTypeDef> Types { get; }

    public NamedTypeDef Type(TypeRef type) => Types[type.Named.Name!];

    /// <summary>Reads the answer to <see cref="IntrospectionQuery"/>.</summary>
    public static FuzzSchema Read(JsonNode data)
    {
        var schema = data["__schema"]!;
        var types = new Dictionary<string, NamedTypeDef>(StringComparer.Ordinal);
        foreach (var type in schema["types"]!.AsArray())
        {
            var name = type!["name"]!.GetValue<string>();
            types[name] = new NamedTypeDef(
                type["kind"]!.GetValue<string>(),
                name,
                Fields(type["inputFields"]),
                type["enumValues"] is JsonArray values ? [.. values.Select(v => v!["name"]!.GetValue<string>())] : [],
                Fields(type["fields"]));
        }

        var mutations = schema["mutationType"]?["fields"] is JsonArray fields
            ? fields.Select(f => new MutationDef(f!["name"]!.GetValue<string>(), Fields(f["args"]), TypeRef.Parse(f["type"]!))).ToList()
            : [];
        return new FuzzSchema(mutations, types);
    }

    /// <summary>
    /// What a fuzz request selects from a mutation's result: <c>__typename</c>, and <c>errors { code message path }</c>
    /// when the payload has the conventional typed errors (so a refusal in the payload is seen).
    /// </summary>
    public string SelectionOf(MutationDef mutation)
    {
        var type = Types[mutation.Type.Named.Name!];
        if (type.Kind is not ("OBJECT" or "INTERFACE" or "UNION")) return "";
        return HasTypedErrors(mutation) ? " { __typename errors { code message path } }" : " { __typename }";
    }

    /// <summary>Whether the mutation's payload has <c>errors</c> of a type with <c>code</c>, <c>message</c> and <c>path</c>.</summary>
    public bool HasTypedErrors(MutationDef mutation)
    {
        var payload = Types[mutation.Type.Named.Name!];
        var errors = payload.Fields.FirstOrDefault(f => f.Name == "errors");
        if (errors is null || !Types.TryGetValue(errors.Type.Named.Name!, out var error)) return false;
        return new[] { "code", "message", "path" }.All(n => error.Fields.Any(f => f.Name == n));
    }

    private static List<FieldDef> Fields(JsonNode? node) =>
        node is JsonArray fields ? [.. fields.Select(f => new FieldDef(f!["name"]!.GetValue<string>(), TypeRef.Parse(f["type"]!)))] : [];
}
