using GraphQL;
using GraphQL.Types;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Schema;
using SenGraph.Contracts.Security;
using SenGraph.Host.GraphQL;

namespace SenGraph.Host.Kernel.Sharing;

/// <summary><c>externalReports</c> (partner-agency consumers), <c>sharingAgreements</c> and <c>externalShares</c> (the share log).</summary>
public sealed class ExternalSharingQueries : ObjectGraphType
{
    /// <summary>Metadata key of the one root field partner-agency consumers may reach (the authorization rule lets them through to its policy).</summary>
    public const string FeedKey = "sengraph:external-feed";

    public ExternalSharingQueries(ExternalSharingService sharing)
    {
        Field<NonNullGraphType<ExternalReportPageGraphType>>("externalReports")
            .Description("Partner Agency Consumers: the submitted reports shared with your agency under your MOU (in force now): created on or after "
                + "2000-01-01, carrying no never-shared code, of a type whose module allows external sharing and the MOU covers; only the fields "
                + "the MOU covers (others null), never PII. Every report given is logged.")
            .Argument<IntGraphType>("first", $"Page size, default {ExternalSharingService.DefaultPageSize}, at most {ExternalSharingService.MaxPageSize}.")
            .Argument<StringGraphType>("after", "The endCursor of the page before.")
            .WithMetadata(FeedKey, true)
            .AuthorizeWithPolicy(HostPolicyNames.ExternalSharing)
            .ResolveAsync(async c => await sharing.FeedAsync(c.Schema, c.User!, c.GetArgument<int?>("first"), c.GetArgument<string?>("after"), c.CancellationToken));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SharingAgreementGraphType>>>>("sharingAgreements")
            .Description("The MOUs with partner agencies. System Administrators, OPR, records and privacy officers.")
            .AuthorizeWithPolicy(HostPolicyNames.ShareLog)
            .ResolveAsync(async c => await sharing.AgreementsAsync(c.CancellationToken));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExternalShareGraphType>>>>("externalShares")
            .Description("The log of reports given to partner agencies (what, to whom, under which MOU, when), newest first. System Administrators, OPR, records and privacy officers.")
            .Argument<IdGraphType>("reportId", "Only shares of this report.")
            .Argument<IntGraphType>("first", "At most this many (default 100, at most 1,000).")
            .AuthorizeWithPolicy(HostPolicyNames.ShareLog)
            .ResolveAsync(async c => await sharing.LogAsync(IdArgument.ToGuidOrNull(c.GetArgument<string?>("reportId")),
                c.GetArgument<int?>("first"), c.CancellationToken));
    }
}

/// <summary><c>recordSharingAgreement</c>, <c>bindSharingPartner</c>: System Administrators; audited as every row change.</summary>
public sealed class ExternalSharingMutations : ObjectGraphType
{
    public ExternalSharingMutations(ExternalSharingService sharing)
    {
        Field<NonNullGraphType<RecordSharingAgreementPayloadGraphType>>("recordSharingAgreement")
            .Description("Records an MOU with a partner agency: the report types (their modules must allow external sharing) and fields it covers, "
                + "and when it is in force. System Administrators only.")
            .Argument<NonNullGraphType<RecordSharingAgreementInputGraphType>>("input")
            .AuthorizeWithRoles(DirectoryRoles.SystemAdministrator)
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<Dictionary<string, object?>>("input");
                return await sharing.RecordAgreementAsync(c.Schema, c.User!, input.GetValueOrDefault("agency") as string,
                    (input.GetValueOrDefault("reportTypes") as IEnumerable<object?>)?.OfType<string>().ToList(),
                    (input.GetValueOrDefault("fields") as IEnumerable<object?>)?.OfType<ExternalReportField>().ToList(),
                    input.GetValueOrDefault("validFrom") as DateTimeOffset?, input.GetValueOrDefault("validTo") as DateTimeOffset?, c.CancellationToken);
            });

        Field<NonNullGraphType<BindSharingPartnerPayloadGraphType>>("bindSharingPartner")
            .Description("Binds a Partner Agency Consumer to the one MOU under which they receive reports (replacing any before). System Administrators only.")
            .Argument<NonNullGraphType<BindSharingPartnerInputGraphType>>("input")
            .AuthorizeWithRoles(DirectoryRoles.SystemAdministrator)
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<Dictionary<string, object?>>("input");
                var id = IdArgument.ToGuid(input, "agreementId");
                return await sharing.BindPartnerAsync(c.User!, input.GetValueOrDefault("userName") as string, id, c.CancellationToken);
            });
    }
}

