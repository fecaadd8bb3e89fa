using System.Globalization;
using System.Text.RegularExpressions;
using SenGraph.Contracts.Schema;
using L = SenGraph.Contracts.Reports.ReportLimits;

namespace SenGraph.Contracts.Reports;

/// <summary>The outcome of <see cref="ReportEnvelopeValidator.Validate(ReportEnvelopeInput, DateTimeOffset)"/>.</summary>
/// <param name="Input">The input, normalized (see <see cref="ReportEnvelopeValidator.Normalize"/>): store this one.</param>
/// <param name="Errors">Every field error found; empty when the input is acceptable.</param>
public sealed record ReportEnvelopeValidation(ReportEnvelopeInput Input, IReadOnlyList<UserError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Normalizes and checks a <see cref="ReportEnvelopeInput"/>, reporting every field error at once with its
/// input path (<c>["input","people","0","aNumber"]</c>; field names as in GraphQL).
/// </summary>
/// <remarks>
/// <para><b>Normalization</b>: every text is trimmed, blank becomes null; state, country and sex/role codes
/// are upper case; the A-number becomes <c>A</c> + 9 digits, FBI number and FIN lose separators, a US ZIP
/// becomes <c>12345</c> or <c>12345-6789</c>, the event time becomes UTC; an address with no part is null.</para>
/// <para><b>Report</b>: title required (≤ 200); the event time not in the future (5 minutes of clock skew
/// allowed, <c>IN_FUTURE</c>) nor before 1900 (<c>INVALID_DATE</c>); event state a USPS code
/// (<see cref="UsStates"/>, <c>INVALID_STATE</c>); lengths (<c>TOO_LONG</c>); at most 100 people, 50 contacts,
/// 50 narratives (<c>TOO_MANY</c>).</para>
/// <para><b>People</b>: a last name is <c>REQUIRED</c> unless <c>nameUnknown</c> is true (an unidentified
/// person; any partial names given are kept). A single name goes in <c>lastName</c>, as NCIC records it. No
/// other field is required: reports are written as facts come in. Date of birth not in the future
/// (<c>IN_FUTURE</c>), not before 1900-01-01, not after the event, age from it at most 130
/// (<c>INVALID_DATE</c>); age 0–130 (<c>OUT_OF_RANGE</c>); when both are given the age must be the age the
/// date of birth gives on the event's (UTC) date, or today's when the event time is not known
/// (<c>INCONSISTENT_AGE</c>). Countries ISO 3166-1 alpha-3 (<see cref="Countries"/>, <c>INVALID_COUNTRY</c>).
/// Identifiers: <c>INVALID_A_NUMBER</c>, <c>INVALID_FBI_NUMBER</c>, <c>INVALID_FIN</c> (see
/// <see cref="PersonIdentifiers"/>). Address: for the United States (country null or <c>USA</c>) the state
/// must be a USPS code and the postal code a ZIP or ZIP+4 (<c>INVALID_POSTAL_CODE</c>); abroad both are free
/// text within their lengths.</para>
/// <para><b>Contacts</b>: name <c>REQUIRED</c>; phone 7–15 digits with the usual punctuation and an optional
/// extension (<c>INVALID_PHONE</c>); e-mail <c>local@domain.tld</c> without spaces (<c>INVALID_EMAIL</c>).
/// <b>Narratives</b>: text <c>REQUIRED</c> (≤ 20,000), heading ≤ 200.</para>
/// </remarks>
public static partial class ReportEnvelopeValidator
{
    /// <summary>Clock skew tolerated on event times.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public static readonly DateOnly EarliestDate = new(1900, 1, 1);
    public const int MaxAge = 130;

    /// <summary>Normalizes <paramref name="input"/> and returns it with every field error, paths from <c>input</c>.</summary>
    public static ReportEnvelopeValidation Validate(ReportEnvelopeInput input, DateTimeOffset now) => Validate(input, now, ["input"]);

    /// <summary>
    /// As <see cref="Validate(ReportEnvelopeInput, DateTimeOffset)"/>, with paths from <paramref name="basePath"/>:
    /// for a mutation whose input nests the envelope, e.g. <c>["input","envelope"]</c>.
    /// </summary>
    public static ReportEnvelopeValidation Validate(ReportEnvelopeInput input, DateTimeOffset now, IReadOnlyList<string> basePath)
    {
        ArgumentNullException.ThrowIfNull(input);
        var n = Normalize(input);
        var errors = new Errors(basePath);
        var today = DateOnly.FromDateTime(now.UtcDateTime);

        if (n.Title.Length == 0) errors.Add("REQUIRED", "A title is required.", "title");
        else MaxLength(errors, n.Title, L.TitleMaxLength, "The title", "title");
        if (n.EventAt is { } eventAt)
        {
            if (eventAt > now + ClockSkew)
                errors.Add("IN_FUTURE", "A report describes an event that has happened: the event time is in the future.", "eventAt");
            else if (DateOnly.FromDateTime(eventAt.UtcDateTime) < EarliestDate)
                errors.Add("INVALID_DATE", "The event time is before 1900.", "eventAt");
        }
        MaxLength(errors, n.EventCity, L.CityMaxLength, "The city", "eventCity");
        if (n.EventState is { } state && !UsStates.IsCode(state))
            errors.Add("INVALID_STATE", $"'{state}' is not a US state or territory code (e.g. NY).", "eventState");
        MaxLength(errors, n.Supervisor, L.UserNameMaxLength, "The supervisor's user name", "supervisor");
        MaxLength(errors, n.ActionOfficer, L.UserNameMaxLength, "The action officer's user name", "actionOfficer");
        MaxLength(errors, n.CaseReference, L.CaseReferenceMaxLength, "The case reference", "caseReference");

        var referenceDate = n.EventAt is { } at && at <= now + ClockSkew ? DateOnly.FromDateTime(at.UtcDateTime) : today;
        var people = n.People ?? [];
        if (people.Count > L.MaxPeople) errors.Add("TOO_MANY", $"A report may name at most {L.MaxPeople} people.", "people");
        for (var i = 0; i < people.Count; i++)
            ValidatePerson(errors, people[i], today, referenceDate, "people", Index(i));

        var contacts = n.Contacts ?? [];
        if (contacts.Count > L.MaxContacts) errors.Add("TOO_MANY", $"A report may have at most {L.MaxContacts} contacts.", "contacts");
        for (var i = 0; i < contacts.Count; i++)
            ValidateContact(errors, contacts[i], "contacts", Index(i));

        var narratives = n.Narratives ?? [];
        if (narratives.Count > L.MaxNarratives) errors.Add("TOO_MANY", $"A report may have at most {L.MaxNarratives} narratives.", "narratives");
        for (var i = 0; i < narratives.Count; i++)
        {
            var narrative = narratives[i];
            if (narrative.Text.Length == 0) errors.Add("REQUIRED", "A narrative needs text.", "narratives", Index(i), "text");
            else MaxLength(errors, narrative.Text, L.NarrativeMaxLength, "A narrative", "narratives", Index(i), "text");
            MaxLength(errors, narrative.Heading, L.HeadingMaxLength, "A narrative heading", "narratives", Index(i), "heading");
        }

        return new ReportEnvelopeValidation(n, errors.List);
    }

    private static void ValidatePerson(Errors errors, PersonInput p, DateOnly today, DateOnly referenceDate, params string[] at)
    {
        if (p.LastName is null && !p.NameUnknown)
            errors.Add("REQUIRED", "A last name is required (a single name goes in lastName); set nameUnknown when the person is not identified.", [.. at, "lastName"]);
        MaxLength(errors, p.FirstName, L.NameMaxLength, "A first name", [.. at, "firstName"]);
        MaxLength(errors, p.MiddleName, L.NameMaxLength, "A middle name", [.. at, "middleName"]);
        MaxLength(errors, p.LastName, L.NameMaxLength, "A last name", [.. at, "lastName"]);

        var dobUsable = false;
        if (p.DateOfBirth is { } dob)
        {
            if (dob > today) errors.Add("IN_FUTURE", "The date of birth is in the future.", [.. at, "dateOfBirth"]);
            else if (dob < EarliestDate) errors.Add("INVALID_DATE", "The date of birth is before 1900.", [.. at, "dateOfBirth"]);
            else if (dob > referenceDate) errors.Add("INVALID_DATE", "The date of birth is after the event.", [.. at, "dateOfBirth"]);
            else if (AgeOn(dob, today) > MaxAge) errors.Add("INVALID_DATE", $"The date of birth makes the person older than {MaxAge}.", [.. at, "dateOfBirth"]);
            else dobUsable = true;
        }
        if (p.Age is { } age)
        {
            if (age is < 0 or > MaxAge) errors.Add("OUT_OF_RANGE", $"The age must be between 0 and {MaxAge}.", [.. at, "age"]);
            else if (dobUsable && AgeOn(p.DateOfBirth!.Value, referenceDate) is var expected && expected != age)
                errors.Add("INCONSISTENT_AGE", $"The date of birth gives an age of {expected} at the time of the event, not {age}.", [.. at, "age"]);
        }

        Country(errors, p.CountryOfBirth, [.. at, "countryOfBirth"]);
        Country(errors, p.CountryOfCitizenship, [.. at, "countryOfCitizenship"]);
        if (p.Address is { } address) ValidateAddress(errors, address, [.. at, "address"]);

        if (p.ANumber is { } aNumber && !PersonIdentifiers.TryNormalizeANumber(aNumber, out _))
            errors.Add("INVALID_A_NUMBER", "An A-number is an A followed by 7 to 9 digits, e.g. A012345678.", [.. at, "aNumber"]);
        if (p.Fin is { } fin && !PersonIdentifiers.TryNormalizeFin(fin, out _))
            errors.Add("INVALID_FIN", $"A FIN is 1 to {L.FinMaxLength} digits.", [.. at, "fin"]);
        if (p.FbiNumber is { } fbi && !PersonIdentifiers.TryNormalizeFbiNumber(fbi, out _))
            errors.Add("INVALID_FBI_NUMBER", $"An FBI number (UCN) is 1 to {L.FbiNumberMaxLength} letters and digits, e.g. 123456AB1.", [.. at, "fbiNumber"]);
        MaxLength(errors, p.ImmigrationStatus, L.ImmigrationStatusMaxLength, "The immigration status", [.. at, "immigrationStatus"]);
    }

    private static void ValidateAddress(Errors errors, AddressInput a, string[] at)
    {
        MaxLength(errors, a.Street, L.StreetMaxLength, "The street", [.. at, "street"]);
        MaxLength(errors, a.City, L.CityMaxLength, "The city", [.. at, "city"]);
        Country(errors, a.Country, [.. at, "country"]);
        if (a.Country is null or Countries.UnitedStates)
        {
            if (a.State is { } state && !UsStates.IsCode(state))
                errors.Add("INVALID_STATE", $"'{state}' is not a US state or territory code (e.g. NY).", [.. at, "state"]);
            if (a.PostalCode is { } zip && !UsZip().IsMatch(zip))
                errors.Add("INVALID_POSTAL_CODE", "A US postal code is a ZIP code (12345) or ZIP+4 (12345-6789).", [.. at, "postalCode"]);
        }
        else
        {
            MaxLength(errors, a.State, L.AddressStateMaxLength, "The state or region", [.. at, "state"]);
            MaxLength(errors, a.PostalCode, L.PostalCodeMaxLength, "The postal code", [.. at, "postalCode"]);
        }
    }

    private static void ValidateContact(Errors errors, ContactInput c, params string[] at)
    {
        if (c.Name.Length == 0) errors.Add("REQUIRED", "A contact needs a name.", [.. at, "name"]);
        else MaxLength(errors, c.Name, L.ContactNameMaxLength, "A contact name", [.. at, "name"]);
        MaxLength(errors, c.Agency, L.AgencyMaxLength, "An agency", [.. at, "agency"]);
        if (c.Phone is { } phone && (phone.Length > L.PhoneMaxLength || !IsPhone(phone)))
            errors.Add("INVALID_PHONE", "A phone number has 7 to 15 digits, e.g. +1 212-555-0100 or (212) 555-0100 x123.", [.. at, "phone"]);
        if (c.Email is { } email && (email.Length > L.EmailMaxLength || !Email().IsMatch(email)))
            errors.Add("INVALID_EMAIL", "Not an e-mail address (name@example.gov).", [.. at, "email"]);
    }

    /// <summary>
    /// The input trimmed, blanks as null, codes upper case, identifiers in their stored form when they
    /// are valid (invalid ones are kept trimmed and upper case, for the error message and a retry).
    /// </summary>
    public static ReportEnvelopeInput Normalize(ReportEnvelopeInput input) => new(
        (input.Title ?? "").Trim(),
        input.EventAt?.ToUniversalTime(),
        Text(input.EventCity),
        Code(input.EventState),
        Text(input.Supervisor),
        Text(input.ActionOfficer),
        Text(input.CaseReference),
        input.People?.Select(NormalizePerson).ToList(),
        input.Contacts?.Select(c => c with { Name = (c.Name ?? "").Trim(), Agency = Text(c.Agency), Phone = Text(c.Phone), Email = Text(c.Email) }).ToList(),
        input.Narratives?.Select(x => x with { Text = (x.Text ?? "").Trim(), Heading = Text(x.Heading) }).ToList());

    private static PersonInput NormalizePerson(PersonInput p) => p with
    {
        FirstName = Text(p.FirstName),
        MiddleName = Text(p.MiddleName),
        LastName = Text(p.LastName),
        CountryOfBirth = Code(p.CountryOfBirth),
        CountryOfCitizenship = Code(p.CountryOfCitizenship),
        Address = NormalizeAddress(p.Address),
        ANumber = Identifier(p.ANumber, PersonIdentifiers.TryNormalizeANumber),
        Fin = Identifier(p.Fin, PersonIdentifiers.TryNormalizeFin),
        FbiNumber = Identifier(p.FbiNumber, PersonIdentifiers.TryNormalizeFbiNumber),
        ImmigrationStatus = Text(p.ImmigrationStatus),
    };

    private static AddressInput? NormalizeAddress(AddressInput? a)
    {
        if (a is null) return null;
        var country = Code(a.Country);
        var us = country is null or Countries.UnitedStates;
        var postalCode = Text(a.PostalCode);
        if (us && postalCode is not null && UsZipLoose().Match(postalCode) is { Success: true } zip)
            postalCode = zip.Groups[2].Success ? $"{zip.Groups[1].Value}-{zip.Groups[2].Value}" : zip.Groups[1].Value;
        var normalized = new AddressInput(Text(a.Street), Text(a.City), us ? Code(a.State) : Text(a.State), postalCode, country);
        return normalized == new AddressInput() ? null : normalized;
    }

    /// <summary>Whole years from <paramref name="dateOfBirth"/> to <paramref name="on"/>; someone born on February 29 is a year older on February 28 of a common year.</summary>
    public static int AgeOn(DateOnly dateOfBirth, DateOnly on)
    {
        var age = on.Year - dateOfBirth.Year;
        if (on < dateOfBirth.AddYears(age)) age--;
        return age;
    }

    private static bool IsPhone(string phone)
    {
        var match = Phone().Match(phone);
        if (!match.Success) return false;
        var digits = match.Groups["number"].Value.Count(char.IsAsciiDigit);
        return digits is >= 7 and <= 15;
    }

    private static void Country(Errors errors, string? code, string[] path)
    {
        if (code is not null && !Countries.IsAlpha3(code))
            errors.Add("INVALID_COUNTRY", $"'{code}' is not an ISO 3166-1 alpha-3 country code (e.g. USA, MEX).", path);
    }

    private static void MaxLength(Errors errors, string? value, int max, string what, params string[] path)
    {
        if (value is { Length: var length } && length > max)
            errors.Add("TOO_LONG", $"{what} may have at most {max.ToString("N0", CultureInfo.InvariantCulture)} characters.", path);
    }

    private delegate bool TryNormalize(string? input, out string normalized);

    private static string? Identifier(string? value, TryNormalize normalize) =>
        Text(value) is { } text ? (normalize(text, out var normalized) ? normalized : text.ToUpperInvariant()) : null;

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? Code(string? value) => Text(value)?.ToUpperInvariant();

    private static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\d{5}(-\d{4})?$")]
    private static partial Regex UsZip();

    [GeneratedRegex(@"^(\d{5})(?:[\s-]?(\d{4}))?$")]
    private static partial Regex UsZipLoose();

    [GeneratedRegex(@"^(?<number>\+?[0-9(][0-9 ()\-./]*[0-9])(?:\s*(?:x|ext\.?|extension)\s*[0-9]{1,6})?$", RegexOptions.IgnoreCase)]
    private static partial Regex Phone();

    [GeneratedRegex(@"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")]
    private static partial Regex Email();

    private sealed class Errors(IReadOnlyList<string> basePath)
    {
        public List<UserError> List { get; } = [];

        public void Add(string code, string message, params string[] path) => List.Add(new UserError(code, message, [.. basePath, .. path]));
    }
}
