using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace SenGraph.Tests.Security;

/// <summary>
/// The schema as a client sees it through introspection, with GraphQL.NET's applied-directive introspection
/// (<c>__Field.appliedDirectives</c>) telling which fields carry <c>@pii</c>; and every path from a root type to
/// such a field: through fields, and through inline fragments on the possible types of an interface or union and
/// on the interfaces a type implements. Cycle-aware (a path enters a type at most once) and bounded in depth.
/// </summary>
public sealed class SchemaWalk
{
    public const string IntrospectionQuery = """
        query Walk {
          __schema {
            queryType { name } mutationType { name } subscriptionType { name }
            types {
              kind name
              interfaces { name }
              possibleTypes { name }
              enumValues(includeDeprecated: true) { name }
              inputFields { name type { ...T } }
              fields(includeDeprecated: true) { name appliedDirectives { name } type { ...T } args { name type { ...T } } }
            }
          }
        }
        fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }
        """;

    public const int MaxFieldDepth = 10;

    private readonly Dictionary<string, JsonNode> _types;

    public SchemaWalk(JsonNode schema)
    {
        _types = schema["types"]!.AsArray().ToDictionary(t => t!["name"]!.GetValue<string>(), t => t!);
        Roots = new[] { "queryType", "mutationType", "subscriptionType" }
            .Select(r => schema[r]?["name"]?.GetValue<string>()).OfType<string>().ToList();
    }

    /// <summary>Query, Mutation and Subscription, as the schema names them.</summary>
    public IReadOnlyList<string> Roots { get; }

    /// <summary><c>Type.field</c> of every output field with <c>@pii</c> applied.</summary>
    public IReadOnlyList<string> PiiFields =>
        [.. _types.Values.SelectMany(t => Fields(t).Where(IsPii).Select(f => $"{t["name"]!.GetValue<string>()}.{f["name"]!.GetValue<string>()}")).Order(StringComparer.Ordinal)];

    /// <summary>A step of a path: a field (with its arguments written out), or an inline fragment on a type.</summary>
    public sealed record Step(string? Field, string? Arguments, string? FragmentOn, string TypeName);

    /// <summary>A path from <paramref name="Root"/> to the PII field <paramref name="Pii"/> (<c>Type.field</c>).</summary>
    public sealed record PiiPath(string Root, IReadOnlyList<Step> Steps, string Pii, bool PiiIsObject)
    {
        public string OperationType => Root.ToLowerInvariant() switch
        {
            "mutation" => "mutation",
            "subscription" => "subscription",
            _ => "query",
        };

        /// <summary>The path as a document: <c>query { node(id: "…") { ... on Sir { people { lastName } } } }</c>.</summary>
        public string Document
        {
            get
            {
                var text = new StringBuilder(OperationType).Append(' ');
                foreach (var step in Steps)
                    text.Append("{ ").Append(step.Field is null ? $"... on {step.FragmentOn} " : step.Field + step.Arguments + ' ');
                if (PiiIsObject) text.Append("{ __typename } ");
                text.Append(string.Concat(Enumerable.Repeat("} ", Steps.Count)));
                return text.ToString().TrimEnd();
            }
        }

        /// <summary>The field names along the path, for messages.</summary>
        public override string ToString() => $"{Root}." + string.Join('.', Steps.Select(s => s.Field ?? $"(on {s.FragmentOn})"));
    }

    /// <summary>Every path from every root to a PII field; <paramref name="id"/> fills ID arguments (a report that exists).</summary>
    public List<PiiPath> PiiPaths(string id)
    {
        var paths = new List<PiiPath>();
        foreach (var root in Roots) Walk(root, root, [], [root], fieldDepth: 0, afterFragment: true, paths, id);
        return paths;
    }

