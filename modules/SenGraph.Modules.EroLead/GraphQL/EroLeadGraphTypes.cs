using GraphQL.Types;
using SenGraph.Contracts.Querying;
using SenGraph.Contracts.Schema;
using SenGraph.Modules.EroLead.Data;

namespace SenGraph.Modules.EroLead.GraphQL;

/// <summary>GraphQL <c>EroLeadProduct</c>: what an outside agency reads of a lead, without PII.</summary>
public sealed class EroLeadProductGraphType : ObjectGraphType<EroLeadProduct>
{
    public EroLeadProductGraphType()
    {
        Name = "EroLeadProduct";
        Description = "An ERO LEAD disseminated to an outside agency, with every piece of PII removed (PIA 2.4, 4.3). Authorised by ERO's "
            + "Intelligence Operations Unit and kept as it was then.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The product's id.").Resolve(c => c.Source.Id);
        Field(p => p.Agency).Description("Code of the partner agency's office it is addressed to.");
        Field(p => p.AuthorisedBy).Description("User name of the IOU analyst who authorised it.");
        Field(p => p.AuthorisedAt).Description("When it was authorised.");
        Field(p => p.Title).Description("The kind, source and place of the lead (never the lead's own title).").NotFilterable();
        Field<NonNullGraphType<EnumerationGraphType<EroLeadSubject>>>("subject").Description("What kind of intelligence it carries.")
            .Resolve(c => c.Source.Subject).MapsTo(p => p.Subject);
        Field<NonNullGraphType<EnumerationGraphType<EroLeadSource>>>("source").Description("What form the intelligence came in.")
            .Resolve(c => c.Source.Source).MapsTo(p => p.Source);
        Field(p => p.LeadCity, nullable: true).Description("The city of the lead.");
        Field(p => p.LeadState, nullable: true).Description("The state of the lead (USPS code).");
        Field(p => p.Text).Description("The lead's text as an IOU analyst redacted it, or a notice that it is withheld.").NotFilterable().NotSortable();
        Field(p => p.TextByAnalyst).Description("Whether an IOU analyst supplied the text.");
    }
}

/// <summary>GraphQL <c>EroLeadHsiFlag</c>.</summary>
public sealed class EroLeadHsiFlagGraphType : ObjectGraphType<EroLeadHsiFlag>
{
    public EroLeadHsiFlagGraphType()
    {
        Name = "EroLeadHsiFlag";
        Description = "An ERO LEAD the Intelligence Operations Unit flagged for HSI: routed to every HSI Field Intelligence Group.";
        Field<NonNullGraphType<IdGraphType>>("leadId").Description("The lead.").Resolve(c => c.Source.ReportId);
        Field(f => f.FlaggedBy).Description("User name of the IOU analyst who flagged it.");
        Field(f => f.FlaggedAt).Description("When it was flagged.");
        Field(f => f.Reason).Description("Why HSI should see it.");
    }
}

public sealed record DisseminateEroLeadPayload(EroLeadProduct? Product, IReadOnlyList<UserError> Errors);

public sealed record FlagEroLeadForHsiPayload(EroLeadHsiFlag? Flag, IReadOnlyList<UserError> Errors);

public sealed class DisseminateEroLeadErrorGraphType() : UserErrorGraphType("DisseminateEroLeadError");

public sealed class FlagEroLeadForHsiErrorGraphType() : UserErrorGraphType("FlagEroLeadForHsiError");

public sealed class DisseminateEroLeadPayloadGraphType : ObjectGraphType<DisseminateEroLeadPayload>
{
    public DisseminateEroLeadPayloadGraphType()
    {
        Name = "DisseminateEroLeadPayload";
        Description = "The product disseminateEroLead authorised, or why it did not.";
        Field<EroLeadProductGraphType>("product").Description("The product; null when there are errors.").Resolve(c => c.Source.Product);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DisseminateEroLeadErrorGraphType>>>>("errors")
            .Description("Why nothing was authorised; empty on success.").Resolve(c => c.Source.Errors);
    }
}

public sealed class FlagEroLeadForHsiPayloadGraphType : ObjectGraphType<FlagEroLeadForHsiPayload>
{
    public FlagEroLeadForHsiPayloadGraphType()
    {
        Name = "FlagEroLeadForHsiPayload";
        Description = "The flag flagEroLeadForHsi recorded, or why it did not.";
        Field<EroLeadHsiFlagGraphType>("flag").Description("The flag; null when there are errors.").Resolve(c => c.Source.Flag);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FlagEroLeadForHsiErrorGraphType>>>>("errors")
            .Description("Why nothing was recorded; empty on success.").Resolve(c => c.Source.Errors);
    }
}

public sealed class DisseminateEroLeadInputGraphType : InputObjectGraphType
{
    public DisseminateEroLeadInputGraphType()
    {
        Name = "DisseminateEroLeadInput";
        Description = "Which lead, to which partner agency, with what redacted text.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The submitted ERO LEAD.");
        Field<NonNullGraphType<StringGraphType>>("agency").Description("Code of the partner agency's office (an office of kind PARTNER, e.g. CBP).");
        Field<StringGraphType>("text").Description($"The lead's text with every piece of PII removed, at most {EroLeadProducts.TextMaxLength:N0} characters; "
            + "without it the product says the narrative is withheld.");
    }
}

public sealed class FlagEroLeadForHsiInputGraphType : InputObjectGraphType
{
    public FlagEroLeadForHsiInputGraphType()
    {
        Name = "FlagEroLeadForHsiInput";
        Description = "Which lead, and why HSI should see it.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The submitted ERO LEAD.");
        Field<NonNullGraphType<StringGraphType>>("reason").Description("Why HSI should see it, at most 2,000 characters; must not name a person.");
    }
}
