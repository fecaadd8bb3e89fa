using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace SenGraph.Tests.Fuzzing;

/// <summary>Thrown when a mutation uses a scalar the fuzzer has no generator for: add one to <see cref="FuzzValues"/>.</summary>
public sealed class MissingGeneratorException(string message) : Exception(message);

/// <summary>
/// One value a case puts in a slot: JSON for the variables, or (<see cref="Literal"/>) GraphQL literal text
/// that JSON cannot carry, such as a lone surrogate escape.
/// </summary>
public sealed record FuzzValue(string Label, JsonNode? Json, string? Literal = null)
{
    public static FuzzValue Of(string label, JsonNode? json) => new(label, json);

    public static FuzzValue LiteralOnly(string label, string literal) => new(label, null, literal);
}

/// <summary>
/// The values the fuzzer sends, per GraphQL type: a plausible one to build valid-shaped inputs with, values of
/// the wrong type (refused when variables are coerced), and values of the right type that no field accepts
/// (refused by the resolvers' validation). Every scalar a mutation uses needs an entry in <see cref="Scalars"/>;
/// one without is a <see cref="MissingGeneratorException"/>, never a silent skip.
/// </summary>
public static class FuzzValues
{
    /// <summary>The fixed seed of every random choice the fuzz makes.</summary>
    public const int Seed = 20261124;

    /// <summary>Longer than any text field of the schema accepts (the longest allow 20,000 characters).</summary>
    public const int OverlongLength = 100_001;

    /// <summary>A long text of hostile-but-valid content (the issue's "100k-character strings").</summary>
    public const int HugeLength = 100_000;

    /// <summary>A generator for one scalar.</summary>
    /// <param name="Plausible">A value of the right type and a usual shape.</param>
    /// <param name="WrongTypes">Values coercion must refuse.</param>
    /// <param name="Refused">Values of the right type that every field of this scalar refuses (empty when any value of the type may be valid).</param>
    /// <param name="IsText">Whether values are free text (String; not ID, whose hostile values are only bad ids): the hostile-text phase fuzzes these.</param>
    public sealed record ScalarGenerator(Func<JsonNode?> Plausible, IReadOnlyList<FuzzValue> WrongTypes, IReadOnlyList<FuzzValue> Refused, bool IsText);

    /// <summary>Text that every String field refuses: too long, or not valid UTF-16 (lone surrogates, sent as GraphQL literals).</summary>
    public static IReadOnlyList<FuzzValue> RefusedText { get; } =
    [
        FuzzValue.Of($"{OverlongLength:N0} characters", new string('x', OverlongLength)),
        FuzzValue.LiteralOnly("a lone high surrogate", "\"lone \\uD800 high\""),
        FuzzValue.LiteralOnly("a lone low surrogate", "\"lone \\uDC00 low\""),
        FuzzValue.LiteralOnly("surrogates in the wrong order", "\"\\uDC00\\uD800\""),
    ];

