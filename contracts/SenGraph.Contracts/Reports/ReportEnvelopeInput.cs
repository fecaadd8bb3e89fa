namespace SenGraph.Contracts.Reports;

/// <summary>
/// The envelope fields a create or update mutation sends (GraphQL <c>ReportEnvelopeInput</c>). An update
/// replaces all of them, lists included. Check with <see cref="ReportEnvelopeValidator.Validate(ReportEnvelopeInput, DateTimeOffset)"/>,
/// then copy onto the entity with <see cref="ApplyTo"/>.
/// </summary>
public sealed record ReportEnvelopeInput(
    string Title,
    DateTimeOffset? EventAt = null,
    string? EventCity = null,
    string? EventState = null,
    string? Supervisor = null,
    string? ActionOfficer = null,
    string? CaseReference = null,
    IReadOnlyList<PersonInput>? People = null,
    IReadOnlyList<ContactInput>? Contacts = null,
    IReadOnlyList<NarrativeInput>? Narratives = null)
{
    /// <summary>
    /// The envelope fields of a module's mutation input that carries them directly (added with
    /// <see cref="ReportEnvelopeInputGraphType.AddEnvelopeFields"/>): <c>c.GetArgument&lt;IDictionary&lt;string, object?&gt;&gt;("input")</c>.
    /// The module's own fields in the same input are left for the module to read.
    /// </summary>
    public static ReportEnvelopeInput FromInput(IDictionary<string, object?> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        T? Get<T>(string name) => input.TryGetValue(name, out var value) && value is T typed ? typed : default;
        List<T>? GetList<T>(string name) => input.TryGetValue(name, out var value) && value is System.Collections.IEnumerable list ? list.OfType<T>().ToList() : null;
        return new ReportEnvelopeInput(
            Get<string>("title") ?? "",
            input.TryGetValue("eventAt", out var eventAt) && eventAt is DateTimeOffset at ? at : null,
            Get<string>("eventCity"),
            Get<string>("eventState"),
            Get<string>("supervisor"),
            Get<string>("actionOfficer"),
            Get<string>("caseReference"),
            GetList<PersonInput>("people"),
            GetList<ContactInput>("contacts"),
            GetList<NarrativeInput>("narratives"));
    }

    /// <summary>
    /// Copies these (normalized, valid) fields onto <paramref name="report"/>, replacing its people,
    /// contacts and narratives (positions follow list order). Does not touch identity, status, author,
    /// office, timestamps or version: the workflow owns those.
    /// </summary>
    public void ApplyTo(Report report)
    {
        report.Title = Title;
        report.EventAt = EventAt;
        report.EventCity = EventCity;
        report.EventState = EventState;
        report.Supervisor = Supervisor;
        report.ActionOfficer = ActionOfficer;
        report.CaseReference = CaseReference;
        report.People.Clear();
        report.People.AddRange((People ?? []).Select((p, i) => p.ToEntity(report.Id, i)));
        report.Contacts.Clear();
        report.Contacts.AddRange((Contacts ?? []).Select((c, i) => c.ToEntity(report.Id, i)));
        report.Narratives.Clear();
        report.Narratives.AddRange((Narratives ?? []).Select((n, i) => n.ToEntity(report.Id, i)));
    }
}

/// <summary>A person named on a report. See <see cref="ReportEnvelopeValidator"/> for the rules.</summary>
public sealed record PersonInput(
    string Role,
    string? FirstName = null,
    string? MiddleName = null,
    string? LastName = null,
    bool NameUnknown = false,
    DateOnly? DateOfBirth = null,
    int? Age = null,
    Sex? Sex = null,
    string? CountryOfBirth = null,
    string? CountryOfCitizenship = null,
    AddressInput? Address = null,
    string? ANumber = null,
    string? Fin = null,
    string? FbiNumber = null,
    string? ImmigrationStatus = null)
{
    public ReportPerson ToEntity(Guid reportId, int position) => new()
    {
        ReportId = reportId,
        Position = position,
        Role = Role,
        FirstName = FirstName,
        MiddleName = MiddleName,
        LastName = LastName,
        NameUnknown = NameUnknown,
        DateOfBirth = DateOfBirth,
        Age = Age,
        Sex = Sex,
        CountryOfBirth = CountryOfBirth,
        CountryOfCitizenship = CountryOfCitizenship,
        AddressStreet = Address?.Street,
        AddressCity = Address?.City,
        AddressState = Address?.State,
        AddressPostalCode = Address?.PostalCode,
        AddressCountry = Address?.Country,
        ANumber = ANumber,
        Fin = Fin,
        FbiNumber = FbiNumber,
        ImmigrationStatus = ImmigrationStatus,
    };
}

/// <summary>A postal address; <see cref="Country"/> null means the United States.</summary>
public sealed record AddressInput(
    string? Street = null,
    string? City = null,
    string? State = null,
    string? PostalCode = null,
    string? Country = null);

/// <summary>A person's address as read back (GraphQL <c>Address</c>); <see cref="Country"/> null means the United States.</summary>
public sealed record ReportAddress(string? Street, string? City, string? State, string? PostalCode, string? Country)
{
    /// <summary>The address a person's entity stores, or null when no part is recorded.</summary>
    public static ReportAddress? Of(ReportPerson person) => person.HasAddress
        ? new ReportAddress(person.AddressStreet, person.AddressCity, person.AddressState, person.AddressPostalCode, person.AddressCountry)
        : null;
}

/// <summary>Contact information of someone involved in handling the event.</summary>
public sealed record ContactInput(
    string Kind,
    string Name,
    string? Agency = null,
    string? Phone = null,
    string? Email = null)
{
    public ReportContact ToEntity(Guid reportId, int position) => new()
    {
        ReportId = reportId,
        Position = position,
        Kind = Kind,
        Name = Name,
        Agency = Agency,
        Phone = Phone,
        Email = Email,
    };
}

/// <summary>One section of the report's narrative.</summary>
public sealed record NarrativeInput(string Text, string? Heading = null)
{
    public ReportNarrative ToEntity(Guid reportId, int position) => new()
    {
        ReportId = reportId,
        Position = position,
        Heading = Heading,
        Text = Text,
    };
}
