using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Reports.Demo;
using SenGraph.Contracts.Reports.Kit;
using SenGraph.Contracts.Reports.Workflow;

namespace SenGraph.Modules.EroLead.Data;

/// <summary>
/// The ERO LEADs <c>seed demo</c> writes: each subject category and source in turn, about a person (with the PIA's criminal
/// history and entry details) or, every fourth, a business named by its only name; the reporting personnel and their supervisor.
/// </summary>
public static class EroLeadDemo
{
    private static readonly string[] Businesses = ["Fictional Freight LLC", "Harborview Auto Export", "Quillon Money Transfer", "Tarrant Staffing Services"];

    public static (ReportEnvelopeInput Envelope, ReportDetails<EroLeadReport> Details) Report(ReportTypeDefinition<EroLeadReport> type, DemoReportRequest request, bool amended)
    {
        var i = request.Index;
        var place = request.Place;
        var subject = DemoValues.Pick(Enum.GetValues<EroLeadSubject>(), i);
        var source = DemoValues.Pick(Enum.GetValues<EroLeadSource>(), i / 2);
        var business = i % 4 == 3;
        var person = business
            ? new PersonInput(EroLeadModule.Organisation, LastName: DemoValues.Pick(Businesses, i))
            : DemoValues.Person(PersonRole.Subject, i + 200);
        var named = business ? person.LastName! : $"{person.FirstName} {person.LastName}";
        var details = type.DetailsOf(r =>
        {
            r.Subject = subject;
            r.Source = source;
            // The checks count the envelope's people for personPosition: the person the lead concerns is person 0.
            r.People = [new ReportPerson { Role = person.Role, FirstName = person.FirstName, LastName = person.LastName }];
            r.PersonDetails = business ? [] :
            [
                new()
                {
                    PersonPosition = 0,
                    MothersMaidenName = DemoValues.Person(PersonRole.Witness, i + 210).LastName,
                    CitizenshipStatus = i % 3 == 0 ? "Lawful permanent resident" : "Not a citizen",
                    EntryDate = new DateOnly(2000 + i % 20, 1 + i % 12, 1 + i % 28),
                    ArrestCity = i % 2 == 0 ? place.City : null,
                    ArrestState = i % 2 == 0 ? place.State : null,
                    RegisteredSexOffender = false,
                    Fugitive = subject == EroLeadSubject.Fugitive,
                    AggravatedFelon = i % 5 == 0,
                    PriorArrestsAndConvictions = i % 2 == 0 ? $"{1 + i % 3} prior arrests for state drug offences." : null,
                },
            ];
        });
        var envelope = new ReportEnvelopeInput(
            $"{Words(subject.ToString())} lead on {named}",
            EventAt: request.EventAt,
            EventCity: place.City,
            EventState: place.State,
            People: [person],
            Contacts: [DemoValues.ReportingContact(request.Author, i), new ContactInput(ContactKind.Supervisor, $"Supervisory officer of {request.Author.Office}", "ICE")],
            Narratives: [DemoValues.Narrative($"{Words(source.ToString())} at {place.Site} points to {named}."
                + (amended ? " Amended: the lead was corroborated by a second source." : ""))]);
        return (envelope, details);
    }

    private static string Words(string name) =>
        string.Concat(name.Select((c, k) => k > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));
}
