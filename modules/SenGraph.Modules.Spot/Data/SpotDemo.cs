using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Reports.Demo;
using SenGraph.Contracts.Reports.Kit;
using SenGraph.Contracts.Reports.Workflow;

namespace SenGraph.Modules.Spot.Data;

/// <summary>The SPOT reports <c>seed demo</c> writes: threats and critical incidents in turn, authorised by the author's office.</summary>
public static class SpotDemo
{
    public static (ReportEnvelopeInput Envelope, ReportDetails<SpotReport> Details) Report(ReportTypeDefinition<SpotReport> type, DemoReportRequest request, bool amended)
    {
        var i = request.Index;
        var place = request.Place;
        var nature = DemoValues.Pick(Enum.GetValues<SpotNature>(), i);
        var suspect = DemoValues.Person(PersonRole.Suspect, i + 120);
        var details = type.DetailsOf(r =>
        {
            r.Nature = nature;
            r.Subject = nature == SpotNature.ImminentThreat ? $"Threat against the {place.City} field office" : $"Barricaded subject at {place.Site}";
            r.Summary = $"{suspect.FirstName} {suspect.LastName} " + (nature == SpotNature.ImminentThreat
                ? "posted a threat to attack agents; local police and FPS are informed."
                : "is barricaded after an attempted arrest; the area is secured.")
                + (amended ? " Update: the subject is in custody." : "");
            r.AuthorizingOffice = request.Author.Office;
        });
        var envelope = new ReportEnvelopeInput(
            nature == SpotNature.ImminentThreat ? $"Imminent threat in {place.City}" : $"Critical incident in {place.City}",
            EventAt: request.EventAt,
            EventCity: place.City,
            EventState: place.State,
            People: [suspect],
            Contacts: [DemoValues.ReportingContact(request.Author, i), new ContactInput(SpotModule.GovernmentPointOfContact, "FPS regional duty officer", "Federal Protective Service", $"(212) 555-02{i % 100:D2}")],
            Narratives: [DemoValues.Narrative("Conveyed to headquarters for situational awareness.")]);
        return (envelope, details);
    }
}
