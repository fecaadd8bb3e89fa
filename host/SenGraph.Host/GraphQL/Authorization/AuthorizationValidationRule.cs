using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Security;
using SenGraph.Host.Security;

namespace SenGraph.Host.GraphQL.Authorization;

/// <summary>
/// The one place authorization metadata (policies, roles, AllowAnonymous) is enforced, for every
/// request and for cached documents too, since the caller differs per request.
/// For each selected field (through fragments too) the requirements checked are those of: the field;
/// its parent object type; when selected through an interface, the same field and the type of every
/// implementation; the type it returns and, for an interface or union, every possible type. Arguments,
/// input-object fields written in the document and input fields that arrive in variables are checked too.
/// Anonymous callers reach only root fields marked <c>AllowAnonymous</c> and whatever below them carries
/// no requirement; authenticated callers must satisfy every policy and role requirement. Anything
/// unclear fails closed.
/// <para>On top of the declared metadata, and decided by <see cref="AccessControl"/>:</para>
/// <list type="bullet">
/// <item>a report type's own GraphQL type (<see cref="ReportTypeMetadata"/>) needs the type's read policy wherever it is
/// named: a field returning it, a field selected on it, a fragment on it. Where it is only a possible type of
/// <c>Report</c> or <c>Node</c>, the resolvers leave out the reports the caller may not read instead;</item>
/// <item>a field, argument or input field marked PII (<see cref="PiiMetadata"/>) needs <see cref="HostPolicies.PiiNeedToKnow"/>;</item>
/// <item>a root field needs <see cref="HostPolicies.Records"/> unless it is anonymous, statistical or for every role
/// (<see cref="AccessMetadata"/>): statistics-only roles run statistical queries only;</item>
/// <item>a shared workflow mutation (<see cref="ReportOperationMetadata"/>) needs its policy for at least one report type.</item>
/// </list>
/// </summary>
public sealed class AuthorizationValidationRule(bool allowAnonymousIntrospection) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        new(Skipped(context) ? null : new Visitor(allowAnonymousIntrospection));

    public override ValueTask<IVariableVisitor?> GetVariableVisitorAsync(ValidationContext context) =>
        new(Skipped(context) ? null : new VariableVisitor());

    /// <summary>Only the load harness, in Development with <c>Bench:Switches</c> (<see cref="Observability.BenchSwitches"/>), skips the walk.</summary>
    private static bool Skipped(ValidationContext context) => context.UserContext.ContainsKey(Observability.BenchSwitches.SkipAuthorizationRuleKey);

    private sealed class Visitor(bool allowAnonymousIntrospection) : INodeVisitor
    {
        public async ValueTask EnterAsync(ASTNode node, ValidationContext context)
        {
            switch (node)
            {
                case GraphQLField field when context.ShouldIncludeNode(field):
                    await CheckFieldAsync(field, context);
                    break;
                case GraphQLInlineFragment { TypeCondition: { } condition } inline when context.ShouldIncludeNode(inline):
                    await CheckTypeConditionAsync(context, inline, condition);
                    break;
                case GraphQLFragmentDefinition fragment:
                    await CheckTypeConditionAsync(context, fragment, fragment.TypeCondition);
                    break;
                case GraphQLArgument argument when context.TypeInfo.GetArgument() is { } definition:
                    await CheckAsync(context, argument, [new(definition, $"argument {argument.Name.StringValue}"),
                        .. Named(definition.ResolvedType?.GetNamedType())], rootField: false, anonymousAllowed: false);
                    break;
                case GraphQLObjectField objectField when context.TypeInfo.GetInputType(1)?.GetNamedType() is IInputObjectGraphType input
                                                         && input.GetField(objectField.Name) is { } inputField:
                    await CheckAsync(context, objectField, [new(inputField, $"{input.Name}.{inputField.Name}"),
                        .. Named(inputField.ResolvedType?.GetNamedType())], rootField: false, anonymousAllowed: false);
                    break;
            }
        }

        public ValueTask LeaveAsync(ASTNode node, ValidationContext context) => default;

        private async ValueTask CheckFieldAsync(GraphQLField field, ValidationContext context)
        {
            var definition = context.TypeInfo.GetFieldDef();
            if (definition is null) return; // unknown field: another rule reports it
            var parent = context.TypeInfo.GetParentType()?.GetNamedType();
            var coordinate = $"{parent?.Name}.{definition.Name}";

            if (definition.Name.StartsWith("__", StringComparison.Ordinal))
            {
                if (definition.Name != "__typename" && !IsAuthenticated(context) && !allowAnonymousIntrospection)
                    Report(context, field, $"Introspection ({coordinate}) requires authentication.");
                return;
            }

            var isRootField = parent is not null && IsRootType(context, parent);
            List<Target> targets = [new(definition, coordinate)];
            if (parent is IObjectGraphType && !isRootField) targets.Add(new(parent, $"type {parent.Name}"));
            if (parent is IAbstractGraphType { PossibleTypes: var implementations })
            {
                foreach (var implementation in implementations)
                {
                    targets.Add(new(implementation, $"type {implementation.Name}", Named: false));
                    if (implementation.GetField(definition.Name) is { } implemented)
                        targets.Add(new(implemented, $"{implementation.Name}.{implemented.Name}"));
                }
            }

            targets.AddRange(Named(definition.ResolvedType?.GetNamedType()));
            var anonymousAllowed = definition.IsAnonymousAllowed();
            if (isRootField && IsAuthenticated(context) && !anonymousAllowed && !definition.IsStatistical() && !definition.IsForEveryRole()
                && !definition.GetMetadata(Kernel.Sharing.ExternalSharingQueries.FeedKey, false)
                && !await Access(context).SatisfiesAsync(context.Schema, context.User, HostPolicies.Records))
            {
                Report(context, field, StatisticsOnlyRefusal(context, coordinate));
                return;
            }

            await CheckAsync(context, field, targets, isRootField, anonymousAllowed);
        }

        /// <summary>What a caller without the records roles may run instead: partners also have the external feed.</summary>
        private static string StatisticsOnlyRefusal(ValidationContext context, string coordinate) =>
            HostPolicies.ExternalSharingRoles.Any(role => context.User!.IsInRole(role))
                ? $"Your roles allow the external sharing feed (externalReports) only; {coordinate} is not part of it."
                : $"Your roles allow statistical queries only; {coordinate} is not one.";

        /// <summary>A fragment on a report type's own GraphQL type names the type: its read policy applies.</summary>
        private static async ValueTask CheckTypeConditionAsync(ValidationContext context, ASTNode node, GraphQLTypeCondition condition)
        {
            if (context.Schema.AllTypes[condition.Type.Name.StringValue] is { } type && type.ReportTypeCode() is not null)
                await CheckAsync(context, node, [new(type, $"type {type.Name}")], rootField: false, anonymousAllowed: false);
        }
    }

    /// <summary>
    /// Something whose requirements apply to a selection. <paramref name="Named"/> is false for a type that is
    /// only one of the possible types of an interface or union: its declared metadata still applies, but not
    /// a report type's read policy (the resolvers leave out reports the caller may not read).
    /// </summary>
    private sealed record Target(IMetadataReader Reader, string What, bool Named = true);

    /// <summary>Input fields whose values arrive in variables, which the document does not show.</summary>
    private sealed class VariableVisitor : IVariableVisitor
    {
        public async ValueTask VisitFieldAsync(ValidationContext context, GraphQLVariableDefinition variable, VariableName variableName,
            IInputObjectGraphType type, FieldType field, object? variableValue, object? parsedValue)
        {
            if (variableValue is null) return;
            await CheckAsync(context, variable, [new(field, $"{type.Name}.{field.Name} (in ${variableName})")], rootField: false, anonymousAllowed: false);
        }

        public ValueTask VisitScalarAsync(ValidationContext context, GraphQLVariableDefinition variable, VariableName variableName,
            ScalarGraphType type, object? variableValue, object? parsedValue) => default;

        public ValueTask VisitListAsync(ValidationContext context, GraphQLVariableDefinition variable, VariableName variableName,
            ListGraphType type, object? variableValue, IList<object?>? parsedValue) => default;

        public ValueTask VisitObjectAsync(ValidationContext context, GraphQLVariableDefinition variable, VariableName variableName,
            IInputObjectGraphType type, object? variableValue, object? parsedValue) => default;
    }

    /// <summary>A type, and for an interface or union every type it may turn out to be.</summary>
    private static IEnumerable<Target> Named(IGraphType? type)
    {
        if (type is null) yield break;
        yield return new(type, $"type {type.Name}");
        if (type is IAbstractGraphType { PossibleTypes: var possible })
        {
            foreach (var candidate in possible) yield return new(candidate, $"type {candidate.Name}", Named: false);
        }
    }

    private static async ValueTask CheckAsync(ValidationContext context, ASTNode node, List<Target> targets, bool rootField, bool anonymousAllowed)
    {
        if (!IsAuthenticated(context))
        {
            // targets[0] is what was selected; at the root it must say AllowAnonymous, and nothing may require more.
            var denied = rootField ? !anonymousAllowed || targets.Any(HasRequirements) : targets.Any(HasRequirements);
            if (denied) Report(context, node, $"You must be authenticated to access {targets[0].What}.");
            return;
        }

        foreach (var target in targets)
        {
            if (await RefusalAsync(context, target) is { } refusal)
            {
                Report(context, node, refusal);
                return;
            }
        }
    }

    private static bool IsAuthenticated(ValidationContext context) => context.User?.Identity?.IsAuthenticated == true;

    internal static bool IsRootType(ValidationContext context, IGraphType type) =>
        type == context.Schema.Query || type == context.Schema.Mutation || type == context.Schema.Subscription;

    private static bool HasRequirements(Target target) =>
        target.Reader.IsAuthorizationRequired() || target.Reader.GetPolicies() is { Count: > 0 } || target.Reader.GetRoles() is { Count: > 0 }
        || target.Reader.IsPii() || target.Reader.RequiredReportOperation() is not null || target.Named && target.Reader.ReportTypeCode() is not null;

    private static AccessControl Access(ValidationContext context) => context.RequestServices!.GetRequiredService<AccessControl>();

    /// <summary>Why the caller may not have <paramref name="target"/>; null when they may.</summary>
    private static async ValueTask<string?> RefusalAsync(ValidationContext context, Target target)
    {
        var (reader, what, named) = target;
        var denied = $"You are not authorized to access {what}.";
        var roles = reader.GetRoles();
        if (roles is { Count: > 0 } && !roles.Any(role => context.User!.IsInRole(role))) return denied;

        // Policies come from the snapshot this request runs on, so a module swap mid-request changes nothing;
        // a policy nobody declared fails closed.
        var access = Access(context);
        foreach (var name in reader.GetPolicies() ?? [])
        {
            if (!await access.SatisfiesAsync(context.Schema, context.User, name)) return denied;
        }

        if (named && reader.ReportTypeCode() is { } code && !await access.CanAsync(context.Schema, context.User, code, ReportOperation.Read))
            return $"You are not authorized to read {code} reports ({what}).";
        if (reader.IsPii() && !await access.HasPiiNeedToKnowAsync(context.Schema, context.User))
            return $"{what} is personal data (PII), and your roles have no need to know it.";
        if (reader.RequiredReportOperation() is { } operation && !await access.CanForAnyTypeAsync(context.Schema, context.User, operation))
            return $"Your roles do not allow you to {operation.ToString().ToLowerInvariant()} reports of any type ({what}).";
        return null;
    }

    private static void Report(ValidationContext context, ASTNode node, string message) =>
        context.ReportError(new AuthorizationError(context.Document.Source, node, IsAuthenticated(context), message));
}
