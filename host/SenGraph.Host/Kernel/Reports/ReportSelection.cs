using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace SenGraph.Host.Kernel.Reports;

/// <summary>
/// What a field that returns reports reads of them: a report field (<c>node</c>, <c>nodes</c>, <c>QueueItem.report</c>, a
/// payload's <c>report</c>) through its own selection, a report connection (<c>reports</c>, <c>irocFeed</c>) through its nodes
/// (<c>nodes { … }</c>, <c>edges { node { … } }</c>). When that selection reads only the <c>Report</c> interface's fields, with no
/// fragment on a report type (<c>... on Sir</c>) anywhere, no module's own fields are needed and each report can resolve as its
/// type from the envelope already read (<see cref="Contracts.Reports.Workflow.IReportType.EnvelopeOnly"/>), instead of reading
/// the same rows again per type. <see cref="ReportTypes.TypedAsync(IResolveFieldContext, IReadOnlyCollection{Contracts.Reports.Report})"/>
/// asks it for every typed read of a request.
/// </summary>
public static class ReportSelection
{
    private static readonly HashSet<string> InterfaceTypes = new(StringComparer.Ordinal) { "Report", "Node" };

    /// <summary>
    /// True when the field <paramref name="context"/> resolves reads nothing but envelope fields of its reports: a field whose
    /// type (unwrapped of lists and non-null) is a report type or the <c>Report</c>/<c>Node</c> interface is checked as a report,
    /// any other (a connection) through its <c>nodes</c> and <c>edges { node }</c>.
    /// </summary>
    public static bool OnlyEnvelopeFields(IResolveFieldContext context)
    {
        if (context.FieldAst.SelectionSet is not { } selection) return true;
        var fragments = new Dictionary<string, GraphQLFragmentDefinition>(StringComparer.Ordinal);
        foreach (var fragment in context.Document.Definitions.OfType<GraphQLFragmentDefinition>())
            fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
        if (ReturnsReports(context.FieldDefinition.ResolvedType)) return Node(selection, fragments, []);
        return Container(selection, fragments, [], "nodes", Nodes) && Container(selection, fragments, [], "edges", Edges);

        bool Edges(GraphQLSelectionSet edge, HashSet<string> seen) => Container(edge, fragments, seen, "node", Nodes);

        bool Nodes(GraphQLSelectionSet node, HashSet<string> seen) => Node(node, fragments, seen);
    }

    /// <summary>The field's type, unwrapped, is a report: the <c>Report</c> or <c>Node</c> interface, or a type implementing <c>Report</c>.</summary>
    private static bool ReturnsReports(IGraphType? type)
    {
        var named = type?.GetNamedType();
        return named is not null && (InterfaceTypes.Contains(named.Name)
            || named is IImplementInterfaces implementing && implementing.ResolvedInterfaces.Any(i => i.Name == "Report"));
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
