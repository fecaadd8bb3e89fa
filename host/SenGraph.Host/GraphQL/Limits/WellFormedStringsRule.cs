using GraphQL.Validation;
using GraphQLParser.AST;

namespace SenGraph.Host.GraphQL.Limits;

/// <summary>
/// Refuses string literals that are not Unicode text: a <c>\uD800</c>-style escape that leaves a surrogate
/// without its pair. The GraphQL spec makes that a syntax error, but the parser accepts it, and the database
/// would store U+FFFD in its place, so what was sent would silently not be what is kept. (JSON variables cannot
/// carry one: the JSON reader refuses them.) A property of the text: cached documents have passed it.
/// </summary>
public sealed class WellFormedStringsRule : ValidationRuleBase
{
    public static readonly WellFormedStringsRule Instance = new();

    private static readonly INodeVisitor Visitor = new MatchingNodeVisitor<GraphQLStringValue>((value, context) =>
    {
        if (!IsWellFormed(value.Value.Span))
        {
            context.ReportError(new ValidationError(context.Document.Source, null,
                "A string literal has a lone surrogate escape (\\uD800-\\uDFFF without its pair): it is not Unicode text.", value)
            {
                Code = LimitErrorCodes.InvalidUnicode,
            });
        }
    });

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) => new(Visitor);

    /// <summary>Whether every surrogate in <paramref name="text"/> is half of a high-low pair.</summary>
    public static bool IsWellFormed(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsSurrogate(text[i])) continue;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else return false;
        }

        return true;
    }
}