    public static IReadOnlyDictionary<string, ScalarGenerator> Scalars { get; } = new Dictionary<string, ScalarGenerator>(StringComparer.Ordinal)
    {
        ["String"] = new(() => "Fuzz",
            [FuzzValue.Of("a number", 42), FuzzValue.Of("a boolean", true), FuzzValue.Of("an object", new JsonObject { ["a"] = 1 }), FuzzValue.Of("a list", new JsonArray("x"))],
            RefusedText, IsText: true),
        // ID values that are refused depend on what exists: FuzzFixtures.BadIds adds them per run.
        ["ID"] = new(() => "00000000-0000-4000-8000-00000000f022",
            [FuzzValue.Of("a boolean", true), FuzzValue.Of("a float", 1.5), FuzzValue.Of("an object", new JsonObject()), FuzzValue.Of("a list", new JsonArray("x"))],
            RefusedText, IsText: false),
        ["Int"] = new(() => 1,
            [FuzzValue.Of("a numeric string", "1"), FuzzValue.Of("a fraction", 1.5), FuzzValue.Of("2^31", 2147483648L), FuzzValue.Of("-2^31-1", -2147483649L),
             FuzzValue.Of("a boolean", true), FuzzValue.Of("an object", new JsonObject())],
            [FuzzValue.Of("-1", -1), FuzzValue.Of("int.MinValue", int.MinValue), FuzzValue.Of("int.MaxValue", int.MaxValue)], IsText: false),
        ["Float"] = new(() => 1.5,
            [FuzzValue.Of("a numeric string", "1.5"), FuzzValue.Of("a boolean", true), FuzzValue.Of("an object", new JsonObject())],
            [FuzzValue.Of("-1e308", -1e308), FuzzValue.Of("1e308", 1e308)], IsText: false),
        ["Boolean"] = new(() => false,
            [FuzzValue.Of("a string", "true"), FuzzValue.Of("a number", 1), FuzzValue.Of("an object", new JsonObject())],
            [], IsText: false),
        ["DateTimeOffset"] = new(() => "2025-06-01T12:00:00Z",
            [FuzzValue.Of("not a date", "not a date"), FuzzValue.Of("month 13", "2026-13-45T99:99:99Z"), FuzzValue.Of("a number", 12),
             FuzzValue.Of("before year 1 in UTC", "0001-01-01T00:00:00+14:00"), FuzzValue.Of("a boolean", true)],
            [FuzzValue.Of("year 1", "0001-01-01T00:00:00Z"), FuzzValue.Of("year 9999", "9999-12-31T23:59:59Z")], IsText: false),
        ["DateOnly"] = new(() => "1985-04-12",
            [FuzzValue.Of("February 30th", "1985-02-30"), FuzzValue.Of("a US date", "04/12/1985"), FuzzValue.Of("a number", 19850412)],
            [FuzzValue.Of("year 1", "0001-01-01"), FuzzValue.Of("year 9999", "9999-12-31")], IsText: false),
    };

    /// <summary>
    /// Hostile content of a valid shape, for the fields that take free text: SQL, a 100,000-character string,
    /// and Unicode edge cases (NUL, bidirectional overrides, combining marks, emoji sequences, astral planes,
    /// zero-width and byte-order marks, control characters, decomposed forms). None starts or ends with white
    /// space, so a field that trims stores it unchanged.
    /// </summary>
    public static IReadOnlyList<FuzzValue> HostileText { get; } =
    [
        FuzzValue.Of("SQL: drop table", "'; DROP TABLE Reports;--"),
        FuzzValue.Of("SQL: tautology", "1' OR '1'='1' --"),
        FuzzValue.Of("SQL: union", "x%' UNION SELECT UserName, Role FROM UserRoles --"),
        FuzzValue.Of("SQL: stacked delete", "Robert'); DELETE FROM Users WHERE ('1'='1"),
        FuzzValue.Of("SQL: quotes and comments", "\"a\"\"b\" /* c */ `d` [e] \\'f\\'"),
        FuzzValue.Of($"{HugeLength:N0} characters", Huge()),
        FuzzValue.Of("NUL", "before\u0000after"),
        FuzzValue.Of("right-to-left override", "name\u202Egnp.exe\u202C"),
        FuzzValue.Of("combining marks", "Z\u0335\u0321\u0330a\u0336\u0327l\u0334\u031Bg\u0338o"),
        FuzzValue.Of("emoji sequences", "👮\u200D♀\uFE0F🚔🏳\uFE0F\u200D🌈👨\u200D👩\u200D👧\u200D👦"),
        FuzzValue.Of("astral, zero-width and BOM", "𠜎𠜱\u200B\u200C\u200D\uFEFF𝔘𝔫𝔦"),
        FuzzValue.Of("mixed scripts", "עברית العربية Ελληνικά 中文 Русский"),
        FuzzValue.Of("control characters", "a\u0001\u001B[31m\u007F\u0085b"),
        FuzzValue.Of("decomposed é", "Jose\u0301 Mu\u0303noz"),
    ];