public sealed class ExternalReportFieldGraphType : EnumerationGraphType<ExternalReportField>
{
    public ExternalReportFieldGraphType()
    {
        Name = "ExternalReportField";
        Description = "A report field an MOU may cover; none is PII.";
    }
}

public sealed class ExternalReportGraphType : ObjectGraphType<ExternalReport>
{
    public ExternalReportGraphType()
    {
        Name = "ExternalReport";
        Description = "A report as a partner agency receives it: the fields its MOU covers (null otherwise), with a sensitivity label.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The report's id.").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("sensitivityLabel").Description("How the recipient must handle it.").Resolve(c => c.Source.SensitivityLabel);
        Field<StringGraphType>("number").Description("The report number.").Resolve(c => c.Source.Covered(ExternalReportField.Number, r => r.Number));
        Field<StringGraphType>("type").Description("The report type's code.").Resolve(c => c.Source.TypeCode);
        Field<DateTimeOffsetGraphType>("eventAt").Description("When the event happened.").Resolve(c => c.Source.Covered(ExternalReportField.EventAt, r => r.EventAt));
        Field<StringGraphType>("eventCity").Description("City of the event.").Resolve(c => c.Source.Covered(ExternalReportField.EventCity, r => r.EventCity));
        Field<StringGraphType>("eventState").Description("USPS state code of the event.").Resolve(c => c.Source.Covered(ExternalReportField.EventState, r => r.EventState));
        Field<StringGraphType>("originatingOffice").Description("The originating office's code.")
            .Resolve(c => c.Source.Covered(ExternalReportField.OriginatingOffice, r => r.OriginatingOffice));
        Field<DateTimeOffsetGraphType>("submittedAt").Description("When it was submitted.").Resolve(c => c.Source.Covered(ExternalReportField.SubmittedAt, r => r.SubmittedAt));
        Field<ExternalProductGraphType>("product")
            .Description("For a type shared only as a product (ERO LEAD): the PII-free product authorised for your agency's office; every field "
                + "of the report itself is then null, and id is the product's. Null for other types.")
            .Resolve(c => c.Source.Product);
    }
}

public sealed class ExternalProductGraphType : ObjectGraphType<SenGraph.Contracts.Reports.Workflow.ExternalProduct>
{
    public ExternalProductGraphType()
    {
        Name = "ExternalProduct";
        Description = "A dissemination product: what a partner receives of a report shared only as a product (ERO LEAD), derived without PII and "
            + "authorised for the partner's office.";
        Field<NonNullGraphType<StringGraphType>>("title").Description("A title made without PII (never the report's own).").Resolve(c => c.Source.Title);
        Field<NonNullGraphType<StringGraphType>>("text").Description("The redacted text, or a notice that it was withheld.").Resolve(c => c.Source.Text);
        Field<StringGraphType>("city").Description("The city the product names.").Resolve(c => c.Source.City);
        Field<StringGraphType>("state").Description("The USPS state code the product names.").Resolve(c => c.Source.State);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("authorisedAt").Description("When its dissemination was authorised.").Resolve(c => c.Source.AuthorisedAt);
    }
}

public sealed class ExternalReportPageGraphType : ObjectGraphType<ExternalReportPage>
{
    public ExternalReportPageGraphType()
    {
        Name = "ExternalReportPage";
        Description = "A page of the external sharing feed.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExternalReportGraphType>>>>("nodes").Description("The reports.").Resolve(c => c.Source.Nodes);
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Description("Whether another page follows.").Resolve(c => c.Source.HasNextPage);
        Field<StringGraphType>("endCursor").Description("Pass as after for the next page.").Resolve(c => c.Source.EndCursor);
    }
}

public sealed class SharingAgreementGraphType : ObjectGraphType<SharingAgreement>
{
    public SharingAgreementGraphType()
    {
        Name = "SharingAgreement";
        Description = "An MOU with a partner agency.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The MOU.").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("agency").Description("The partner agency.").Resolve(c => c.Source.Agency);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("reportTypes").Description("Type codes covered.").Resolve(c => c.Source.TypeList);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExternalReportFieldGraphType>>>>("fields").Description("Fields covered.").Resolve(c => c.Source.FieldList);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("validFrom").Description("In force from.").Resolve(c => c.Source.ValidFrom);
        Field<DateTimeOffsetGraphType>("validTo").Description("In force until (exclusive); null: open-ended.").Resolve(c => c.Source.ValidTo);
        Field<NonNullGraphType<StringGraphType>>("recordedBy").Description("Who recorded it.").Resolve(c => c.Source.RecordedBy);
    }
}

