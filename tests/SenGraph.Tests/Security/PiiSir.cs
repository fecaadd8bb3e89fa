namespace SenGraph.Tests.Security;

/// <summary>A SIR input with every PII field filled with a value that appears nowhere else, to look for in responses.</summary>
public static class PiiSir
{
    public const string FirstName = "Sentinelfirst";
    public const string MiddleName = "Sentinelmiddle";
    public const string LastName = "Sentinellast";
    public const string DateOfBirth = "1985-01-01";
    public const string CountryOfBirth = "GTM";
    public const string CountryOfCitizenship = "HND";
    public const string Street = "742 Sentinel Street";
    public const string City = "Sentinelville";
    public const string AddressState = "JAL";
    public const string PostalCode = "44100";
    public const string AddressCountry = "MEX";
    public const string ANumber = "A098765432";
    public const string Fin = "9876543210";
    public const string FbiNumber = "SENT1NEL9";
    public const string ImmigrationStatus = "Sentinel status";
    public const string Injuries = "Sentinel injuries";
    public const string Hospital = "Sentinel General Hospital";
    public const string SpotSubject = "Sentinel subject of a SPOT";
    public const string SpotSummary = "Sentinel summary of a SPOT";
    public const string PriorRecord = "Sentinel prior record";
    public const string ContactName = "Sentinelcontact Officer";
    public const string NarrativeText = "Sentinelnarrative: an officer was assaulted during an arrest.";

    /// <summary>Values only a PII field can return (the short codes and numbers are left out: they might occur by chance).</summary>
    public static readonly string[] Sentinels = [FirstName, MiddleName, LastName, Street, City, ANumber, Fin, FbiNumber, ImmigrationStatus, Injuries, Hospital, SpotSubject, SpotSummary, PriorRecord, ContactName, NarrativeText];

    public static Dictionary<string, object?> Input(string title)
    {
        var eventAt = DateTimeOffset.UtcNow.AddHours(-3);
        return new Dictionary<string, object?>
        {
            ["title"] = title,
            ["category"] = "ASSAULT_ON_EMPLOYEE",
            ["eventAt"] = eventAt.ToString("O"),
            ["eventCity"] = "Boston",
            ["eventState"] = "MA",
            ["injuries"] = Injuries,
            ["hospital"] = Hospital,
            ["people"] = new object[]
            {
                new
                {
                    role = "SUSPECT", firstName = FirstName, middleName = MiddleName, lastName = LastName, dateOfBirth = DateOfBirth,
                    age = AgeOn(eventAt), sex = "MALE", countryOfBirth = CountryOfBirth, countryOfCitizenship = CountryOfCitizenship,
                    address = new { street = Street, city = City, state = AddressState, postalCode = PostalCode, country = AddressCountry },
                    aNumber = ANumber, fin = Fin, fbiNumber = FbiNumber, immigrationStatus = ImmigrationStatus,
                },
            },
            ["contacts"] = new object[] { new { kind = "REPORTING_PERSONNEL", name = ContactName, phone = "(617) 555-0100" } },
            ["narratives"] = new object[] { new { heading = "Incident", text = NarrativeText } },
        };
    }

    // Born on 1 January: the age at the event is the difference of the years.
    private static int AgeOn(DateTimeOffset eventAt) => eventAt.UtcDateTime.Year - 1985;
}
