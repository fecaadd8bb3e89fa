using System.Text.Json;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using SenGraph.Contracts.Reports;

namespace SenGraph.Tests.Reports;

/// <summary>Plays a module's report type: the Report interface plus its own field.</summary>
public sealed class TestSirGraphType : ObjectGraphType<Report>
{
    public TestSirGraphType()
    {
        Name = "TestSir";
        Description = "A test report type.";
        this.ImplementReport("SIR", r => r);
        Field<StringGraphType>("sirOnly").Description("A field of the module.").Resolve(_ => "sir");
    }
}

public sealed class TestSpearGraphType : ObjectGraphType<Report>
{
    public TestSpearGraphType()
    {
        Name = "TestSpear";
        Description = "Another test report type on the same entity.";
        this.ImplementReport("SPEAR", r => r);
    }
}

public sealed class ReportTestQuery : ObjectGraphType
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    public ReportTestQuery()
    {
        Name = "Query";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReportInterfaceGraphType>>>>("reports")
            .Description("Reports of every type.")
            .Resolve(_ => Reports());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("check")
            .Description("Binds the input and returns the error codes and the normalized A-numbers.")
            .Argument<NonNullGraphType<ReportEnvelopeInputGraphType>>("input", "The envelope.")
            .Resolve(c =>
            {
                var validation = ReportEnvelopeValidator.Validate(c.GetArgument<ReportEnvelopeInput>("input"), Now);
                return validation.Errors.Select(e => $"{e.Code}@{string.Join('.', e.Path)}")
                    .Concat((validation.Input.People ?? []).Select(p => $"{p.Role}:{p.LastName}:{p.ANumber}:{p.DateOfBirth:yyyy-MM-dd}:{p.Address?.State}:{p.NameUnknown}"))
                    .Concat((validation.Input.Narratives ?? []).Select(n => $"narrative:{n.Heading}:{n.Text}"))
                    .ToList();
            });
    }

    public static List<Report> Reports()
    {
        var sir = new Report { Id = Guid.Parse("11111111-1111-1111-1111-111111111111"), Type = "SIR", Title = "Arrest", OriginatingOffice = "SAC-NYC", Author = "alice", Status = ReportStatus.PendingReview, CreatedAt = Now, UpdatedAt = Now, Version = 3 };
        sir.People.Add(new ReportPerson { Position = 1, Role = PersonRole.Victim, LastName = "Roe", AddressCity = "Queens" });
        sir.People.Add(new ReportPerson { Position = 0, Role = PersonRole.Suspect, LastName = "Perez", ANumber = "A012345678", DateOfBirth = new DateOnly(1990, 5, 17) });
        sir.Narratives.Add(new ReportNarrative { Text = "What happened" });
        var spear = new Report { Id = Guid.Parse("22222222-2222-2222-2222-222222222222"), Type = "SPEAR", Title = "Planned operation", OriginatingOffice = "RAC-ALB", Author = "bob", CreatedAt = Now, UpdatedAt = Now };
        return [sir, spear];
    }
}

public sealed class ReportGraphTypesTests
{
    private static GraphQL.Types.Schema NewSchema()
    {
        var schema = new GraphQL.Types.Schema { Query = new ReportTestQuery() };
        schema.RegisterType<TestSirGraphType>();
        schema.RegisterType<TestSpearGraphType>();
        schema.Initialize();
        return schema;
    }

    private static async Task<JsonElement> ExecuteAsync(GraphQL.Types.Schema schema, string query, string? variables = null)
    {
        var serializer = new GraphQLSerializer();
        var result = await new DocumentExecuter().ExecuteAsync(o =>
        {
            o.Schema = schema;
            o.Query = query;
            o.Variables = variables is null ? null : serializer.Deserialize<Inputs>(variables);
        });
        var json = JsonDocument.Parse(serializer.Serialize(result)).RootElement;
        Assert.False(json.TryGetProperty("errors", out var errors), errors.ToString());
        return json.GetProperty("data");
    }

    [Fact]
    public void A_schema_with_a_type_implementing_Report_initializes_and_prints()
    {
        var sdl = NewSchema().Print();

        Assert.Contains("interface Report {", sdl);
        Assert.Contains("type TestSir implements Node & Report {", sdl);
        Assert.Contains("type TestSpear implements Node & Report {", sdl);
        foreach (var name in new[] { "ReportPerson", "ReportContact", "ReportNarrative", "Address" })
            Assert.Contains($"type {name} {{", sdl);
        foreach (var name in new[] { "ReportStatus", "PersonRole", "ContactKind", "Sex" })
            Assert.Contains($"enum {name} {{", sdl);
        foreach (var name in new[] { "ReportEnvelopeInput", "PersonInput", "AddressInput", "ContactInput", "NarrativeInput" })
            Assert.Contains($"input {name} {{", sdl);
        Assert.Contains("PENDING_REVIEW", sdl);
        Assert.Contains("OTHER_LAW_ENFORCEMENT", sdl);
        Assert.Contains("people: [ReportPerson!]!", sdl);
        Assert.Contains("dateOfBirth: DateOnly", sdl);
        Assert.Contains("aNumber: String", sdl);
    }

