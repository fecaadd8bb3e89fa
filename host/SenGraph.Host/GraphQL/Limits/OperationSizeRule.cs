using GraphQL.Validation;
using GraphQLParser.AST;

namespace SenGraph.Host.GraphQL.Limits;

/// <summary>
/// Limits the aliases, the directives and the fields of the executed operation. GraphQL.NET has no such rule.
/// Fragments count each time they are spread, since each spread is executed: aliasing one expensive field inside a
/// fragment spread ten times is ten aliases. Counting is linear in the document (each fragment once, its count
/// remembered), so a document of nested fragments that doubles per level costs nothing to count.
/// <para>
/// The field count caps what GraphQL.NET's complexity analyzer walks: it expands every spread, so it would take
/// time exponential in such a document. Every field costs at least 1 (except under an empty page), so more fields
/// than <c>maxFields</c> (the highest cost) are refused with the cost's code before the analyzer runs. Runs for
/// cached documents too: a cached document may be run with another of its operations.
/// </para>
/// </summary>
public sealed class OperationSizeRule(int maxAliases, int maxDirectives, int maxFields) : ValidationRuleBase
{
    /// <summary>
    /// How deep introspection may nest the lists that lead back to types (as graphql-js's MaxIntrospectionDepthRule):
    /// enough for every introspection query tools send, not for <c>fields { type { fields { type { … } } } }</c>,
    /// which returns the schema many times over.
    /// </summary>
    public const int MaxIntrospectionDepth = 3;

    private static readonly HashSet<string> IntrospectionLists = ["fields", "inputFields", "interfaces", "possibleTypes"];

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var counter = new Counter(context.Document);
        var operation = context.Operation;
        var count = counter.Count(operation.SelectionSet);
        count = count.Add(new Count(0, Directives(operation.Directives), 0));
        foreach (var variable in operation.Variables?.Items ?? [])
            count = count.Add(new Count(0, Directives(variable.Directives), 0));

        if (count.Fields > maxFields)
        {
            // Alone: the other counts of such a document say nothing more, and the complexity analyzer must not run.
            context.ReportError(Error(context, LimitErrorCodes.MaxComplexityExceeded,
                $"The operation selects {Show(count.Fields)} fields once its fragments are expanded; its estimated cost is at least that, and at most {maxFields} is allowed."));
            return default;
        }

        var introspectionDepth = new IntrospectionDepth(counter).Deepest(operation.SelectionSet, 0, insideIntrospection: false);
        if (introspectionDepth > MaxIntrospectionDepth)
            context.ReportError(Error(context, LimitErrorCodes.MaxIntrospectionDepthExceeded,
                $"The introspection nests fields, inputFields, interfaces or possibleTypes {introspectionDepth} deep; at most {MaxIntrospectionDepth} is allowed."));
        if (count.Aliases > maxAliases)
            context.ReportError(Error(context, LimitErrorCodes.MaxAliasesExceeded,
                $"The operation has {Show(count.Aliases)} aliases; at most {maxAliases} are allowed."));
        if (count.Directives > maxDirectives)
            context.ReportError(Error(context, LimitErrorCodes.MaxDirectivesExceeded,
                $"The operation has {Show(count.Directives)} directives; at most {maxDirectives} are allowed."));
        return default;
    }

    private static string Show(long count) => count == long.MaxValue ? "more than 9223372036854775807" : count.ToString();

    internal static ValidationError Error(ValidationContext context, string code, string message) =>
        new(context.Document.Source, null, message, context.Operation) { Code = code };

    private static long Directives(GraphQLDirectives? directives) => directives?.Count ?? 0;

    private readonly record struct Count(long Aliases, long Directives, long Fields)
    {
        public Count Add(Count other) => new(Saturate(Aliases, other.Aliases), Saturate(Directives, other.Directives), Saturate(Fields, other.Fields));

        private static long Saturate(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;
    }

    /// <summary>The deepest nesting of <see cref="IntrospectionLists"/> under <c>__schema</c> or <c>__type</c>; stops past the limit.</summary>
    private sealed class IntrospectionDepth(Counter counter)
    {
        private readonly HashSet<(string, int, bool)> _visiting = [];
        private readonly Dictionary<(string, int, bool), int> _done = [];

        public int Deepest(GraphQLSelectionSet? selectionSet, int depth, bool insideIntrospection)
        {
            if (depth > MaxIntrospectionDepth) return depth;
            var deepest = depth;
            foreach (var selection in selectionSet?.Selections ?? [])
            {
                var found = selection switch
                {
                    GraphQLField field => Field(field, depth, insideIntrospection),
                    GraphQLInlineFragment inline => Deepest(inline.SelectionSet, depth, insideIntrospection),
                    GraphQLFragmentSpread spread when counter.Fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment)
                        => Visit(fragment, depth, insideIntrospection),
                    _ => depth,
                };
                deepest = Math.Max(deepest, found);
            }

            return deepest;
        }

        /// <summary>Each fragment once per (depth, inside introspection): linear however often it is spread; a cycle adds nothing.</summary>
        private int Visit(GraphQLFragmentDefinition fragment, int depth, bool insideIntrospection)
        {
            var key = (fragment.FragmentName.Name.StringValue, depth, insideIntrospection);
            if (_done.TryGetValue(key, out var known)) return known;
            if (!_visiting.Add(key)) return depth;
            var found = Deepest(fragment.SelectionSet, depth, insideIntrospection);
            _visiting.Remove(key);
            _done[key] = found;
            return found;
        }

        private int Field(GraphQLField field, int depth, bool insideIntrospection)
        {
            var name = field.Name.StringValue;
            var inside = insideIntrospection || name is "__schema" or "__type";
            return Deepest(field.SelectionSet, insideIntrospection && IntrospectionLists.Contains(name) ? depth + 1 : depth, inside);
        }
    }

    private sealed class Counter(GraphQLDocument document)
    {
        public IReadOnlyDictionary<string, GraphQLFragmentDefinition> Fragments => _fragments;

        private readonly Dictionary<string, GraphQLFragmentDefinition> _fragments = document.Definitions
            .OfType<GraphQLFragmentDefinition>()
            .GroupBy(f => f.FragmentName.Name.StringValue)
            .ToDictionary(g => g.Key, g => g.First());

        private readonly Dictionary<string, Count> _done = [];
        private readonly HashSet<string> _visiting = [];

        public Count Count(GraphQLSelectionSet? selectionSet)
        {
            var count = new Count(0, 0, 0);
            foreach (var selection in selectionSet?.Selections ?? [])
            {
                count = selection switch
                {
                    GraphQLField field => count
                        .Add(new Count(field.Alias is null ? 0 : 1, Directives(field.Directives), 1))
                        .Add(Count(field.SelectionSet)),
                    GraphQLInlineFragment inline => count.Add(new Count(0, Directives(inline.Directives), 0)).Add(Count(inline.SelectionSet)),
                    GraphQLFragmentSpread spread => count.Add(new Count(0, Directives(spread.Directives), 0)).Add(Fragment(spread.FragmentName.Name.StringValue)),
                    _ => count,
                };
            }

            return count;
        }

        private Count Fragment(string name)
        {
            if (_done.TryGetValue(name, out var known)) return known;
            // An unknown fragment or a cycle is reported by the core rules; it adds nothing here.
            if (!_fragments.TryGetValue(name, out var fragment) || !_visiting.Add(name)) return new Count(0, 0, 0);
            var count = new Count(0, Directives(fragment.Directives), 0).Add(Count(fragment.SelectionSet));
            _visiting.Remove(name);
            _done[name] = count;
            return count;
        }
    }
}