    public static ScalarGenerator Scalar(string name, string where) =>
        Scalars.TryGetValue(name, out var generator)
            ? generator
            : throw new MissingGeneratorException(
                $"No fuzz generator for the scalar '{name}' ({where}): add one to {nameof(FuzzValues)}.{nameof(Scalars)} in tests/SenGraph.Tests/Fuzzing.");

    /// <summary>Checks that every type <paramref name="mutation"/>'s arguments reach has a generator; throws naming each one that does not.</summary>
    public static void RequireGenerators(FuzzSchema schema, MutationDef mutation)
    {
        var missing = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Visit(TypeRef type, string where)
        {
            var named = type.Named.Name!;
            if (!schema.Types.TryGetValue(named, out var def)) { missing.Add($"unknown type {named} ({where})"); return; }
            if (!seen.Add(named)) return;
            switch (def.Kind)
            {
                case "SCALAR" when !Scalars.ContainsKey(named):
                    missing.Add($"scalar {named} ({where})");
                    break;
                case "ENUM" when def.EnumValues.Count == 0:
                    missing.Add($"enum {named} without values ({where})");
                    break;
                case "INPUT_OBJECT":
                    foreach (var field in def.InputFields) Visit(field.Type, $"{where}.{field.Name}");
                    break;
                case "SCALAR" or "ENUM" or "INPUT_OBJECT":
                    break;
                default:
                    missing.Add($"{def.Kind} {named} as an input ({where})");
                    break;
            }
        }

        foreach (var argument in mutation.Arguments) Visit(argument.Type, $"{mutation.Name}({argument.Name})");
        if (missing.Count > 0)
            throw new MissingGeneratorException($"The fuzzer cannot generate input for {mutation.Name}: no generator for {string.Join("; ", missing)}. " +
                $"Add one to {nameof(FuzzValues)}.{nameof(Scalars)} in tests/SenGraph.Tests/Fuzzing.");
    }

    /// <summary>A plausible value of <paramref name="type"/>: for input objects, their non-null fields only.</summary>
    public static JsonNode? Plausible(FuzzSchema schema, TypeRef type, string where)
    {
        if (type.IsNonNull) return Plausible(schema, type.OfType!, where);
        if (type.Kind == "LIST") return new JsonArray(Plausible(schema, type.OfType!, where + ".0"));
        var def = schema.Types[type.Name!];
        return def.Kind switch
        {
            "ENUM" => def.EnumValues[0],
            "INPUT_OBJECT" => new JsonObject(def.InputFields.Where(f => f.Type.IsNonNull)
                .Select(f => KeyValuePair.Create(f.Name, Plausible(schema, f.Type, $"{where}.{f.Name}")))),
            _ => Scalar(type.Name!, where).Plausible(),
        };
    }

    /// <summary>Values of the wrong type for a slot of <paramref name="type"/> (null, for a non-null slot, included).</summary>
    public static IEnumerable<FuzzValue> WrongTypes(FuzzSchema schema, TypeRef type, string where)
    {
        if (type.IsNonNull) yield return FuzzValue.Of("null for a non-null type", null);
        var nullable = type.Nullable;
        if (nullable.Kind == "LIST")
        {
            var item = nullable.OfType!;
            if (item.IsNonNull) yield return FuzzValue.Of("a null item", new JsonArray((JsonNode?)null));
            yield return FuzzValue.Of("a list nested in the list", new JsonArray(new JsonArray(Plausible(schema, item, where))));
            yield return FuzzValue.Of("a list nested 60 deep", Nested(60, Plausible(schema, item, where)));
            // A single value stands for a list of one (input coercion): a wrong single value is refused as the item would be.
            foreach (var wrong in WrongTypes(schema, item.Nullable, where + ".0").Take(2)) yield return wrong with { Label = "as a single item: " + wrong.Label };
            yield break;
        }

        var def = schema.Types[nullable.Name!];
        switch (def.Kind)
        {
            case "ENUM":
                yield return FuzzValue.Of("an unknown enum value", "NOT_A_" + def.Name.ToUpperInvariant());
                if (def.EnumValues[0].ToLowerInvariant() is var lower && lower != def.EnumValues[0]) yield return FuzzValue.Of("an enum value in lower case", lower);
                yield return FuzzValue.Of("a number", 1);
                yield return FuzzValue.Of("an object", new JsonObject { ["value"] = def.EnumValues[0] });
                break;
            case "INPUT_OBJECT":
                yield return FuzzValue.Of("a string", "x");
                yield return FuzzValue.Of("a number", 42);
                yield return FuzzValue.Of("a list", new JsonArray());
                break;
            default:
                foreach (var wrong in Scalar(def.Name, where).WrongTypes) yield return wrong;
                break;
        }
    }

