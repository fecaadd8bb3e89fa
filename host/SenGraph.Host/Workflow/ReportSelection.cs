using GraphQL;
using GraphQLParser.AST;

namespace SenGraph.Host.Workflow;

/// <summary>
/// What a report connection field's selection reads of its reports: when its nodes (<c>nodes { … }</c>, <c>edges { node { … } }</c>)
/// select only the <c>Report</c> interface's fields, with no fragment on a report type (<c>... on Sir</c>) anywhere, the page
/// needs no module's own fields and each report can resolve as its type from the envelope already read
/// (<see cref="Contracts.Reports.Workflow.IReportType.EnvelopeOnly"/>), instead of reading the same rows again per type.
/// </summary>
public static class ReportSelection
{
    private static readonly HashSet<string> InterfaceTypes = new(StringComparer.Ordinal) { "Report", "Node" };

    /// <summary>True when the connection field <paramref name="context"/> resolves reads nothing but envelope fields of its reports.</summary>
    public static bool OnlyEnvelopeFields(IResolveFieldContext context)
    {
        if (context.FieldAst.SelectionSet is not { } selection) return true;
        var fragments = new Dictionary<string, GraphQLFragmentDefinition>(StringComparer.Ordinal);
        foreach (var fragment in context.Document.Definitions.OfType<GraphQLFragmentDefinition>())
            fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
        return Container(selection, fragments, [], "nodes", Nodes) && Container(selection, fragments, [], "edges", Edges);

        bool Edges(GraphQLSelectionSet edge, HashSet<string> seen) => Container(edge, fragments, seen, "node", Nodes);

        bool Nodes(GraphQLSelectionSet node, HashSet<string> seen) => Node(node, fragments, seen);
    }

    /// <summary>Every field named <paramref name="field"/> in <paramref name="set"/> (through fragments) passes <paramref name="check"/>.</summary>
    private static bool Container(GraphQLSelectionSet set, Dictionary<string, GraphQLFragmentDefinition> fragments, HashSet<string> seen, string field,
        Func<GraphQLSelectionSet, HashSet<string>, bool> check)
    {
        foreach (var selection in set.Selections)
        {
            var ok = selection switch
            {
                GraphQLField f when f.Name.StringValue == field => f.SelectionSet is null || check(f.SelectionSet, seen),
                GraphQLField => true,
                GraphQLInlineFragment inline => Container(inline.SelectionSet, fragments, seen, field, check),
                GraphQLFragmentSpread spread => Spread(field, spread, fragments, seen) is not { } definition
                    || Container(definition.SelectionSet, fragments, seen, field, check),
                _ => false,
            };
            if (!ok) return false;
        }
        return true;
    }

    /// <summary>A report's selection: any fragment on a type other than the interfaces reads the module's fields.</summary>
    private static bool Node(GraphQLSelectionSet set, Dictionary<string, GraphQLFragmentDefinition> fragments, HashSet<string> seen)
    {
        foreach (var selection in set.Selections)
        {
            var ok = selection switch
            {
                GraphQLField => true,
                GraphQLInlineFragment inline => OnInterface(inline.TypeCondition) && Node(inline.SelectionSet, fragments, seen),
                GraphQLFragmentSpread spread => Spread("report", spread, fragments, seen) is not { } definition
                    || OnInterface(definition.TypeCondition) && Node(definition.SelectionSet, fragments, seen),
                _ => false,
            };
            if (!ok) return false;
        }
        return true;
    }

    private static bool OnInterface(GraphQLTypeCondition? condition) => condition is null || InterfaceTypes.Contains(condition.Type.Name.StringValue);

    /// <summary>
    /// The definition of a spread fragment the first time it is met where <paramref name="place"/> is read (already checked there
    /// otherwise; validation has refused cycles and unknown names).
    /// </summary>
    private static GraphQLFragmentDefinition? Spread(string place, GraphQLFragmentSpread spread, Dictionary<string, GraphQLFragmentDefinition> fragments, HashSet<string> seen)
    {
        var name = spread.FragmentName.Name.StringValue;
        return seen.Add(place + " " + name) && fragments.TryGetValue(name, out var definition) ? definition : null;
    }
}
