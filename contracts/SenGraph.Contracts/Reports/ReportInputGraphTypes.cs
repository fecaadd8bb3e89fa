using GraphQL.Types;
using L = SenGraph.Contracts.Reports.ReportLimits;

namespace SenGraph.Contracts.Reports;

/// <summary>
/// GraphQL <c>ReportEnvelopeInput</c>, bound to <see cref="ReportEnvelopeInput"/>. A module whose mutation
/// input carries the envelope fields directly (paths <c>["input","people","0","aNumber"]</c>) adds them
/// to its own input type with <see cref="AddEnvelopeFields"/>.
/// </summary>
public sealed class ReportEnvelopeInputGraphType : InputObjectGraphType<ReportEnvelopeInput>
{
    public ReportEnvelopeInputGraphType()
    {
        Name = "ReportEnvelopeInput";
        Description = "The fields every report type shares, as a create or update sends them; an update replaces them all, lists included.";
        AddEnvelopeFields(this);
    }

    /// <summary>Adds the envelope input fields (title, eventAt, ..., people, contacts, narratives) to <paramref name="input"/>.</summary>
    public static void AddEnvelopeFields(IInputObjectGraphType input)
    {
        AddInputField<NonNullGraphType<StringGraphType>>(input, "title", $"Short title of the event, at most {L.TitleMaxLength} characters; may name a suspect (PII).").Pii();
        AddInputField<DateTimeOffsetGraphType>(input, "eventAt", "When the event happened (not in the future).");
        AddInputField<StringGraphType>(input, "eventCity", $"City where the event happened, at most {L.CityMaxLength} characters.");
        AddInputField<StringGraphType>(input, "eventState", "USPS code of the US state or territory, e.g. NY.");
        AddInputField<StringGraphType>(input, "supervisor", "User name of the supervisor who is to review the report.");
        AddInputField<StringGraphType>(input, "actionOfficer", "User name of the action officer.");
        AddInputField<StringGraphType>(input, "caseReference", $"Identifier of the official case record, at most {L.CaseReferenceMaxLength} characters.");
        AddInputField<ListGraphType<NonNullGraphType<PersonInputGraphType>>>(input, "people", $"People the report names, in order (at most {L.MaxPeople}); null means none.");
        AddInputField<ListGraphType<NonNullGraphType<ContactInputGraphType>>>(input, "contacts", $"Contacts, in order (at most {L.MaxContacts}); null means none.");
        AddInputField<ListGraphType<NonNullGraphType<NarrativeInputGraphType>>>(input, "narratives", $"Narrative sections, in order (at most {L.MaxNarratives}); null means none.");
    }

    /// <summary>
    /// Adds the input field <paramref name="name"/> to <paramref name="input"/>, for input types built field by field
    /// (a module's create input: the envelope fields, then its own).
    /// </summary>
    public static FieldType AddInputField<TGraphType>(IInputObjectGraphType input, string name, string description)
        where TGraphType : IGraphType
    {
        var field = new FieldType { Name = name, Type = typeof(TGraphType), Description = description };
        input.AddField(field);
        return field;
    }
}