    /// <summary><paramref name="depth"/> lists, each inside the next, around <paramref name="innermost"/>.</summary>
    public static JsonNode Nested(int depth, JsonNode? innermost)
    {
        JsonNode node = new JsonArray(innermost?.DeepClone());
        for (var i = 1; i < depth; i++) node = new JsonArray(node);
        return node;
    }

    private static string Huge()
    {
        var text = new StringBuilder(HugeLength);
        const string pattern = "Ωmega 'quote' \"double\" \\ ünï©ødé 🚔 ";
        while (text.Length < HugeLength) text.Append(pattern);
        text.Length = HugeLength;
        if (char.IsHighSurrogate(text[^1]) || char.IsWhiteSpace(text[^1])) text[^1] = 'z';
        return text.ToString();
    }

    /// <summary>A random but reproducible GUID (version 4 layout) from <paramref name="random"/>.</summary>
    public static Guid NewGuid(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)(bytes[7] & 0x0F | 0x40);
        bytes[8] = (byte)(bytes[8] & 0x3F | 0x80);
        return new Guid(bytes);
    }

    /// <summary>GraphQL literal text for <paramref name="value"/> as <paramref name="type"/>; strings equal to a key of <paramref name="raw"/> become its raw literal.</summary>
    public static string Literal(FuzzSchema schema, JsonNode? value, TypeRef? type, IReadOnlyDictionary<string, string>? raw = null)
    {
        if (value is null) return "null";
        if (type is { IsNonNull: true }) return Literal(schema, value, type.OfType, raw);
        switch (value)
        {
            case JsonArray list:
                var itemType = type?.Kind == "LIST" ? type.OfType : null;
                return "[" + string.Join(", ", list.Select(i => Literal(schema, i, itemType, raw))) + "]";
            case JsonObject obj:
                var def = type is { Kind: not "LIST" } && schema.Types.TryGetValue(type.Name!, out var d) ? d : null;
                return "{" + string.Join(", ", obj.Select(p =>
                    p.Key + ": " + Literal(schema, p.Value, def?.InputFields.FirstOrDefault(f => f.Name == p.Key)?.Type, raw))) + "}";
        }

        var element = value.AsValue();
        if (element.TryGetValue<string>(out var text))
        {
            if (raw is not null && raw.TryGetValue(text, out var literal)) return literal;
            var named = type?.Kind == "LIST" ? null : type?.Name;
            return named is not null && schema.Types.TryGetValue(named, out var enumType) && enumType.Kind == "ENUM" && IsName(text) ? text : StringLiteral(text);
        }

        if (element.TryGetValue<bool>(out var flag)) return flag ? "true" : "false";
        return element.ToJsonString();
    }

    /// <summary>A GraphQL string literal: quotes, backslashes and control characters escaped.</summary>
    public static string StringLiteral(string text)
    {
        var literal = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            if (c is '"' or '\\') literal.Append('\\').Append(c);
            else if (c < 0x20 || c == 0x7F) literal.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            else literal.Append(c);
        }

        return literal.Append('"').ToString();
    }

    private static bool IsName(string text) =>
        text.Length > 0 && (char.IsAsciiLetter(text[0]) || text[0] == '_') && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
        && text is not ("true" or "false" or "null");
}
