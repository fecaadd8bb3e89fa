using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using GraphQLParser.AST;
using SenGraph.Contracts.Reports;

namespace SenGraph.Host.GraphQL.Authorization;

/// <summary>
/// <c>directive @pii on FIELD_DEFINITION | INPUT_FIELD_DEFINITION</c>: shows in the schema (SDL, and introspection's
/// <c>appliedDirectives</c>) which fields hold personal data. Applied by <see cref="PiiDirectiveVisitor"/> to every
/// field marked with <see cref="PiiMetadata.Pii{T}"/>; the mark, not the directive, is what the validation rule enforces.
/// </summary>
public sealed class PiiDirective : Directive
{
    public PiiDirective()
        : base(PiiMetadata.DirectiveName, DirectiveLocation.FieldDefinition, DirectiveLocation.InputFieldDefinition)
    {
        Description = "The field holds personally identifiable information: only roles with a need to know may select or send it; "
            + "anyone else is refused the whole request with AUTH_NOT_AUTHORIZED.";
    }

    // Type-system directives are hidden from introspection unless they say otherwise.
    public override bool? Introspectable => true;
}

/// <summary>Applies <see cref="PiiDirective"/> to every output and input field marked PII, while the schema initializes.</summary>
public sealed class PiiDirectiveVisitor : BaseSchemaNodeVisitor
{
    public override void VisitObjectFieldDefinition(FieldType field, IObjectGraphType type, ISchema schema) => Mark(field);

    public override void VisitInterfaceFieldDefinition(FieldType field, IInterfaceGraphType type, ISchema schema) => Mark(field);

    public override void VisitInputObjectFieldDefinition(FieldType field, IInputObjectGraphType type, ISchema schema) => Mark(field);

    private static void Mark(FieldType field)
    {
        if (field.IsPii() && field.FindAppliedDirective(PiiMetadata.DirectiveName) is null) field.ApplyDirective(PiiMetadata.DirectiveName);
    }
}

/// <summary>Puts <c>@pii</c> in every schema: the directive, its visitor, and applied directives shown to introspection.</summary>
public sealed class PiiSchemaContribution : ISchemaContribution
{
    public void Apply(ISchema schema, IReadOnlyList<Modules.LoadedModule> modules)
    {
        schema.Directives.Register(new PiiDirective());
        schema.RegisterVisitor(new PiiDirectiveVisitor());
        schema.Features.AppliedDirectives = true;
    }
}
