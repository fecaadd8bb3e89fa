using GraphQL;
using GraphQL.Types;
using SenGraph.Contracts.Reports.Kit;

namespace SenGraph.Contracts.Reports;

/// <summary>GraphQL <c>ReportPerson</c>. Every field but <c>role</c>, <c>nameUnknown</c> and <c>sex</c> is marked <see cref="PiiMetadata">PII</see>.</summary>
public sealed class ReportPersonGraphType : ObjectGraphType<ReportPerson>
{
    public ReportPersonGraphType()
    {
        Name = "ReportPerson";
        Description = "A person a report names. Names, dates, countries, address, identifiers and immigration status are personal data.";
        Field<NonNullGraphType<PersonRoleGraphType>>("role").Description("The part the person plays in the event.").Resolve(c => c.Source.Role);
        Field<StringGraphType>("firstName").Description("Given name.").Resolve(c => c.Source.FirstName).Pii();
        Field<StringGraphType>("middleName").Description("Middle name(s).").Resolve(c => c.Source.MiddleName).Pii();
        Field<StringGraphType>("lastName").Description("Family name, or the person's only name.").Resolve(c => c.Source.LastName).Pii();
        Field<NonNullGraphType<BooleanGraphType>>("nameUnknown").Description("True when the person is not identified by name.").Resolve(c => c.Source.NameUnknown);
        Field<DateOnlyGraphType>("dateOfBirth").Description("Date of birth.").Resolve(c => c.Source.DateOfBirth).Pii();
        Field<IntGraphType>("age").Description("Age in years at the time of the event (possibly estimated).").Resolve(c => c.Source.Age).Pii();
        Field<SexGraphType>("sex").Description("Sex as recorded.").Resolve(c => c.Source.Sex);
        Field<StringGraphType>("countryOfBirth").Description("Country of birth, ISO 3166-1 alpha-3 code.").Resolve(c => c.Source.CountryOfBirth).Pii();
        Field<StringGraphType>("countryOfCitizenship").Description("Country of citizenship, ISO 3166-1 alpha-3 code.").Resolve(c => c.Source.CountryOfCitizenship).Pii();
        Field<AddressGraphType>("address").Description("Residence address.").Resolve(c => ReportAddress.Of(c.Source)).Pii();
        Field<StringGraphType>("aNumber").Description("Alien Registration Number: A and 9 digits.").Resolve(c => c.Source.ANumber).Pii();
        Field<StringGraphType>("fin").Description("IDENT Fingerprint Identification Number.").Resolve(c => c.Source.Fin).Pii();
        Field<StringGraphType>("fbiNumber").Description("FBI number (Universal Control Number).").Resolve(c => c.Source.FbiNumber).Pii();
        Field<StringGraphType>("immigrationStatus").Description("Immigration status as reported.").Resolve(c => c.Source.ImmigrationStatus).Pii();
    }
}

/// <summary>GraphQL <c>Address</c>.</summary>
public sealed class AddressGraphType : ObjectGraphType<ReportAddress>
{
    public AddressGraphType()
    {
        Name = "Address";
        Description = "A postal address.";
        Field<StringGraphType>("street").Description("Street address.").Resolve(c => c.Source.Street).Pii();
        Field<StringGraphType>("city").Description("City.").Resolve(c => c.Source.City).Pii();
        Field<StringGraphType>("state").Description("USPS code in the United States; state, province or region elsewhere.").Resolve(c => c.Source.State).Pii();
        Field<StringGraphType>("postalCode").Description("ZIP or ZIP+4 in the United States; postal code elsewhere.").Resolve(c => c.Source.PostalCode).Pii();
        Field<StringGraphType>("country").Description("ISO 3166-1 alpha-3 code; null means the United States.").Resolve(c => c.Source.Country).Pii();
    }
}

/// <summary>GraphQL <c>ReportContact</c>.</summary>
public sealed class ReportContactGraphType : ObjectGraphType<ReportContact>
{
    public ReportContactGraphType()
    {
        Name = "ReportContact";
        Description = "Contact information of someone who handled or was notified of the event.";
        Field<NonNullGraphType<ContactKindGraphType>>("kind").Description("Why the contact is named.").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("name").Description("Full name of the person (PII).").Resolve(c => c.Source.Name).Pii();
        Field<StringGraphType>("agency").Description("Agency or office.").Resolve(c => c.Source.Agency);
        Field<StringGraphType>("phone").Description("Telephone number.").Resolve(c => c.Source.Phone);
        Field<StringGraphType>("email").Description("E-mail address.").Resolve(c => c.Source.Email);
    }
}

/// <summary>GraphQL <c>ReportNarrative</c>.</summary>
public sealed class ReportNarrativeGraphType : ObjectGraphType<ReportNarrative>
{
    public ReportNarrativeGraphType()
    {
        Name = "ReportNarrative";
        Description = "A section of the report's narrative.";
        Field<StringGraphType>("heading").Description("Heading of the section, e.g. Seized property.").Resolve(c => c.Source.Heading);
        Field<NonNullGraphType<StringGraphType>>("text").Description("The text; may name a suspect or victim (PII).").Resolve(c => c.Source.Text).Pii();
    }
}

public sealed class ReportStatusGraphType : EnumerationGraphType<ReportStatus>
{
    public ReportStatusGraphType()
    {
        Name = "ReportStatus";
        Description = "Where a report stands: DRAFT → PENDING_REVIEW → APPROVED (or RETURNED to the author) → SUBMITTED.";
    }
}

