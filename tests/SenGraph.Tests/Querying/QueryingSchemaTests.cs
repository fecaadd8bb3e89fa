using GraphQL;
using GraphQL.Types;

namespace SenGraph.Tests.Querying;

public sealed class QueryingSchemaTests(QueryingFixture db) : IClassFixture<QueryingFixture>
{
    [Fact]
    public void Generated_types_register_once_for_two_node_types_and_two_fields_on_one_node()
    {
        var sdl = db.Schema.Print();
        foreach (var type in new[] { "type ReportConnection", "type ReportEdge", "input ReportFilterInput", "input ReportSortInput",
                     "type PersonConnection", "type PersonEdge", "input PersonFilterInput", "input PersonSortInput",
                     "type PageInfo", "enum SortEnumType", "input StringOperationFilterInput", "input IntOperationFilterInput",
                     "input LongOperationFilterInput", "input BooleanOperationFilterInput", "input DateTimeOffsetOperationFilterInput",
                     "input IdOperationFilterInput", "input ReportKindOperationFilterInput" })
            Assert.Equal(1, ("\n" + sdl).Split("\n" + type + " {").Length - 1);
    }

    [Fact]
    public void Connection_fields_take_paging_filtering_and_sorting_arguments()
    {
        var reports = db.Schema.Query!.GetField("reports")!;
        Assert.Equal(["first", "after", "last", "before", "where", "order"], reports.Arguments!.Select(a => a.Name));
        Assert.Equal("ReportConnection!", reports.ResolvedType!.ToString());
        Assert.Equal("[ReportSortInput!]", reports.Arguments!.Find("order")!.ResolvedType!.ToString());
    }

    [Fact]
    public void Filter_and_sort_fields_come_from_the_node_fields_that_map_to_a_property()
    {
        var filter = (IInputObjectGraphType)db.Schema.AllTypes["ReportFilterInput"]!;
        Assert.Equal(
            ["and", "or", "id", "externalId", "title", "narrative", "priority", "views", "urgent", "occurredAt", "kind"],
            filter.Fields.Select(f => f.Name));
        Assert.Equal("IdOperationFilterInput", filter.GetField("externalId")!.ResolvedType!.ToString());
        Assert.Equal("ReportKindOperationFilterInput", filter.GetField("kind")!.ResolvedType!.ToString());

        var sort = (IInputObjectGraphType)db.Schema.AllTypes["ReportSortInput"]!;
        Assert.Equal(["id", "externalId", "title", "narrative", "priority", "views", "urgent", "occurredAt", "kind"], sort.Fields.Select(f => f.Name));
        Assert.All(sort.Fields, f => Assert.Equal("SortEnumType", f.ResolvedType!.ToString()));
    }

    [Fact]
    public void Operation_inputs_have_HotChocolate_operations()
    {
        string[] Operations(string type) => [.. ((IInputObjectGraphType)db.Schema.AllTypes[type]!).Fields.Select(f => f.Name)];
        Assert.Equal(["eq", "neq", "in", "nin", "contains", "ncontains", "startsWith", "nstartsWith", "endsWith", "nendsWith"], Operations("StringOperationFilterInput"));
        Assert.Equal(["eq", "neq", "in", "nin", "gt", "gte", "lt", "lte"], Operations("IntOperationFilterInput"));
        Assert.Equal(["eq", "neq", "in", "nin", "gt", "gte", "lt", "lte"], Operations("DateTimeOffsetOperationFilterInput"));
        Assert.Equal(["eq", "neq"], Operations("BooleanOperationFilterInput"));
        Assert.Equal(["eq", "neq", "in", "nin"], Operations("IdOperationFilterInput"));
        Assert.Equal(["eq", "neq", "in", "nin"], Operations("ReportKindOperationFilterInput"));
    }

    [Fact]
    public void Every_generated_type_and_field_has_a_description()
    {
        foreach (var type in db.Schema.AllTypes.Where(t => !t.Name.StartsWith("__") && t.Name != "Query" && t is IComplexGraphType))
        {
            Assert.False(string.IsNullOrWhiteSpace(type.Description), type.Name);
            foreach (var field in ((IComplexGraphType)type).Fields)
                Assert.False(string.IsNullOrWhiteSpace(field.Description), $"{type.Name}.{field.Name}");
        }
    }

    [Fact]
    public void Schemas_rebuilt_from_the_same_container_initialize_again()
    {
        var again = db.BuildSchema();
        Assert.NotSame(db.Schema, again);
        Assert.NotNull(again.AllTypes["ReportFilterInput"]);
    }
}
