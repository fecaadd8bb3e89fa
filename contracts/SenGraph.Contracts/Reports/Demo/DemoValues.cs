using SenGraph.Contracts.Reports.Workflow;

namespace SenGraph.Contracts.Reports.Demo;

/// <summary>A place demo events happen at: a city, its state, and the directory area whose offices cover it.</summary>
public sealed record DemoPlace(string City, string State, string Area, string Site);

/// <summary>
/// Fictional values demo reports are made of, shared by every module so the demo data reads as one agency's.
/// Names are invented, identifiers are well-formed but fictitious, and every demo report says that it is demo data.
/// All choices are by index, so the same seed gives the same data.
/// </summary>
public static class DemoValues
{
    /// <summary>The sentence every demo report's first narrative starts with.</summary>
    public const string Disclaimer = "Fictional demonstration data written by `seed demo`; no real person or event.";

    public static IReadOnlyList<DemoPlace> Places { get; } =
    [
        new("New York", "NY", "NYC", "JFK International Airport, Terminal 4"),
        new("Albany", "NY", "NYC", "Albany County Airport cargo facility"),
        new("Newark", "NJ", "NYC", "Port Newark container terminal"),
        new("Boston", "MA", "BOS", "Conley Container Terminal"),
        new("Providence", "RI", "BOS", "Providence bus terminal"),
        new("Worcester", "MA", "BOS", "a warehouse on Route 146"),
    ];

    private static readonly string[] FirstNames = ["Marco", "Elena", "Tomas", "Irina", "Kofi", "Lucia", "Dmitri", "Ana", "Omar", "Mei", "Pavel", "Rosa"];
    private static readonly string[] LastNames = ["Vantrell", "Quillon", "Ostrava", "Delacorte", "Brannigan", "Mistral", "Okonkwo", "Halvorsen", "Castellan", "Ferreiro", "Novak", "Tarrant"];
    private static readonly string[] Countries = ["MEX", "GTM", "HND", "COL", "DOM", "UKR", "CHN", "NGA"];
    private static readonly string[] Reasons =
    [
        "Corrected the time of the event after the arrest paperwork was reviewed.",
        "Added the second suspect's date of birth from the booking record.",
        "Updated the narrative with the outcome of the initial appearance.",
    ];

    public static DemoPlace Place(int index) => Places[index % Places.Count];

    public static T Pick<T>(IReadOnlyList<T> values, int index) => values[((index % values.Count) + values.Count) % values.Count];

    /// <summary>A fictional person in <paramref name="role"/>; <paramref name="index"/> varies the name, birth date and identifiers.</summary>
    public static PersonInput Person(string role, int index, bool withIdentifiers = true)
    {
        var year = 1965 + (index * 7) % 38;
        return new PersonInput(
            role,
            FirstName: Pick(FirstNames, index),
            LastName: Pick(LastNames, index * 5 + 3),
            DateOfBirth: new DateOnly(year, 1 + index % 12, 1 + (index * 3) % 28),
            Sex: index % 3 == 0 ? Sex.Female : Sex.Male,
            CountryOfBirth: Pick(Countries, index),
            CountryOfCitizenship: Pick(Countries, index),
            ANumber: withIdentifiers ? $"A0{99_000_000 + index * 7_919 % 1_000_000:D8}" : null,
            FbiNumber: withIdentifiers ? $"{900_000 + index * 37 % 100_000:D6}DM{index % 10}" : null); // six digits for every index: from 2,703 on, 900,000 + index × 37 had seven and drafting refused the report
    }

    /// <summary>The ICE employee who reports, with a fictional phone number (555-01xx) and address.</summary>
    public static ContactInput ReportingContact(ReportViewer author, int index) =>
        new(ContactKind.ReportingPersonnel, $"Duty desk of {author.Office}", "ICE", $"(212) 555-01{index % 100:D2}", $"duty.{(author.Office ?? "hq").ToLowerInvariant()}@example.gov");

    /// <summary>Why a demo amendment was made.</summary>
    public static string AmendmentReason(int index) => Pick(Reasons, index);

    /// <summary>The first narrative of every demo report: it says it is demo data, then <paramref name="text"/>.</summary>
    public static NarrativeInput Narrative(string text) => new($"{Disclaimer} {text}", "Summary");
}
