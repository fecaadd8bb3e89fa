using System.Text.Json.Nodes;
using GraphQLParser;
using GraphQLParser.AST;
using SenGraph.Tests.Infrastructure;
using static SenGraph.Tests.Security.AgencyRoles;

namespace SenGraph.Tests.Schema;

/// <summary>
/// Tools get the <c>@pii</c> marks two ways (README "Schema for tools"): the committed <c>schema/schema.graphql</c>,
/// which <c>graphql.config.yml</c> points editors at, and GraphQL.NET's applied-directive introspection extension
/// (<c>appliedDirectives</c> on fields and input values). Both must list the same marks.
/// </summary>
public sealed class PiiMarksForToolsTests(ShippedModulesHost host) : IClassFixture<ShippedModulesHost>
{
    private const string MarksQuery = """
        { __schema { types { name
            fields(includeDeprecated: true) { name appliedDirectives { name } }
            inputFields { name appliedDirectives { name } } } } }
        """;

    [Fact]
    public async Task The_schema_file_and_applied_directive_introspection_list_the_same_pii_marks()
    {
        var fromFile = MarksInSchemaFile(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "schema", "schema.graphql")));
        var data = (await host.PostAsync(MarksQuery, token: host.TokenOf(IrocStaff))).ShouldSucceed().Data!;
        var fromIntrospection = MarksInIntrospection(data["__schema"]!["types"]!.AsArray());

        Assert.Contains("ReportPerson.aNumber", fromFile);
        Assert.Contains(fromFile, m => m.Contains("Input.", StringComparison.Ordinal));
        Assert.Equal(fromFile, fromIntrospection);
    }

    [Fact]
    public async Task Graphql_config_points_editors_at_the_committed_schema()
    {
        var config = await File.ReadAllLinesAsync(Path.Combine(RepoPaths.Root, "graphql.config.yml"));

        Assert.Contains("schema: schema/schema.graphql", config);
    }

    private static SortedSet<string> MarksInSchemaFile(string sdl)
    {
        var marks = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var definition in Parser.Parse(sdl).Definitions)
        {
            var (type, fields) = definition switch
            {
                GraphQLObjectTypeDefinition o => (o.Name.StringValue, o.Fields?.Items.Select(f => (f.Name.StringValue, f.Directives))),
                GraphQLInterfaceTypeDefinition i => (i.Name.StringValue, i.Fields?.Items.Select(f => (f.Name.StringValue, f.Directives))),
                GraphQLInputObjectTypeDefinition n => (n.Name.StringValue, n.Fields?.Items.Select(f => (f.Name.StringValue, f.Directives))),
                _ => (null, null),
            };
            foreach (var (name, directives) in fields ?? [])
                if (directives?.Items.Any(d => d.Name.StringValue == "pii") == true) marks.Add($"{type}.{name}");
        }
        return marks;
    }

    private static SortedSet<string> MarksInIntrospection(JsonArray types)
    {
        var marks = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in types)
        {
            var name = type!["name"]!.GetValue<string>();
            if (name.StartsWith("__", StringComparison.Ordinal)) continue;
            foreach (var list in new[] { type["fields"], type["inputFields"] })
                foreach (var field in list?.AsArray() ?? [])
                    if (field!["appliedDirectives"]!.AsArray().Any(d => d!["name"]!.GetValue<string>() == "pii"))
                        marks.Add($"{name}.{field["name"]!.GetValue<string>()}");
        }
        return marks;
    }
}
