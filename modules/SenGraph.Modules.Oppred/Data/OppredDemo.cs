using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Reports.Demo;
using SenGraph.Contracts.Reports.Kit;
using SenGraph.Contracts.Reports.Workflow;

namespace SenGraph.Modules.Oppred.Data;

/// <summary>The OPPREDs <c>seed demo</c> writes: arrests for each qualifying offence in turn, the suspect's criminal history, and a victim under 18 described without a name.</summary>
public static class OppredDemo
{
    public static (ReportEnvelopeInput Envelope, ReportDetails<OppredReport> Details) Report(ReportTypeDefinition<OppredReport> type, DemoReportRequest request, bool amended)
    {
        var i = request.Index;
        var place = request.Place;
        var offence = DemoValues.Pick(Enum.GetValues<OppredQualifyingOffence>(), i);
        var suspect = DemoValues.Person(PersonRole.Suspect, i + 40);
        var details = type.DetailsOf(r =>
        {
            r.Category = OppredCategory.SignificantArrest;
            r.QualifyingOffence = offence;
            r.Notes = offence == OppredQualifyingOffence.OtherSexualOffenceAgainstMinor
                ? "Indecent exposure to a minor; the victim's details are in the victim information."
                : "Arrest made under a federal warrant; devices seized for forensic review.";
            if (offence == OppredQualifyingOffence.ChildSexualAbuseMaterial) r.SeizedProperty = $"{2 + i % 4} laptops and {3 + i % 5} external drives.";
            r.Victims =
            [
                new()
                {
                    AgeGroup = DemoValues.Pick([OppredVictimAgeGroup.SixToEleven, OppredVictimAgeGroup.TwelveToFifteen, OppredVictimAgeGroup.SixteenToSeventeen], i),
                    Sex = i % 2 == 0 ? OppredVictimSex.Female : OppredVictimSex.Male,
                    SmugglingOrTraffickingVictim = offence == OppredQualifyingOffence.SexTraffickingOfMinor,
                    RelationshipToOffender = offence == OppredQualifyingOffence.EnticementOfMinor ? OppredOffenderRelationship.OnlineContact : OppredOffenderRelationship.Acquaintance,
                    CountryOfBirth = suspect.CountryOfBirth,
                    CountryOfCitizenship = "USA",
                },
            ];
            // The checks count the envelope's people for personPosition: the suspect is person 0.
            r.People = [new ReportPerson { Role = PersonRole.Suspect, FirstName = suspect.FirstName, LastName = suspect.LastName }];
            r.CriminalHistory =
            [
                new()
                {
                    PersonPosition = 0,
                    ArrestCity = place.City,
                    ArrestState = place.State,
                    RegisteredSexOffender = i % 3 == 0,
                    Fugitive = i % 7 == 0,
                    PriorArrests = i % 4,
                    PriorConvictions = i % 4 / 2,
                },
            ];
        });
        List<PersonInput> people = [suspect];
        if (amended) people.Add(DemoValues.Person(PersonRole.Suspect, i + 41));
        var narrative = $"Operation Predator: agents of {request.Author.Office} arrested {suspect.FirstName} {suspect.LastName} in {place.City}, {place.State}."
            + (amended ? " Amended: a co-conspirator was identified from the seized devices." : "");
        var envelope = new ReportEnvelopeInput(
            $"Operation Predator arrest in {place.City}",
            EventAt: request.EventAt,
            EventCity: place.City,
            EventState: place.State,
            CaseReference: $"DEMO-OP-{request.EventAt:yyyy}-{2000 + i}",
            People: people,
            Contacts: [DemoValues.ReportingContact(request.Author, i)],
            Narratives: [DemoValues.Narrative(narrative)]);
        return (envelope, details);
    }
}