    private void Walk(string root, string typeName, List<Step> path, HashSet<string> onPath, int fieldDepth, bool afterFragment, List<PiiPath> paths, string id)
    {
        var type = _types[typeName];
        var kind = type["kind"]!.GetValue<string>();
        foreach (var field in Fields(type))
        {
            var name = field["name"]!.GetValue<string>();
            if (name.StartsWith("__", StringComparison.Ordinal)) continue;
            var target = NamedType(field["type"]!);
            var targetKind = _types[target]["kind"]!.GetValue<string>();
            var step = new Step(name, Arguments(field, id), null, target);
            List<Step> next = [.. path, step];
            if (IsPii(field)) paths.Add(new PiiPath(root, next, $"{typeName}.{name}", targetKind is "OBJECT" or "INTERFACE" or "UNION"));
            if (targetKind is "OBJECT" or "INTERFACE" or "UNION" && !onPath.Contains(target) && fieldDepth < MaxFieldDepth)
                Walk(root, target, next, [.. onPath, target], fieldDepth + 1, afterFragment: false, paths, id);
        }

        // A fragment may not follow a fragment directly (that only repeats the paths), nor start a root selection.
        if (afterFragment) return;
        var fragmentTypes = kind switch
        {
            "INTERFACE" or "UNION" => Names(type["possibleTypes"])
                .Concat(Names(type["possibleTypes"]).SelectMany(p => Names(_types[p]["interfaces"]))),
            "OBJECT" => Names(type["interfaces"]),
            _ => [],
        };
        foreach (var fragment in fragmentTypes.Distinct().Where(f => f != typeName && !onPath.Contains(f)))
            Walk(root, fragment, [.. path, new Step(null, null, fragment, fragment)], [.. onPath, fragment], fieldDepth, afterFragment: true, paths, id);
    }

    private static IEnumerable<JsonNode> Fields(JsonNode type) => type["fields"] is JsonArray fields ? fields.Select(f => f!) : [];

    private static bool IsPii(JsonNode field) =>
        field["appliedDirectives"] is JsonArray directives && directives.Any(d => d!["name"]!.GetValue<string>() == "pii");

    private static IEnumerable<string> Names(JsonNode? list) => list is JsonArray array ? array.Select(t => t!["name"]!.GetValue<string>()) : [];

    private static string NamedType(JsonNode type) => type["ofType"] is { } ofType && ofType.GetValueKind() != System.Text.Json.JsonValueKind.Null
        ? NamedType(ofType)
        : type["name"]!.GetValue<string>();

    /// <summary>Required arguments with values of their types (so the document is valid); optional ones are left out.</summary>
    private string Arguments(JsonNode field, string id)
    {
        var required = field["args"]!.AsArray().Where(a => a!["type"]!["kind"]!.GetValue<string>() == "NON_NULL").ToList();
        if (required.Count == 0) return "";
        return "(" + string.Join(", ", required.Select(a => $"{a!["name"]!.GetValue<string>()}: {Value(a["type"]!, id, depth: 0)}")) + ")";
    }

    private string Value(JsonNode type, string id, int depth)
    {
        var kind = type["kind"]!.GetValue<string>();
        if (kind == "NON_NULL") return Value(type["ofType"]!, id, depth);
        if (kind == "LIST") return "[" + Value(type["ofType"]!, id, depth) + "]";
        var name = type["name"]!.GetValue<string>();
        var named = _types[name];
        return named["kind"]!.GetValue<string>() switch
        {
            "ENUM" => named["enumValues"]!.AsArray()[0]!["name"]!.GetValue<string>(),
            "INPUT_OBJECT" when depth < 5 => "{ " + string.Join(", ", named["inputFields"]!.AsArray()
                .Where(f => f!["type"]!["kind"]!.GetValue<string>() == "NON_NULL")
                .Select(f => $"{f!["name"]!.GetValue<string>()}: {Value(f["type"]!, id, depth + 1)}")) + " }",
            _ => name switch
            {
                "ID" => $"\"{id}\"",
                "Int" => "1",
                "Float" => "1.0",
                "Boolean" => "false",
                "DateTimeOffset" or "DateTime" => $"\"{DateTimeOffset.UtcNow.AddHours(-1).ToString("O", CultureInfo.InvariantCulture)}\"",
                "DateOnly" or "Date" => "\"2000-01-01\"",
                _ => "\"x\"",
            },
        };
    }
}
