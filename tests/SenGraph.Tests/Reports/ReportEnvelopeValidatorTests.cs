using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Schema;

namespace SenGraph.Tests.Reports;

public sealed class ReportEnvelopeValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset EventAt = new(2026, 11, 20, 14, 30, 0, TimeSpan.Zero);

    private static ReportEnvelopeInput Envelope(params PersonInput[] people) =>
        new("Significant arrest at JFK", EventAt, "Queens", "NY", People: people);

    private static PersonInput Suspect => new(PersonRole.Suspect, FirstName: "Juan", LastName: "Perez");

    private static UserError SingleError(ReportEnvelopeInput input)
    {
        var result = ReportEnvelopeValidator.Validate(input, Now);
        return Assert.Single(result.Errors);
    }

    private static void AssertError(ReportEnvelopeInput input, string code, params string[] path)
    {
        var error = SingleError(input);
        Assert.Equal(code, error.Code);
        Assert.Equal(["input", .. path], error.Path);
    }

    [Fact]
    public void A_complete_envelope_is_valid_and_normalized()
    {
        var input = new ReportEnvelopeInput(
            "  Significant arrest at JFK ", new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.FromHours(-5)), " Queens ", "ny",
            Supervisor: " bob ", ActionOfficer: "", CaseReference: " NY-2026-0042 ",
            People:
            [
                new PersonInput(PersonRole.Suspect, " Juan ", null, " Perez ", DateOfBirth: new DateOnly(1990, 5, 17), Age: 36, Sex: Sex.Male,
                    CountryOfBirth: "mex", CountryOfCitizenship: " MEX ", Address: new AddressInput(" 1 Main St ", "Queens", " ny ", "11430 1234"),
                    ANumber: "12-345-678", Fin: "1234 5678", FbiNumber: "123456ab1", ImmigrationStatus: " EWI "),
                new PersonInput(PersonRole.Victim, NameUnknown: true, Address: new AddressInput(" ", null, "", null, null)),
            ],
            Contacts: [new ContactInput(ContactKind.ReportingPersonnel, " SA Jane Roe ", "HSI NYC", "(212) 555-0100 x12", "jane.roe@example.gov")],
            Narratives: [new NarrativeInput(" What happened ", " Incident ")]);

        var result = ReportEnvelopeValidator.Validate(input, Now);

        Assert.Empty(result.Errors);
        Assert.True(result.IsValid);
        var n = result.Input;
        Assert.Equal("Significant arrest at JFK", n.Title);
        Assert.Equal(TimeSpan.Zero, n.EventAt!.Value.Offset);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 14, 30, 0, TimeSpan.Zero), n.EventAt);
        Assert.Equal(("Queens", "NY", "bob", null, "NY-2026-0042"), (n.EventCity, n.EventState, n.Supervisor, n.ActionOfficer, n.CaseReference));
        var p = n.People![0];
        Assert.Equal(("Juan", "Perez", "MEX", "MEX"), (p.FirstName, p.LastName, p.CountryOfBirth, p.CountryOfCitizenship));
        Assert.Equal(new AddressInput("1 Main St", "Queens", "NY", "11430-1234"), p.Address);
        Assert.Equal(("A012345678", "12345678", "123456AB1", "EWI"), (p.ANumber, p.Fin, p.FbiNumber, p.ImmigrationStatus));
        Assert.Null(n.People[1].Address);
        Assert.Equal(new ContactInput(ContactKind.ReportingPersonnel, "SA Jane Roe", "HSI NYC", "(212) 555-0100 x12", "jane.roe@example.gov"), n.Contacts![0]);
        Assert.Equal(new NarrativeInput("What happened", "Incident"), n.Narratives![0]);
    }

    [Fact]
    public void Every_error_is_reported_at_once_with_its_path()
    {
        var input = new ReportEnvelopeInput(" ", Now.AddDays(1), EventState: "XX",
            People: [Suspect, new PersonInput(PersonRole.Witness, ANumber: "B12", Fin: "x", FbiNumber: "!!", CountryOfBirth: "US")]);

        var errors = ReportEnvelopeValidator.Validate(input, Now).Errors;

        Assert.Equal(
            [
                ("REQUIRED", "input.title"),
                ("IN_FUTURE", "input.eventAt"),
                ("INVALID_STATE", "input.eventState"),
                ("REQUIRED", "input.people.1.lastName"),
                ("INVALID_COUNTRY", "input.people.1.countryOfBirth"),
                ("INVALID_A_NUMBER", "input.people.1.aNumber"),
                ("INVALID_FIN", "input.people.1.fin"),
                ("INVALID_FBI_NUMBER", "input.people.1.fbiNumber"),
            ],
            errors.Select(e => (e.Code, string.Join('.', e.Path))));
    }

    [Fact]
    public void Paths_can_start_below_the_input()
    {
        var result = ReportEnvelopeValidator.Validate(Envelope(Suspect with { ANumber = "nope" }), Now, ["input", "envelope"]);
        Assert.Equal(["input", "envelope", "people", "0", "aNumber"], Assert.Single(result.Errors).Path);
    }

    [Fact]
    public void An_invalid_identifier_is_kept_as_typed_for_the_retry() =>
        Assert.Equal("A12", ReportEnvelopeValidator.Validate(Envelope(Suspect with { ANumber = " a12 " }), Now).Input.People![0].ANumber);

    [Fact]
    public void A_person_needs_a_last_name_unless_the_name_is_unknown()
    {
        AssertError(Envelope(new PersonInput(PersonRole.Victim, FirstName: "Ana")), "REQUIRED", "people", "0", "lastName");
        Assert.Empty(ReportEnvelopeValidator.Validate(Envelope(new PersonInput(PersonRole.Victim, NameUnknown: true)), Now).Errors);
        Assert.Empty(ReportEnvelopeValidator.Validate(Envelope(new PersonInput(PersonRole.Victim, FirstName: "Ana", NameUnknown: true)), Now).Errors);
        Assert.Empty(ReportEnvelopeValidator.Validate(Envelope(new PersonInput(PersonRole.Subject, LastName: "Suharto")), Now).Errors);
        AssertError(Envelope(new PersonInput(PersonRole.Victim, LastName: "   ")), "REQUIRED", "people", "0", "lastName");
    }

    [Theory]
    [InlineData("2026-11-24", "IN_FUTURE")]
    [InlineData("1899-12-31", "INVALID_DATE")]
    [InlineData("2026-11-21", "INVALID_DATE")]    // after the event
    public void A_date_of_birth_is_in_the_past_after_1900_and_before_the_event(string dob, string code) =>
        AssertError(Envelope(Suspect with { DateOfBirth = DateOnly.Parse(dob, System.Globalization.CultureInfo.InvariantCulture) }), code, "people", "0", "dateOfBirth");

    [Fact]
    public void A_date_of_birth_on_the_event_day_or_in_1900_is_accepted()
    {
        Assert.Empty(ReportEnvelopeValidator.Validate(Envelope(Suspect with { DateOfBirth = new DateOnly(2026, 11, 20) }), Now).Errors);
        var old = new ReportEnvelopeInput("Old case", new DateTimeOffset(1990, 1, 1, 0, 0, 0, TimeSpan.Zero), People: [Suspect with { DateOfBirth = new DateOnly(1900, 1, 1) }]);
        Assert.Empty(ReportEnvelopeValidator.Validate(old, Now).Errors);
    }

    [Fact]
    public void A_date_of_birth_giving_an_age_over_130_is_refused()
    {
        var later = new DateTimeOffset(2031, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var input = new ReportEnvelopeInput("Later", later, People: [Suspect with { DateOfBirth = new DateOnly(1900, 1, 1) }]);
        Assert.Equal("INVALID_DATE", Assert.Single(ReportEnvelopeValidator.Validate(input, later).Errors).Code);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(131)]
    public void Age_is_between_0_and_130(int age) =>
        AssertError(Envelope(Suspect with { Age = age }), "OUT_OF_RANGE", "people", "0", "age");

    [Theory]
    [InlineData(0)]
    [InlineData(130)]
    public void Ages_at_the_bounds_are_accepted(int age) =>
        Assert.Empty(ReportEnvelopeValidator.Validate(Envelope(Suspect with { Age = age }), Now).Errors);

    [Fact]
    public void Age_and_date_of_birth_must_agree_on_the_event_date()
    {
        // Born 1990-11-21: 35 on the event (2026-11-20), 36 today (2026-11-23).
        var dob = new DateOnly(1990, 11, 21);
        Assert.Empty(ReportEnvelopeValidator.Validate(Envelope(Suspect with { DateOfBirth = dob, Age = 35 }), Now).Errors);
        var error = SingleError(Envelope(Suspect with { DateOfBirth = dob, Age = 36 }));
        Assert.Equal("INCONSISTENT_AGE", error.Code);
        Assert.Equal(["input", "people", "0", "age"], error.Path);
        // Without an event time, today's age counts.
        var undated = new ReportEnvelopeInput("Undated", People: [Suspect with { DateOfBirth = dob, Age = 36 }]);
        Assert.Empty(ReportEnvelopeValidator.Validate(undated, Now).Errors);
    }

    [Fact]
    public void Ages_count_whole_years_including_leap_days()
    {
        Assert.Equal(35, ReportEnvelopeValidator.AgeOn(new DateOnly(1990, 11, 21), new DateOnly(2026, 11, 20)));
        Assert.Equal(36, ReportEnvelopeValidator.AgeOn(new DateOnly(1990, 11, 21), new DateOnly(2026, 11, 21)));
        Assert.Equal(0, ReportEnvelopeValidator.AgeOn(new DateOnly(2000, 2, 29), new DateOnly(2001, 2, 27)));
        Assert.Equal(1, ReportEnvelopeValidator.AgeOn(new DateOnly(2000, 2, 29), new DateOnly(2001, 2, 28)));
        Assert.Equal(4, ReportEnvelopeValidator.AgeOn(new DateOnly(2000, 2, 29), new DateOnly(2004, 2, 29)));
    }

    [Fact]
    public void The_event_time_may_be_a_few_minutes_ahead_for_clock_skew_and_not_before_1900()
    {
        Assert.Empty(ReportEnvelopeValidator.Validate(new ReportEnvelopeInput("Now", Now.AddMinutes(4)), Now).Errors);
        AssertError(new ReportEnvelopeInput("Soon", Now.AddMinutes(6)), "IN_FUTURE", "eventAt");
        AssertError(new ReportEnvelopeInput("Old", new DateTimeOffset(1899, 12, 31, 0, 0, 0, TimeSpan.Zero)), "INVALID_DATE", "eventAt");
    }

    [Theory]
    [InlineData("NY", true)]
    [InlineData(" pr ", true)]
    [InlineData("DC", true)]
    [InlineData("XX", false)]
    [InlineData("New York", false)]
    [InlineData("AE", false)]
    public void Event_states_are_USPS_codes(string state, bool valid)
    {
        var errors = ReportEnvelopeValidator.Validate(new ReportEnvelopeInput("T", EventState: state), Now).Errors;
        if (valid) Assert.Empty(errors);
        else Assert.Equal("INVALID_STATE", Assert.Single(errors).Code);
    }

    [Theory]
    [InlineData("USA", true)]
    [InlineData("gtm", true)]
    [InlineData("US", false)]
    [InlineData("XKX", false)]
    [InlineData("Mexico", false)]
    public void Countries_are_ISO_alpha_3(string country, bool valid)
    {
        var errors = ReportEnvelopeValidator.Validate(Envelope(Suspect with { CountryOfCitizenship = country }), Now).Errors;
        if (valid) Assert.Empty(errors);
        else Assert.Equal(("INVALID_COUNTRY", "input.people.0.countryOfCitizenship"), (Assert.Single(errors).Code, string.Join('.', errors[0].Path)));
    }

    [Fact]
    public void A_US_address_has_a_USPS_state_and_a_ZIP_a_foreign_one_free_text()
    {
        AssertError(Envelope(Suspect with { Address = new AddressInput(State: "Ontario") }), "INVALID_STATE", "people", "0", "address", "state");
        AssertError(Envelope(Suspect with { Address = new AddressInput(PostalCode: "K1A 0B1", Country: "USA") }), "INVALID_POSTAL_CODE", "people", "0", "address", "postalCode");
        AssertError(Envelope(Suspect with { Address = new AddressInput(Country: "CA") }), "INVALID_COUNTRY", "people", "0", "address", "country");
        var foreign = ReportEnvelopeValidator.Validate(Envelope(Suspect with { Address = new AddressInput("24 Sussex Dr", "Ottawa", "Ontario", "K1A 0B1", "can") }), Now);
        Assert.Empty(foreign.Errors);
        Assert.Equal(new AddressInput("24 Sussex Dr", "Ottawa", "Ontario", "K1A 0B1", "CAN"), foreign.Input.People![0].Address);
        Assert.Equal("11430", ReportEnvelopeValidator.Validate(Envelope(Suspect with { Address = new AddressInput(PostalCode: "11430") }), Now).Input.People![0].Address!.PostalCode);
    }

    [Fact]
    public void Lengths_are_limited()
    {
        AssertError(new ReportEnvelopeInput(new string('t', 201)), "TOO_LONG", "title");
        AssertError(new ReportEnvelopeInput("T", EventCity: new string('c', 101)), "TOO_LONG", "eventCity");
        AssertError(new ReportEnvelopeInput("T", Supervisor: new string('u', 65)), "TOO_LONG", "supervisor");
        AssertError(new ReportEnvelopeInput("T", CaseReference: new string('r', 65)), "TOO_LONG", "caseReference");
        AssertError(Envelope(Suspect with { LastName = new string('n', 101) }), "TOO_LONG", "people", "0", "lastName");
        AssertError(Envelope(Suspect with { ImmigrationStatus = new string('s', 101) }), "TOO_LONG", "people", "0", "immigrationStatus");
        AssertError(new ReportEnvelopeInput("T", Narratives: [new NarrativeInput(new string('x', 20_001))]), "TOO_LONG", "narratives", "0", "text");
        Assert.Empty(ReportEnvelopeValidator.Validate(new ReportEnvelopeInput(new string('t', 200), Narratives: [new NarrativeInput(new string('x', 20_000))]), Now).Errors);
    }

    [Fact]
    public void Lists_are_limited()
    {
        AssertError(new ReportEnvelopeInput("T", People: [.. Enumerable.Repeat(Suspect, 101)]), "TOO_MANY", "people");
        AssertError(new ReportEnvelopeInput("T", Contacts: [.. Enumerable.Repeat(new ContactInput(ContactKind.Supervisor, "Bob"), 51)]), "TOO_MANY", "contacts");
        AssertError(new ReportEnvelopeInput("T", Narratives: [.. Enumerable.Repeat(new NarrativeInput("x"), 51)]), "TOO_MANY", "narratives");
    }

    [Theory]
    [InlineData("+1 212-555-0100", true)]
    [InlineData("(212) 555-0100 ext. 42", true)]
    [InlineData("212.555.0100", true)]
    [InlineData("5550100", true)]
    [InlineData("555-010", false)]
    [InlineData("call me", false)]
    [InlineData("(212 555", false)]
    [InlineData("+1 212 555 0100 0000 0000", false)]
    public void Contact_phones_have_7_to_15_digits(string phone, bool valid)
    {
        var errors = ReportEnvelopeValidator.Validate(new ReportEnvelopeInput("T", Contacts: [new ContactInput(ContactKind.OtherLawEnforcement, "Det. Smith", Phone: phone)]), Now).Errors;
        if (valid) Assert.Empty(errors);
        else Assert.Equal(("INVALID_PHONE", "input.contacts.0.phone"), (Assert.Single(errors).Code, string.Join('.', errors[0].Path)));
    }

    [Theory]
    [InlineData("jane.roe@example.gov", true)]
    [InlineData("jane@ice.dhs.gov", true)]
    [InlineData("jane", false)]
    [InlineData("jane@localhost", false)]
    [InlineData("jane roe@example.gov", false)]
    [InlineData("a@b@example.gov", false)]
    public void Contact_emails_look_like_addresses(string email, bool valid)
    {
        var errors = ReportEnvelopeValidator.Validate(new ReportEnvelopeInput("T", Contacts: [new ContactInput(ContactKind.Supervisor, "Bob", Email: email)]), Now).Errors;
        if (valid) Assert.Empty(errors);
        else Assert.Equal("INVALID_EMAIL", Assert.Single(errors).Code);
    }

    [Fact]
    public void Contacts_need_a_name_and_narratives_text()
    {
        AssertError(new ReportEnvelopeInput("T", Contacts: [new ContactInput(ContactKind.Supervisor, " ")]), "REQUIRED", "contacts", "0", "name");
        AssertError(new ReportEnvelopeInput("T", Narratives: [new NarrativeInput("  ", "Heading")]), "REQUIRED", "narratives", "0", "text");
    }

    [Fact]
    public void ApplyTo_copies_the_fields_and_replaces_the_lists_in_order()
    {
        var report = new Report { Id = Guid.NewGuid(), Type = "SIR", Title = "Old", OriginatingOffice = "SAC-NYC", Author = "alice" };
        report.People.Add(new ReportPerson { LastName = "Gone" });
        var input = ReportEnvelopeValidator.Validate(new ReportEnvelopeInput("New", EventAt, "Queens", "NY", "bob",
            People: [Suspect, new PersonInput(PersonRole.Victim, LastName: "Roe", Address: new AddressInput(City: "Queens"))],
            Narratives: [new NarrativeInput("First"), new NarrativeInput("Second")]), Now).Input;

        input.ApplyTo(report);

        Assert.Equal(("New", "Queens", "NY", "bob"), (report.Title, report.EventCity, report.EventState, report.Supervisor));
        Assert.Equal(["Perez", "Roe"], report.People.Select(p => p.LastName));
        Assert.Equal([0, 1], report.People.Select(p => p.Position));
        Assert.All(report.People, p => Assert.Equal(report.Id, p.ReportId));
        Assert.Equal(new ReportAddress(null, "Queens", null, null, null), ReportAddress.Of(report.People[1]));
        Assert.Null(ReportAddress.Of(report.People[0]));
        Assert.Equal(["First", "Second"], report.Narratives.Select(n => n.Text));
        Assert.Empty(report.Contacts);
    }
}
