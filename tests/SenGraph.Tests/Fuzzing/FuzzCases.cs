using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SenGraph.Tests.Fuzzing;

/// <summary>One request the fuzzer sends: raw body bytes (or a GET URL), as <see cref="Caller"/>.</summary>
/// <param name="Sent">Texts the request carries that an error message may quote back (taken out before looking for leaks).</param>
public sealed record FuzzCase(string Mutation, string Caller, string Description, byte[] Body, IReadOnlyList<string> Sent,
    string ContentType = "application/json", string? GetUrl = null)
{
    public override string ToString() => $"{Mutation} as {Caller}: {Description}";
}

/// <summary>A position in a mutation's arguments: <c>["input", "people", "0", "lastName"]</c>, and its type.</summary>
public sealed record Slot(IReadOnlyList<string> Path, TypeRef Type)
{
    public override string ToString() => string.Join('.', Path);
}

/// <summary>
/// Builds the fuzz requests for one mutation from a valid-shaped input (<c>seed</c>, the arguments as JSON):
/// every slot of the argument types (found from the schema, not from the seed: absent optional fields, list
/// items and nested objects are fuzzed too), each changed alone.
/// </summary>
public sealed class FuzzCaseBuilder
{
    private const string Placeholder = "\u0001fuzz-literal\u0001";
    private readonly FuzzSchema _schema;
    private readonly MutationDef _mutation;
    private readonly string _caller;
    private readonly JsonObject _seed;

    public FuzzCaseBuilder(FuzzSchema schema, MutationDef mutation, string caller, JsonObject seed)
    {
        FuzzValues.RequireGenerators(schema, mutation);
        _schema = schema;
        _mutation = mutation;
        _caller = caller;
        _seed = seed;
        Slots = [.. mutation.Arguments.SelectMany(a => SlotsOf([a.Name], a.Type, new HashSet<string>()))];
    }

    public IReadOnlyList<Slot> Slots { get; }

    /// <summary>The operation with one variable per argument.</summary>
    public string VariablesQuery =>
        $"mutation Fuzz({string.Join(", ", _mutation.Arguments.Select(a => $"${a.Name}: {a.Type}"))}) " +
        $"{{ {_mutation.Name}({string.Join(", ", _mutation.Arguments.Select(a => $"{a.Name}: ${a.Name}"))}){_schema.SelectionOf(_mutation)} }}";

    /// <summary>
    /// Requests that must each be refused without changing anything: malformed bodies, wrong types, missing
    /// and unknown fields, deep nesting, and values of the right type that no field accepts; <paramref name="badIds"/>
    /// are the identifiers to try in every ID slot.
    /// </summary>
    public IEnumerable<FuzzCase> InvalidCases(IReadOnlyList<FuzzValue> badIds)
    {
        foreach (var malformed in MalformedRequests()) yield return malformed;

        foreach (var slot in Slots)
        {
            foreach (var wrong in FuzzValues.WrongTypes(_schema, slot.Type, slot.ToString()))
                yield return Variables($"{slot}: {wrong.Label}", With(_seed, slot, wrong.Json));
            if (slot.Type.IsNonNull) yield return Variables($"{slot}: missing", With(_seed, slot, null, remove: true));

            var nullable = slot.Type.Nullable;
            if (nullable.Kind == "LIST") continue;
            var def = _schema.Types[nullable.Name!];
            if (def.Kind == "INPUT_OBJECT")
            {
                var withUnknown = (JsonObject)(ValueAt(_seed, slot) ?? new JsonObject());
                withUnknown["fuzzUnknownField"] = 1;
                yield return Variables($"{slot}: an unknown field", With(_seed, slot, withUnknown));
            }
            else if (def.Kind == "SCALAR")
            {
                var refused = def.Name == "ID" ? badIds : FuzzValues.Scalar(def.Name, slot.ToString()).Refused;
                foreach (var value in refused)
                {
                    yield return value.Literal is { } literal
                        ? LiteralCase($"{slot}: {value.Label} (literal)", With(_seed, slot, Placeholder), new Dictionary<string, string> { [Placeholder] = literal })
                        : Variables($"{slot}: {value.Label}", With(_seed, slot, value.Json), value.Json is JsonValue v && v.TryGetValue<string>(out var s) ? [s] : []);
                }
            }
        }
    }

    /// <summary>The slots that take free text (<see cref="FuzzValues.ScalarGenerator.IsText"/>: String), for the hostile-but-valid phase.</summary>
    public IEnumerable<Slot> TextSlots() => Slots.Where(s => s.Type.Nullable.Kind != "LIST" && _schema.Types[s.Type.Named.Name!].Kind == "SCALAR"
        && FuzzValues.Scalar(s.Type.Named.Name!, s.ToString()).IsText);