/// <summary>GraphQL <c>PersonRole</c>: the host's roles and those the loaded modules add (<see cref="ReportVocabularyValue"/>), composed with the schema.</summary>
public sealed class PersonRoleGraphType : EnumerationGraphType
{
    /// <summary>The host's roles only (a schema without modules).</summary>
    public PersonRoleGraphType() : this([])
    {
    }

    public PersonRoleGraphType(IEnumerable<ReportVocabularyValue> moduleValues)
    {
        Name = "PersonRole";
        Description = "The part a person plays in the reported event.";
        ReportVocabularyValues.AddTo(this, PersonRole.BuiltIn, moduleValues, ReportVocabulary.PersonRole);
    }
}

/// <summary>GraphQL <c>ContactKind</c>: the host's kinds and those the loaded modules add, composed with the schema.</summary>
public sealed class ContactKindGraphType : EnumerationGraphType
{
    /// <summary>The host's kinds only (a schema without modules).</summary>
    public ContactKindGraphType() : this([])
    {
    }

    public ContactKindGraphType(IEnumerable<ReportVocabularyValue> moduleValues)
    {
        Name = "ContactKind";
        Description = "Why a contact is named on a report.";
        ReportVocabularyValues.AddTo(this, ContactKind.BuiltIn, moduleValues, ReportVocabulary.ContactKind);
    }
}

internal static class ReportVocabularyValues
{
    /// <summary>The host's values (stored name → CONSTANT_CASE, no description, as the C# enums they were printed), then the modules'.</summary>
    public static void AddTo(EnumerationGraphType type, IReadOnlyList<string> builtIn, IEnumerable<ReportVocabularyValue> moduleValues, ReportVocabulary vocabulary)
    {
        foreach (var name in builtIn) type.Add(name.ToConstantCase(), name);
        foreach (var value in moduleValues.Where(v => v.Vocabulary == vocabulary && !builtIn.Contains(v.Name)).DistinctBy(v => v.Name))
            type.Add(new EnumValueDefinition(value.Name.ToConstantCase(), value.Name) { Description = value.Description });
    }
}

public sealed class SexGraphType : EnumerationGraphType<Sex>
{
    public SexGraphType()
    {
        Name = "Sex";
        Description = "Sex of a person as recorded.";
    }
}

/// <summary>GraphQL <c>ReportRecipient</c>: a recipient of a submitted report and its queue state.</summary>
public sealed class ReportRecipientGraphType : ObjectGraphType<SenGraph.Contracts.Agency.ReportRecipient>
{
    public ReportRecipientGraphType()
    {
        Name = "ReportRecipient";
        Description = "A recipient of a submitted report: a user or a whole office, with whether it has read and acknowledged the report.";
        Field<NonNullGraphType<RecipientKindGraphType>>("kind").Description("User or office.").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("code").Description("User name or office code.").Resolve(c => c.Source.Code);
        Field<NonNullGraphType<RecipientReasonGraphType>>("reason").Description("Routed by the report type's rules, or named by the submitter.").Resolve(c => c.Source.Reason);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("queuedAt").Description("When the report reached the recipient's queue.").Resolve(c => c.Source.QueuedAt);
        Field<DateTimeOffsetGraphType>("readAt").Description("When the recipient read it; null while unread (an amendment makes it unread again).").Resolve(c => c.Source.ReadAt);
        Field<DateTimeOffsetGraphType>("acknowledgedAt").Description("When the recipient acknowledged it; null until then.").Resolve(c => c.Source.AcknowledgedAt);
    }
}

/// <summary>GraphQL <c>ReportRevision</c>: an earlier version of an amended report.</summary>
public sealed class ReportRevisionGraphType : ObjectGraphType<ReportRevision>
{
    public ReportRevisionGraphType()
    {
        Name = "ReportRevision";
        Description = "The report as it was before an amendment.";
        Field<NonNullGraphType<IntGraphType>>("revision").Description("The revision this was: 0 for the report as first submitted.").Resolve(c => c.Source.Revision);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("amendedAt").Description("When the amendment replaced it.").Resolve(c => c.Source.CreatedAt);
        Field<NonNullGraphType<StringGraphType>>("amendedBy").Description("User name of who amended the report.").Resolve(c => c.Source.CreatedBy);
        Field<StringGraphType>("reason").Description("Why the report was amended.").Resolve(c => c.Source.Reason);
        Field<NonNullGraphType<ReportInterfaceGraphType>>("report").Description("The report as it was, every field readable.")
            .Resolve(c => (c.RequestServices?.GetService(typeof(Workflow.IReportEnvelopeReader)) as Workflow.IReportEnvelopeReader
                ?? throw new InvalidOperationException("The host provides no IReportEnvelopeReader in request services.")).ReadRevision(c, c.Source));
    }
}

public sealed class RecipientKindGraphType : EnumerationGraphType<SenGraph.Contracts.Agency.RecipientKind>
{
    public RecipientKindGraphType()
    {
        Name = "RecipientKind";
        Description = "Whether a recipient is a user or an office.";
    }
}

public sealed class RecipientReasonGraphType : EnumerationGraphType<SenGraph.Contracts.Agency.RecipientReason>
{
    public RecipientReasonGraphType()
    {
        Name = "RecipientReason";
        Description = "Why a report reached a recipient.";
    }
}
