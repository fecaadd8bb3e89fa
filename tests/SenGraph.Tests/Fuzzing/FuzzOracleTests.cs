using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.Fuzzing;

/// <summary>The fuzz suite's own judges, on inputs whose answer is known: a judge that never fails would make the suite pass for nothing.</summary>
[Trait("Category", "Fuzz")]
public sealed class FuzzOracleTests
{
    [Theory]
    [InlineData("""{"errors":[{"message":"   at SenGraph.Host.Kernel.Workflow.ReportWorkflow.StepAsync(Guid id) in /work/src/ReportWorkflow.cs:line 42"}]}""", "a stack frame")]
    [InlineData("""{"errors":[{"message":"Object reference not set\n--- End of stack trace from previous location ---"}]}""", "a stack trace marker")]
    [InlineData("""{"errors":[{"message":"DbUpdateException: An error occurred while saving"}]}""", "an exception type")]
    [InlineData("""{"errors":[{"message":"The JSON value could not be converted to GraphQL.Inputs."}]}""", "a .NET type name")]
    [InlineData("""{"errors":[{"message":"Could not load /tmp/sengraph-tests/plugins/Sir.dll"}]}""", "a file path")]
    [InlineData("""{"errors":[{"message":"SQLite Error 19: 'UNIQUE constraint failed: Reports.Number'."}]}""", "SQL text")]
    [InlineData("""{"errors":[{"message":"Failed executing DbCommand: SELECT \"r\".\"Id\" FROM \"Reports\" AS \"r\""}]}""", "SQL text")]
    [InlineData("not json: Microsoft.Data.Sqlite.SqliteException", "an exception type")]
    public void A_leak_in_an_answer_is_found(string body, string what)
    {
        Assert.Contains(ResponseHygiene.FindLeaks(body, []), leak => leak.StartsWith(what + ":", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"errors":[{"message":"Variable '$input.eventAt' is invalid. Unable to convert 'x' to 'DateTimeOffset'","extensions":{"code":"INVALID_VALUE"}}]}""")]
    [InlineData("""{"errors":[{"message":"The body is not a valid GraphQL request: Cannot transcode invalid UTF-8 JSON text to UTF-16 string (line 1, byte 14).","extensions":{"code":"INVALID_REQUEST"}}]}""")]
    [InlineData("""{"data":{"createSir":{"errors":[{"code":"TOO_LONG","message":"The title may have at most 200 characters.","path":["input","title"]}]}}}""")]
    [InlineData("""{"errors":[{"message":"POST requests must have Content-Type: application/json.","extensions":{"code":"INVALID_REQUEST"}}]}""")]
    public void A_clear_refusal_is_not_a_leak(string body)
    {
        Assert.Empty(ResponseHygiene.FindLeaks(body, []));
    }

    [Fact]
    public void Sql_the_caller_sent_and_an_error_quotes_back_is_not_a_leak_but_other_sql_is()
    {
        const string sent = "x%' UNION SELECT UserName, Role FROM UserRoles --";
        var quoted = new JsonObject
        {
            ["data"] = new JsonObject { ["createOffice"] = new JsonObject { ["errors"] = new JsonArray(new JsonObject
            {
                ["code"] = "INVALID_CODE", ["message"] = $"'{sent.ToUpperInvariant()}' is not an office code.", ["path"] = new JsonArray("input", "code"),
            }) } },
        }.ToJsonString();
        var quotedAndLeaked = quoted.Replace("is not an office code.", "is not an office code. SELECT \\\"o\\\".\\\"Code\\\" FROM \\\"Offices\\\"");

        Assert.Empty(ResponseHygiene.FindLeaks(quoted, [sent]));
        Assert.Contains(ResponseHygiene.FindLeaks(quotedAndLeaked, [sent]), leak => leak.StartsWith("SQL text:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_database_dump_sees_any_changed_cell_but_leaves_out_audit_and_migration_tables()
    {
        using var folder = new TempFolder("fuzz-oracle");
        var file = Path.Combine(folder.Path, "fuzz.db");
        Execute(file, """
            CREATE TABLE Reports (Id TEXT PRIMARY KEY, Title TEXT, Version INTEGER, Data BLOB);
            CREATE TABLE AuditEntries (Id INTEGER PRIMARY KEY, Operation TEXT);
            CREATE TABLE __EFMigrationsHistory (MigrationId TEXT PRIMARY KEY);
            INSERT INTO Reports VALUES ('a', 'José', 1, x'00ff'), ('b', NULL, 2, NULL);
            """);
        var before = DatabaseSnapshot.Take(file);

        Execute(file, "INSERT INTO AuditEntries (Operation) VALUES ('refused'); INSERT INTO __EFMigrationsHistory VALUES ('20990101_Next');");
        Assert.Empty(DatabaseSnapshot.Take(file).DifferencesFrom(before));

        Execute(file, "UPDATE Reports SET Title = 'Jose' || char(769) WHERE Id = 'a';"); // the same letters, decomposed
        var decomposed = DatabaseSnapshot.Take(file);
        Assert.Equal(2, decomposed.DifferencesFrom(before).Count); // the old row gone, the new one there
        Assert.True(decomposed.StoredSince(before, "Jose\u0301"));
        Assert.False(decomposed.StoredSince(before, "Jos"));
        Assert.False(decomposed.StoredSince(before, "José"));

        Execute(file, "UPDATE Reports SET Title = 'José' WHERE Id = 'a'; UPDATE Reports SET Version = 3 WHERE Id = 'b';");
        Assert.Single(DatabaseSnapshot.Take(file).DifferencesFrom(before), d => d.StartsWith("Reports: row new:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_mutation_using_a_scalar_without_a_generator_fails_instead_of_being_skipped()
    {
        var schema = Schema(
            Mutation("payInvoice", Argument("input", NonNull(Named("INPUT_OBJECT", "PayInvoiceInput")))),
            InputObject("PayInvoiceInput", Field("invoice", NonNull(Named("SCALAR", "ID"))), Field("amount", NonNull(Named("SCALAR", "Money")))),
            Scalar("ID"), Scalar("Money"));

        var error = Assert.Throws<MissingGeneratorException>(() => FuzzValues.RequireGenerators(schema, schema.Mutations[0]));
        Assert.Contains("scalar Money (payInvoice(input).amount)", error.Message);
        Assert.Throws<MissingGeneratorException>(() => new FuzzCaseBuilder(schema, schema.Mutations[0], "alice", new JsonObject()));
    }

    [Fact]
    public void Slots_reach_list_items_nested_objects_and_fields_the_seed_leaves_out()
    {
        var schema = Schema(
            Mutation("tagThing", Argument("input", NonNull(Named("INPUT_OBJECT", "TagThingInput")))),
            InputObject("TagThingInput", Field("name", NonNull(Named("SCALAR", "String"))), Field("tags", List(NonNull(Named("SCALAR", "String")))),
                Field("owner", Named("INPUT_OBJECT", "OwnerInput"))),
            InputObject("OwnerInput", Field("kind", NonNull(Named("ENUM", "OwnerKind"))), Field("note", Named("SCALAR", "String"))),
            Enum("OwnerKind", "PERSON", "OFFICE"), Scalar("String"));
        var seed = new JsonObject { ["input"] = new JsonObject { ["name"] = "thing" } };
        var builder = new FuzzCaseBuilder(schema, schema.Mutations[0], "alice", seed);

        Assert.Equal(["input", "input.name", "input.tags", "input.tags.0", "input.owner", "input.owner.kind", "input.owner.note"],
            builder.Slots.Select(s => s.ToString()));
        Assert.Equal(["input.name", "input.tags.0", "input.owner.note"], builder.TextSlots().Select(s => s.ToString()));
        var withNote = builder.With(seed, builder.Slots.Single(s => s.ToString() == "input.owner.note"), "hostile");
        Assert.Equal("""{"input":{"name":"thing","owner":{"kind":"PERSON","note":"hostile"}}}""", withNote.ToJsonString());
        var cases = builder.InvalidCases([]).ToList();
        Assert.Contains(cases, c => c.Description == "input.owner.kind: an unknown enum value");
        Assert.Contains(cases, c => c.Description == "input.name: missing");
        Assert.Contains(cases, c => c.Description == "input.tags: a list nested 60 deep");
        Assert.Contains(cases, c => c.Description == "input.owner.note: a lone high surrogate (literal)"
            && System.Text.Encoding.UTF8.GetString(c.Body).Contains("note: \\\"lone \\\\uD800 high\\\"", StringComparison.Ordinal));
    }

    private static void Execute(string file, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    // A small introspection answer, as FuzzSchema.IntrospectionQuery gets it.
    private static FuzzSchema Schema(JsonObject mutation, params JsonObject[] types) => FuzzSchema.Read(new JsonObject
    {
        ["__schema"] = new JsonObject
        {
            ["mutationType"] = new JsonObject { ["fields"] = new JsonArray(mutation) },
            ["types"] = new JsonArray([.. types, Named("OBJECT", "Result")]),
        },
    });

    private static JsonObject Mutation(string name, params JsonObject[] arguments) =>
        new() { ["name"] = name, ["args"] = new JsonArray(arguments), ["type"] = NonNull(Named("OBJECT", "Result")) };

    private static JsonObject Argument(string name, JsonObject type) => new() { ["name"] = name, ["type"] = type };

    private static JsonObject Field(string name, JsonObject type) => Argument(name, type);

    private static JsonObject InputObject(string name, params JsonObject[] fields) => new() { ["kind"] = "INPUT_OBJECT", ["name"] = name, ["inputFields"] = new JsonArray(fields) };

    private static JsonObject Enum(string name, params string[] values) =>
        new() { ["kind"] = "ENUM", ["name"] = name, ["enumValues"] = new JsonArray([.. values.Select(v => (JsonNode)new JsonObject { ["name"] = v })]) };

    private static JsonObject Scalar(string name) => Named("SCALAR", name);

    private static JsonObject Named(string kind, string name) => new() { ["kind"] = kind, ["name"] = name };

    private static JsonObject NonNull(JsonObject type) => new() { ["kind"] = "NON_NULL", ["ofType"] = type };

    private static JsonObject List(JsonObject type) => new() { ["kind"] = "LIST", ["ofType"] = type };
}
