using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Authorization;
using SenGraph.Host.Modules;

namespace SenGraph.Host.GraphQL.Authorization;

/// <summary>
/// The one place authorization metadata is enforced. For every field the operation selects (through
/// fragments too), the field and the type it returns must allow the caller: anonymous callers reach
/// only root fields marked <c>AllowAnonymous</c> (and what lies below them without requirements of its
/// own); authenticated callers must satisfy every policy and role requirement on them. Runs for cached documents as well, since the caller differs per request.
/// </summary>
public sealed class AuthorizationValidationRule(bool allowAnonymousIntrospection) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        new(new Visitor(allowAnonymousIntrospection));

    private sealed class Visitor(bool allowAnonymousIntrospection) : INodeVisitor
    {
        public async ValueTask EnterAsync(ASTNode node, ValidationContext context)
        {
            if (node is not GraphQLField field || !context.ShouldIncludeNode(field)) return;
            var definition = context.TypeInfo.GetFieldDef();
            if (definition is null) return; // unknown field: another rule reports it

            var authenticated = context.User?.Identity?.IsAuthenticated == true;
            var parent = context.TypeInfo.GetParentType()?.GetNamedType();
            var coordinate = $"{parent?.Name}.{definition.Name}";

            if (definition.Name.StartsWith("__", StringComparison.Ordinal))
            {
                if (definition.Name != "__typename" && !authenticated && !allowAnonymousIntrospection)
                    Report(context, field, authenticated, $"Introspection ({coordinate}) requires authentication.");
                return;
            }

            var returned = definition.ResolvedType?.GetNamedType();
            if (!authenticated)
            {
                // Root fields open only when marked AllowAnonymous; below them, fields inherit that
                // unless they (or the type they return) carry requirements of their own.
                var isRootField = parent is not null && IsRootType(context, parent);
                var denied = isRootField
                    ? !definition.IsAnonymousAllowed()
                    : HasRequirements(definition) || (returned is not null && HasRequirements(returned));
                if (denied) Report(context, field, authenticated, $"You must be authenticated to access {coordinate}.");
                return;
            }

            foreach (var target in new IMetadataReader?[] { definition, returned })
            {
                if (target is null) continue;
                if (!await IsAllowedAsync(context, target))
                {
                    var what = ReferenceEquals(target, definition) ? coordinate : $"type {returned!.Name} (through {coordinate})";
                    Report(context, field, authenticated, $"You are not authorized to access {what}.");
                    return;
                }
            }
        }

        private static bool IsRootType(ValidationContext context, IGraphType type) =>
            type == context.Schema.Query || type == context.Schema.Mutation || type == context.Schema.Subscription;

        private static bool HasRequirements(IMetadataReader target) =>
            target.IsAuthorizationRequired() || target.GetPolicies() is { Count: > 0 } || target.GetRoles() is { Count: > 0 };

        public ValueTask LeaveAsync(ASTNode node, ValidationContext context) => default;

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

        private static void Report(ValidationContext context, ASTNode node, bool authenticated, string message) =>
            context.ReportError(new AuthorizationError(context.Document.Source, node, authenticated, message));
    }
}