/// <summary>GraphQL <c>PersonInput</c>, bound to <see cref="PersonInput"/>; personal fields are marked <see cref="PiiMetadata">PII</see>.</summary>
public sealed class PersonInputGraphType : InputObjectGraphType<PersonInput>
{
    public PersonInputGraphType()
    {
        Name = "PersonInput";
        Description = "A person the report names. Give a last name, or set nameUnknown for an unidentified person.";
        Field<NonNullGraphType<PersonRoleGraphType>>("role").Description("The part the person plays in the event.");
        Field<StringGraphType>("firstName").Description($"Given name, at most {L.NameMaxLength} characters.").Pii();
        Field<StringGraphType>("middleName").Description($"Middle name(s), at most {L.NameMaxLength} characters.").Pii();
        Field<StringGraphType>("lastName").Description($"Family name, or the person's only name; required unless nameUnknown. At most {L.NameMaxLength} characters.").Pii();
        Field<BooleanGraphType>("nameUnknown").Description("True when the person is not identified by name (default false).");
        Field<DateOnlyGraphType>("dateOfBirth").Description("Date of birth: not in the future, not before 1900.").Pii();
        Field<IntGraphType>("age").Description("Age in years at the time of the event, 0-130; must match the date of birth when both are given.").Pii();
        Field<SexGraphType>("sex").Description("Sex as recorded.");
        Field<StringGraphType>("countryOfBirth").Description("ISO 3166-1 alpha-3 code, e.g. MEX.").Pii();
        Field<StringGraphType>("countryOfCitizenship").Description("ISO 3166-1 alpha-3 code, e.g. MEX.").Pii();
        Field<AddressInputGraphType>("address").Description("Residence address.").Pii();
        Field<StringGraphType>("aNumber").Description("Alien Registration Number: A and 7 to 9 digits, dashes and spaces allowed (stored as A + 9 digits).").Pii();
        Field<StringGraphType>("fin").Description($"IDENT Fingerprint Identification Number: 1 to {L.FinMaxLength} digits.").Pii();
        Field<StringGraphType>("fbiNumber").Description($"FBI number (UCN): 1 to {L.FbiNumberMaxLength} letters and digits.").Pii();
        Field<StringGraphType>("immigrationStatus").Description($"Immigration status, at most {L.ImmigrationStatusMaxLength} characters.").Pii();
    }
}

/// <summary>GraphQL <c>AddressInput</c>, bound to <see cref="AddressInput"/>.</summary>
public sealed class AddressInputGraphType : InputObjectGraphType<AddressInput>
{
    public AddressInputGraphType()
    {
        Name = "AddressInput";
        Description = "A postal address. Without a country it is in the United States: then state is a USPS code and postalCode a ZIP or ZIP+4.";
        Field<StringGraphType>("street").Description($"Street address, at most {L.StreetMaxLength} characters.").Pii();
        Field<StringGraphType>("city").Description($"City, at most {L.CityMaxLength} characters.").Pii();
        Field<StringGraphType>("state").Description("USPS code in the United States; state, province or region elsewhere.").Pii();
        Field<StringGraphType>("postalCode").Description("ZIP or ZIP+4 in the United States; postal code elsewhere.").Pii();
        Field<StringGraphType>("country").Description("ISO 3166-1 alpha-3 code; null means the United States.").Pii();
    }
}

/// <summary>GraphQL <c>ContactInput</c>, bound to <see cref="ContactInput"/>.</summary>
public sealed class ContactInputGraphType : InputObjectGraphType<ContactInput>
{
    public ContactInputGraphType()
    {
        Name = "ContactInput";
        Description = "Contact information of someone who handled or was notified of the event.";
        Field<NonNullGraphType<ContactKindGraphType>>("kind").Description("Why the contact is named.");
        Field<NonNullGraphType<StringGraphType>>("name").Description($"Full name, at most {L.ContactNameMaxLength} characters.").Pii();
        Field<StringGraphType>("agency").Description($"Agency or office, at most {L.AgencyMaxLength} characters.");
        Field<StringGraphType>("phone").Description("Telephone number: 7 to 15 digits, optional extension (x123).");
        Field<StringGraphType>("email").Description("E-mail address.");
    }
}

/// <summary>GraphQL <c>NarrativeInput</c>, bound to <see cref="NarrativeInput"/>.</summary>
public sealed class NarrativeInputGraphType : InputObjectGraphType<NarrativeInput>
{
    public NarrativeInputGraphType()
    {
        Name = "NarrativeInput";
        Description = "A section of the report's narrative.";
        Field<StringGraphType>("heading").Description($"Heading, at most {L.HeadingMaxLength} characters.");
        Field<NonNullGraphType<StringGraphType>>("text").Description($"The text, at most {L.NarrativeMaxLength} characters; may name a suspect or victim (PII).").Pii();
    }
}