    /// <summary>The request with <paramref name="text"/> in <paramref name="slot"/> of <paramref name="seed"/> (a fresh valid input).</summary>
    public FuzzCase TextCase(JsonObject seed, Slot slot, FuzzValue text) =>
        Variables($"{slot}: {text.Label}", With(seed, slot, text.Json), [text.Json!.GetValue<string>()]);

    private FuzzCase Variables(string description, JsonObject arguments, IReadOnlyList<string>? sent = null) =>
        new(_mutation.Name, _caller, description, Body(VariablesQuery, arguments), sent ?? []);

    private FuzzCase LiteralCase(string description, JsonObject arguments, IReadOnlyDictionary<string, string> raw, IReadOnlyList<string>? sent = null)
    {
        var query = $"mutation Fuzz {{ {_mutation.Name}(" +
            string.Join(", ", _mutation.Arguments.Where(a => arguments.ContainsKey(a.Name))
                .Select(a => $"{a.Name}: {FuzzValues.Literal(_schema, arguments[a.Name], a.Type, raw)}")) +
            $"){_schema.SelectionOf(_mutation)} }}";
        return new FuzzCase(_mutation.Name, _caller, description, Body(query, null), sent ?? []);
    }

    private static byte[] Body(string query, JsonObject? variables)
    {
        var body = new JsonObject { ["query"] = query };
        if (variables is not null) body["variables"] = variables;
        return Encoding.UTF8.GetBytes(body.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    /// <summary>Bodies that are not a well-formed GraphQL request (4xx expected), the operation over GET (405), wrong content types (415), and documents nested or sized past the limits.</summary>
    private IEnumerable<FuzzCase> MalformedRequests()
    {
        var valid = Body(VariablesQuery, _seed);
        var text = Encoding.UTF8.GetString(valid);
        FuzzCase Raw(string description, byte[] body, string contentType = "application/json") => new(_mutation.Name, _caller, description, body, [], contentType);
        byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

        yield return Raw("JSON: truncated in the middle", valid[..(valid.Length / 2)]);
        yield return Raw("JSON: last brace missing", valid[..^1]);
        yield return Raw("JSON: trailing braces", [.. valid, .. "}}"u8]);
        yield return Raw("JSON: single-quoted key", Utf8("{'query'" + text[(text.IndexOf(':'))..]));
        yield return Raw("JSON: a comment", Utf8("{/* fuzz */" + text[1..]));
        yield return Raw("JSON: overlong UTF-8 encoding of '/'", [.. Utf8("{\"query\":\"mutation "), 0xC0, 0xAF, .. Utf8("\"}")]);
        yield return Raw("JSON: invalid UTF-8 byte 0xFF", [.. Utf8("{\"query\":\""), 0xFF, 0xFE, .. Utf8("\"}")]);
        yield return Raw("JSON: a raw NUL in a string", [.. Utf8("{\"query\":\"mutation"), 0x00, .. Utf8("\"}")]);
        yield return Raw("JSON: a lone surrogate escape in a variable",
            Utf8(text.Replace("\"Fuzz\"", "\"lone \\ud800 surrogate\"").Replace("\"variables\":{", "\"variables\":{\"fuzz\":\"\\udc00\",")));
        yield return Raw("JSON: NaN", Utf8($"{{\"query\":{JsonSerializer.Serialize(VariablesQuery)},\"variables\":{{\"{_mutation.Arguments[0].Name}\":NaN}}}}"));
        yield return Raw("JSON: a number too large for any type", Utf8($"{{\"query\":{JsonSerializer.Serialize(VariablesQuery)},\"variables\":{{\"{_mutation.Arguments[0].Name}\":1e999}}}}"));
        yield return Raw("JSON: variables as a string", Utf8($"{{\"query\":{JsonSerializer.Serialize(VariablesQuery)},\"variables\":\"{{}}\"}}"));
        yield return Raw("JSON: variables as a list", Utf8($"{{\"query\":{JsonSerializer.Serialize(VariablesQuery)},\"variables\":[1]}}"));
        yield return Raw("JSON: query as a number", Utf8("{\"query\":5}"));
        yield return Raw("JSON: operationName as an object", Utf8($"{{\"query\":{JsonSerializer.Serialize(VariablesQuery)},\"operationName\":{{}}}}"));
        yield return Raw("JSON: an empty body", []);
        yield return Raw("JSON: null", Utf8("null"));
        yield return Raw("JSON: a batch of two", [.. "["u8, .. valid, .. ","u8, .. valid, .. "]"u8]);
        yield return Raw("JSON: variables nested 100,000 deep",
            Utf8($"{{\"query\":{JsonSerializer.Serialize(VariablesQuery)},\"variables\":{{\"{_mutation.Arguments[0].Name}\":{new string('[', 100_000)}1{new string(']', 100_000)}}}}}"));
        yield return Raw("content type text/plain", valid, "text/plain");
        yield return Raw("charset utf-16", valid, "application/json; charset=utf-16");
        yield return new FuzzCase(_mutation.Name, _caller, "the mutation over GET", [], [],
            GetUrl: "/graphql?query=" + Uri.EscapeDataString(VariablesQuery) + "&variables=" + Uri.EscapeDataString(_seed.ToJsonString()));

        if (_mutation.Arguments.Any(a => a.Type.IsNonNull)) yield return Raw("no variables", Body(VariablesQuery, null));

        // The document itself: nested past the parser's depth, past the token limit, and longer than MaxQueryLength.
        var first = Slots[0];
        yield return LiteralCase("document: a literal list nested 1,000 deep", With(_seed, first, Placeholder),
            new Dictionary<string, string> { [Placeholder] = new string('[', 1_000) + "1" + new string(']', 1_000) });
        yield return LiteralCase("document: a literal object nested 3,000 deep", With(_seed, first, Placeholder),
            new Dictionary<string, string> { [Placeholder] = string.Concat(Enumerable.Repeat("{a: ", 3_000)) + "1" + new string('}', 3_000) });
        var longText = new string('y', 40_000);
        yield return LiteralCase("document: a 40,000-character literal", With(_seed, first, Placeholder),
            new Dictionary<string, string> { [Placeholder] = FuzzValues.StringLiteral(longText) }, [longText]);
    }

    private IEnumerable<Slot> SlotsOf(IReadOnlyList<string> path, TypeRef type, IReadOnlySet<string> visiting)
    {
        yield return new Slot(path, type);
        var nullable = type.Nullable;
        if (nullable.Kind == "LIST")
        {
            if (nullable.OfType!.Nullable.Kind == "LIST") yield break;
            foreach (var slot in SlotsOf([.. path, "0"], nullable.OfType, visiting)) yield return slot;
            yield break;
        }

        var def = _schema.Types[nullable.Name!];
        if (def.Kind != "INPUT_OBJECT" || visiting.Contains(def.Name) || path.Count > 8) yield break;
        var inside = new HashSet<string>(visiting) { def.Name };
        foreach (var field in def.InputFields)
        {
            foreach (var slot in SlotsOf([.. path, field.Name], field.Type, inside)) yield return slot;
        }
    }

    /// <summary>A copy of <paramref name="seed"/> with <paramref name="value"/> at <paramref name="slot"/> (or the field removed); containers on the way that the seed lacks are made plausible.</summary>
    public JsonObject With(JsonObject seed, Slot slot, JsonNode? value, bool remove = false)
    {
        var arguments = (JsonObject)seed.DeepClone();
        var name = slot.Path[0];
        if (slot.Path.Count == 1 && remove)
        {
            arguments.Remove(name);
            return arguments;
        }

        var type = _mutation.Arguments.First(a => a.Name == name).Type;
        arguments.TryGetPropertyValue(name, out var current);
        arguments[name] = Rebuild(current?.DeepClone(), type, slot.Path, 1, value, remove, name);
        return arguments;
    }

    /// <summary>The seed's value at <paramref name="slot"/> (a copy), or a plausible one when the seed has none.</summary>
    private JsonNode? ValueAt(JsonObject seed, Slot slot)
    {
        JsonNode? node = seed;
        foreach (var segment in slot.Path)
        {
            node = node switch
            {
                JsonObject o when o.TryGetPropertyValue(segment, out var child) => child,
                JsonArray a when segment == "0" && a.Count > 0 => a[0],
                _ => null,
            };
            if (node is null) break;
        }

        return node?.DeepClone() ?? FuzzValues.Plausible(_schema, slot.Type, slot.ToString());
    }

    private JsonNode? Rebuild(JsonNode? current, TypeRef type, IReadOnlyList<string> path, int at, JsonNode? value, bool remove, string where)
    {
        if (at == path.Count) return value?.DeepClone();
        var nullable = type.Nullable;
        if (nullable.Kind == "LIST")
        {
            var item = nullable.OfType!;
            var list = current as JsonArray ?? [];
            if (list.Count == 0) list.Add(FuzzValues.Plausible(_schema, item, where));
            var first = list[0]?.DeepClone();
            list[0] = Rebuild(first, item, path, at + 1, value, remove, where + ".0");
            return list;
        }

        var def = _schema.Types[nullable.Name!];
        var obj = current as JsonObject ?? (JsonObject)FuzzValues.Plausible(_schema, nullable, where)!;
        var field = def.InputFields.First(f => f.Name == path[at]);
        if (at == path.Count - 1 && remove)
        {
            obj.Remove(field.Name);
            return obj;
        }

        obj.TryGetPropertyValue(field.Name, out var child);
        obj[field.Name] = Rebuild(child?.DeepClone(), field.Type, path, at + 1, value, remove, $"{where}.{field.Name}");
        return obj;
    }
}
