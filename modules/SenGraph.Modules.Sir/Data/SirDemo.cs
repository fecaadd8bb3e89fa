using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Reports.Demo;
using SenGraph.Contracts.Reports.Kit;
using SenGraph.Contracts.Reports.Workflow;

namespace SenGraph.Modules.Sir.Data;

/// <summary>The SIRs <c>seed demo</c> writes: one of each category in turn, with suspects, victims and property as the category has them.</summary>
public static class SirDemo
{
    public static (ReportEnvelopeInput Envelope, ReportDetails<SirReport> Details) Report(ReportTypeDefinition<SirReport> type, DemoReportRequest request, bool amended)
    {
        var i = request.Index;
        var place = request.Place;
        var category = DemoValues.Pick(Enum.GetValues<SirCategory>(), i);
        var suspect = DemoValues.Person(PersonRole.Suspect, i);
        var details = type.DetailsOf(r =>
        {
            r.Category = category;
            switch (category)
            {
                case SirCategory.SignificantArrest: r.Notes = "Arrest made without incident; subject transported for processing."; break;
                case SirCategory.AssaultOnEmployee: (r.Injuries, r.Hospital) = ("Officer sustained a sprained wrist during the arrest.", "Fictional General Hospital"); break;
                case SirCategory.FirearmDischargeInvolvingEmployee: r.Notes = "No injuries; the weapon was secured and the scene held for OPR."; break;
                case SirCategory.SignificantSeizure: r.SeizedProperty = $"{12 + i % 30} kg of a white powder that field-tested positive, and $ {40_000 + i * 1_250:N0} in currency."; break;
                default: r.Notes = "Event reported for situational awareness."; break;
            }
        });
        var title = category switch
        {
            SirCategory.SignificantArrest => $"Significant arrest at {place.Site}",
            SirCategory.AssaultOnEmployee => $"Assault on an officer during an arrest in {place.City}",
            SirCategory.FirearmDischargeInvolvingEmployee => $"Firearm discharge during an enforcement action in {place.City}",
            SirCategory.SignificantSeizure => $"Seizure of narcotics and currency at {place.Site}",
            _ => $"Incident at {place.Site}",
        };
        List<PersonInput> people = [suspect];
        if (category == SirCategory.AssaultOnEmployee) people.Add(DemoValues.Person(PersonRole.Victim, i + 1, withIdentifiers: false));
        if (amended) people.Add(DemoValues.Person(PersonRole.Suspect, i + 2));
        var narrative = $"At about {request.EventAt:HH:mm} UTC agents of {request.Author.Office} encountered {suspect.FirstName} {suspect.LastName} at {place.Site}, {place.City}, {place.State}."
            + (amended ? " Amended: a second suspect was identified from the booking record." : "");
        var envelope = new ReportEnvelopeInput(
            title,
            EventAt: request.EventAt,
            EventCity: place.City,
            EventState: place.State,
            CaseReference: $"DEMO-{request.EventAt:yyyy}-{1000 + i}",
            People: people,
            Contacts: [DemoValues.ReportingContact(request.Author, i)],
            Narratives: [DemoValues.Narrative(narrative)]);
        return (envelope, details);
    }
}