    [Fact]
    public void Every_type_and_field_has_a_description()
    {
        var schema = NewSchema();
        string[] names = ["Report", "TestSir", "ReportPerson", "ReportContact", "ReportNarrative", "Address", "ReportStatus", "PersonRole", "ContactKind", "Sex",
            "ReportEnvelopeInput", "PersonInput", "AddressInput", "ContactInput", "NarrativeInput"];
        foreach (var name in names)
        {
            var type = schema.AllTypes[name];
            Assert.False(string.IsNullOrWhiteSpace(type?.Description), $"{name} has no description");
            if (type is IComplexGraphType complex)
                Assert.All(complex.Fields, f => Assert.False(string.IsNullOrWhiteSpace(f.Description), $"{name}.{f.Name} has no description"));
        }
    }

    [Fact]
    public void Personal_fields_of_people_are_marked_PII()
    {
        var schema = NewSchema();
        var person = (IComplexGraphType)schema.AllTypes["ReportPerson"]!;
        string[] pii = ["firstName", "middleName", "lastName", "dateOfBirth", "age", "countryOfBirth", "countryOfCitizenship", "address", "aNumber", "fin", "fbiNumber", "immigrationStatus"];
        Assert.Equal(pii.Order(), person.Fields.Where(f => f.IsPii()).Select(f => f.Name).Order());
        var input = (IComplexGraphType)schema.AllTypes["PersonInput"]!;
        Assert.Equal(pii.Order(), input.Fields.Where(f => f.IsPii()).Select(f => f.Name).Order());
        Assert.All(((IComplexGraphType)schema.AllTypes["Address"]!).Fields, f => Assert.True(f.IsPii()));
        // A title may name a suspect (PIA 1.1), so it is the envelope's one PII field on Report itself.
        Assert.Equal(["title"], ((IComplexGraphType)schema.AllTypes["Report"]!).Fields.Where(f => f.IsPii()).Select(f => f.Name));
        Assert.Equal("sengraph:pii", PiiMetadata.Key);
    }

    [Fact]
    public async Task Reports_of_each_type_resolve_through_the_interface()
    {
        var data = await ExecuteAsync(NewSchema(), """
            { reports { __typename id type status version people { role lastName aNumber dateOfBirth address { city } } narratives { text } ... on TestSir { sirOnly } } }
            """);

        var reports = data.GetProperty("reports");
        Assert.Equal("TestSir", reports[0].GetProperty("__typename").GetString());
        Assert.Equal("PENDING_REVIEW", reports[0].GetProperty("status").GetString());
        Assert.Equal(3, reports[0].GetProperty("version").GetInt32());
        Assert.Equal("sir", reports[0].GetProperty("sirOnly").GetString());
        var people = reports[0].GetProperty("people");
        Assert.Equal(("SUSPECT", "Perez", "A012345678", "1990-05-17"),
            (people[0].GetProperty("role").GetString(), people[0].GetProperty("lastName").GetString(), people[0].GetProperty("aNumber").GetString(), people[0].GetProperty("dateOfBirth").GetString()));
        Assert.Equal(JsonValueKind.Null, people[0].GetProperty("address").ValueKind);
        Assert.Equal("Queens", people[1].GetProperty("address").GetProperty("city").GetString());
        Assert.Equal("TestSpear", reports[1].GetProperty("__typename").GetString());
        Assert.Equal("DRAFT", reports[1].GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_envelope_input_binds_to_the_records()
    {
        var data = await ExecuteAsync(NewSchema(), """
            query($input: ReportEnvelopeInput!) { check(input: $input) }
            """, """
            { "input": {
                "title": "Arrest", "eventAt": "2026-11-20T14:30:00Z", "eventState": "ny",
                "people": [
                  { "role": "SUSPECT", "lastName": " Perez ", "aNumber": "12-345-678", "dateOfBirth": "1990-05-17", "address": { "state": "ny" } },
                  { "role": "VICTIM", "nameUnknown": true },
                  { "role": "WITNESS", "aNumber": "B1" }
                ],
                "contacts": [ { "kind": "OTHER_LAW_ENFORCEMENT", "name": "Det. Smith", "phone": "212 555 0100" } ],
                "narratives": [ { "text": "What happened" } ]
            } }
            """);

        Assert.Equal(
            [
                "REQUIRED@input.people.2.lastName",
                "INVALID_A_NUMBER@input.people.2.aNumber",
                "Suspect:Perez:A012345678:1990-05-17:NY:False",
                "Victim:::::True",
                "Witness::B1:::False",
                "narrative::What happened",
            ],
            data.GetProperty("check").EnumerateArray().Select(e => e.GetString()));
    }
}
