using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Authorization;
using SenGraph.Host.Modules;

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
/// </summary>
public sealed class AuthorizationValidationRule(bool allowAnonymousIntrospection) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        new(new Visitor(allowAnonymousIntrospection));

    public override ValueTask<IVariableVisitor?> GetVariableVisitorAsync(ValidationContext context) =>
        new(new VariableVisitor());

    private sealed class Visitor(bool allowAnonymousIntrospection) : INodeVisitor
    {
        public async ValueTask EnterAsync(ASTNode node, ValidationContext context)
        {
            switch (node)
            {
                case GraphQLField field when context.ShouldIncludeNode(field):
                    await CheckFieldAsync(field, context);
                    break;
                case GraphQLArgument argument when context.TypeInfo.GetArgument() is { } definition:
                    await CheckAsync(context, argument, [(definition, $"argument {argument.Name.StringValue}"),
                        .. Named(definition.ResolvedType?.GetNamedType())], rootField: false, anonymousAllowed: false);
                    break;
                case GraphQLObjectField objectField when context.TypeInfo.GetInputType(1)?.GetNamedType() is IInputObjectGraphType input
                                                         && input.GetField(objectField.Name) is { } inputField:
                    await CheckAsync(context, objectField, [(inputField, $"{input.Name}.{inputField.Name}"),
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
            List<(IMetadataReader, string)> targets = [(definition, coordinate)];
            if (parent is IObjectGraphType && !isRootField) targets.Add((parent, $"type {parent.Name}"));
            if (parent is IAbstractGraphType { PossibleTypes: var implementations })
            {
                foreach (var implementation in implementations)
                {
                    targets.Add((implementation, $"type {implementation.Name}"));
                    if (implementation.GetField(definition.Name) is { } implemented)
                        targets.Add((implemented, $"{implementation.Name}.{implemented.Name}"));
                }
            }

            targets.AddRange(Named(definition.ResolvedType?.GetNamedType()));
            await CheckAsync(context, field, targets, isRootField, definition.IsAnonymousAllowed());
        }
    }

    /// <summary>Input fields whose values arrive in variables, which the document does not show.</summary>
    private sealed class VariableVisitor : IVariableVisitor
    {
        public async ValueTask VisitFieldAsync(ValidationContext context, GraphQLVariableDefinition variable, VariableName variableName,
            IInputObjectGraphType type, FieldType field, object? variableValue, object? parsedValue)
        {
            if (variableValue is null) return;
            await CheckAsync(context, variable, [(field, $"{type.Name}.{field.Name} (in ${variableName})")], rootField: false, anonymousAllowed: false);
        }

        public ValueTask VisitScalarAsync(ValidationContext context, GraphQLVariableDefinition variable, VariableName variableName,
            ScalarGraphType type, object? variableValue, object? parsedValue) => default;

        public ValueTask VisitListAsync(ValidationContext context, GraphQLVariableDefinition variable, VariableName variableName,
            ListGraphType type, object? variableValue, IList<object?>? parsedValue) => default;

        public ValueTask VisitObjectAsync(ValidationContext context, GraphQLVariableDefinition variable, VariableName variableName,
            IInputObjectGraphType type, object? variableValue, object? parsedValue) => default;
    }

    /// <summary>A type, and for an interface or union every type it may turn out to be.</summary>
    private static IEnumerable<(IMetadataReader, string)> Named(IGraphType? type)
    {
        if (type is null) yield break;
        yield return (type, $"type {type.Name}");
        if (type is IAbstractGraphType { PossibleTypes: var possible })
        {
            foreach (var candidate in possible) yield return (candidate, $"type {candidate.Name}");
        }
    }

    private static async ValueTask CheckAsync(ValidationContext context, ASTNode node, List<(IMetadataReader Target, string What)> targets,
        bool rootField, bool anonymousAllowed)
    {
        if (!IsAuthenticated(context))
        {
            // targets[0] is what was selected; at the root it must say AllowAnonymous, and nothing may require more.
            var denied = rootField ? !anonymousAllowed || targets.Any(t => HasRequirements(t.Target)) : targets.Any(t => HasRequirements(t.Target));
            if (denied) Report(context, node, $"You must be authenticated to access {targets[0].What}.");
            return;
        }

        foreach (var (target, what) in targets)
        {
            if (!await IsAllowedAsync(context, target))
            {
                Report(context, node, $"You are not authorized to access {what}.");
                return;
            }
        }
    }

    private static bool IsAuthenticated(ValidationContext context) => context.User?.Identity?.IsAuthenticated == true;

    private static bool IsRootType(ValidationContext context, IGraphType type) =>
        type == context.Schema.Query || type == context.Schema.Mutation || type == context.Schema.Subscription;

    private static bool HasRequirements(IMetadataReader target) =>
        target.IsAuthorizationRequired() || target.GetPolicies() is { Count: > 0 } || target.GetRoles() is { Count: > 0 };

    private static async ValueTask<bool> IsAllowedAsync(ValidationContext context, IMetadataReader target)
    {
        var roles = target.GetRoles();
        if (roles is { Count: > 0 } && !roles.Any(role => context.User!.IsInRole(role))) return false;

        var policies = target.GetPolicies();
        if (policies is null or { Count: 0 }) return true;

        // Policies come from the snapshot this request runs on, so a module swap mid-request changes nothing.
        var declared = context.RequestServices!.GetRequiredService<SchemaHost>().SnapshotOf(context.Schema).Policies;
        var authorization = context.RequestServices!.GetRequiredService<IAuthorizationService>();
        foreach (var name in policies)
        {
            if (!declared.TryGetValue(name, out var policy)) return false; // a policy nobody declared: fail closed
            if (!(await authorization.AuthorizeAsync(context.User!, null, policy)).Succeeded) return false;
        }

        return true;
    }

    private static void Report(ValidationContext context, ASTNode node, string message) =>
        context.ReportError(new AuthorizationError(context.Document.Source, node, IsAuthenticated(context), message));
}
