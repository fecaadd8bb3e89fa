using GraphQL;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;
using SenGraph.Contracts.Security;
using SenGraph.Host.Security;

namespace SenGraph.Host.GraphQL.Authorization;

/// <summary>
/// Refuses every operation of a signed-in user who has not acknowledged the current Rules of Behavior,
/// except <c>me</c> (which shows the rules) and <c>acknowledgeRulesOfBehavior</c>. Introspection stays
/// open: it describes the schema, not the agency's data, and an IDE needs it to offer the acknowledgement.
/// Runs for cached documents too; the database is asked only when a gated root field is selected.
/// </summary>
public sealed class RulesOfBehaviorRule : ValidationRuleBase
{
    public const string MeField = "me";
    public const string AcknowledgeField = "acknowledgeRulesOfBehavior";

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        context.User.GetUserName() is null ? default : new(new Visitor());

    private sealed class Visitor : INodeVisitor
    {
        private bool _checked;

        public async ValueTask EnterAsync(ASTNode node, ValidationContext context)
        {
            if (_checked || node is not GraphQLField field || !context.ShouldIncludeNode(field)) return;
            var parent = context.TypeInfo.GetParentType()?.GetNamedType();
            if (parent is null || !AuthorizationValidationRule.IsRootType(context, parent)) return;
            var name = field.Name.StringValue;
            if (name.StartsWith("__", StringComparison.Ordinal) || name is MeField or AcknowledgeField) return;

            _checked = true;
            var rules = context.RequestServices!.GetRequiredService<RulesOfBehavior>();
            if (!await rules.IsAcknowledgedAsync(context.User.GetUserName()!, context.CancellationToken))
                context.ReportError(new RulesOfBehaviorError(context.Document.Source, field, rules.Options));
        }

        public ValueTask LeaveAsync(ASTNode node, ValidationContext context) => default;
    }
}

/// <summary>The caller must acknowledge the Rules of Behavior first (HTTP 403 when alone).</summary>
public sealed class RulesOfBehaviorError : ValidationError
{
    public const string NotAcknowledged = "RULES_OF_BEHAVIOR_NOT_ACKNOWLEDGED";

    public RulesOfBehaviorError(ROM source, ASTNode node, RulesOfBehaviorOptions rules)
        : base(source, null,
            $"You must acknowledge the Rules of Behavior (version {rules.Version}) before using SenGraph: read them with " +
            "`me { rulesOfBehavior { version text } }`, then run `acknowledgeRulesOfBehavior`. " +
            $"They are acknowledged at first use and again every {rules.ValidFor.TotalDays:0.##} days.",
            node)
    {
        Code = NotAcknowledged;
        Extensions ??= new Dictionary<string, object?>();
        Extensions["rulesVersion"] = rules.Version;
    }
}