public sealed class ExternalShareGraphType : ObjectGraphType<ExternalShare>
{
    public ExternalShareGraphType()
    {
        Name = "ExternalShare";
        Description = "One report given to a partner agency.";
        Field<NonNullGraphType<IdGraphType>>("reportId").Description("The report.").Resolve(c => c.Source.ReportId);
        Field<StringGraphType>("reportNumber").Description("Its number.").Resolve(c => c.Source.ReportNumber);
        Field<NonNullGraphType<StringGraphType>>("reportType").Description("Its type code.").Resolve(c => c.Source.ReportType);
        Field<NonNullGraphType<StringGraphType>>("sharedWith").Description("The partner user.").Resolve(c => c.Source.SharedWith);
        Field<NonNullGraphType<StringGraphType>>("agency").Description("Their agency.").Resolve(c => c.Source.Agency);
        Field<NonNullGraphType<IdGraphType>>("agreementId").Description("The MOU.").Resolve(c => c.Source.AgreementId);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("sharedAt").Description("When.").Resolve(c => c.Source.SharedAt);
    }
}

public sealed class RecordSharingAgreementInputGraphType : InputObjectGraphType
{
    public RecordSharingAgreementInputGraphType()
    {
        Name = "RecordSharingAgreementInput";
        Description = "An MOU: agency, report types and fields covered, period.";
        Field<NonNullGraphType<StringGraphType>>("agency").Description($"The partner agency, at most {SharingAgreement.MaxAgencyLength} characters.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("reportTypes").Description("Type codes; each type's module must allow external sharing.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExternalReportFieldGraphType>>>>("fields").Description("The fields covered.");
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("validFrom").Description("In force from.");
        Field<DateTimeOffsetGraphType>("validTo").Description("In force until (exclusive); omit: open-ended.");
    }
}

public sealed class BindSharingPartnerInputGraphType : InputObjectGraphType
{
    public BindSharingPartnerInputGraphType()
    {
        Name = "BindSharingPartnerInput";
        Description = "A Partner Agency Consumer and their MOU.";
        Field<NonNullGraphType<StringGraphType>>("userName").Description("The partner user.");
        Field<NonNullGraphType<IdGraphType>>("agreementId").Description("The MOU.");
    }
}

public sealed class RecordSharingAgreementErrorGraphType() : UserErrorGraphType("RecordSharingAgreementError");

public sealed class BindSharingPartnerErrorGraphType() : UserErrorGraphType("BindSharingPartnerError");

public sealed class RecordSharingAgreementPayloadGraphType : ObjectGraphType<ExternalSharingService.AgreementOutcome>
{
    public RecordSharingAgreementPayloadGraphType()
    {
        Name = "RecordSharingAgreementPayload";
        Description = "The MOU recorded, or why not.";
        Field<SharingAgreementGraphType>("agreement").Description("Null when there are errors.").Resolve(c => c.Source.Agreement);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RecordSharingAgreementErrorGraphType>>>>("errors")
            .Description("Empty on success: REQUIRED, TOO_LONG, UNKNOWN_REPORT_TYPE, NOT_SHAREABLE, INVALID_PERIOD.").Resolve(c => c.Source.Errors);
    }
}

public sealed class BindSharingPartnerPayloadGraphType : ObjectGraphType<ExternalSharingService.PartnerOutcome>
{
    public BindSharingPartnerPayloadGraphType()
    {
        Name = "BindSharingPartnerPayload";
        Description = "The binding, or why not.";
        Field<StringGraphType>("userName").Description("The partner bound; null when there are errors.").Resolve(c => c.Source.Partner?.UserName);
        Field<IdGraphType>("agreementId").Description("Their MOU; null when there are errors.").Resolve(c => c.Source.Partner?.AgreementId);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BindSharingPartnerErrorGraphType>>>>("errors")
            .Description("Empty on success: NOT_FOUND, NOT_A_PARTNER.").Resolve(c => c.Source.Errors);
    }
}

public static class ExternalSharingServiceCollectionExtensions
{
    /// <summary>Sharing with partners outside the agency (agreements, partners, shares): the service and its root fields.</summary>
    public static IServiceCollection AddExternalSharing(this IServiceCollection services)
    {
        services.AddSingleton<ExternalSharingService>();
        services.AddRootFields<ExternalSharingQueries>(RootOperation.Query);
        services.AddRootFields<ExternalSharingMutations>(RootOperation.Mutation);
        return services;
    }
}
