using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Reports.Demo;
using SenGraph.Contracts.Reports.Kit;
using SenGraph.Contracts.Reports.Workflow;

namespace SenGraph.Modules.Leara.Data;

/// <summary>
/// The LEARAs <c>seed demo</c> writes: requests from police departments, sheriffs, state police, tribal police and other
/// federal agencies near the author's office, with the four contacts of the memo; every other one answered and response
/// completed (an amendment records the answer of one still open).
/// </summary>
public static class LearaDemo
{
    private static readonly (string Name, LearaAgencyLevel Level)[] Agencies =
    [
        ("{0} Police Department", LearaAgencyLevel.Municipal),
        ("{0} County Sheriff's Office", LearaAgencyLevel.County),
        ("{1} State Police", LearaAgencyLevel.State),
        ("Fictional Tribal Police", LearaAgencyLevel.Tribal),
        ("U.S. Marshals Service, {0}", LearaAgencyLevel.OtherFederal),
    ];

    public static (ReportEnvelopeInput Envelope, ReportDetails<LearaReport> Details) Report(ReportTypeDefinition<LearaReport> type, DemoReportRequest request, bool amended)
    {
        var i = request.Index;
        var place = request.Place;
        var (pattern, level) = DemoValues.Pick(Agencies, i);
        var agency = string.Format(pattern, place.City, place.State);
        var subject = DemoValues.Person(PersonRole.Subject, i + 160);
        var received = DateOnly.FromDateTime(request.EventAt.UtcDateTime);
        // Answered the same day or up to three days later, never after the event time the plan gives (always in the past).
        var answered = amended || i % 2 == 0;
        var outcome = DemoValues.Pick(Enum.GetValues<LearaOutcome>(), i);
        var details = type.DetailsOf(r =>
        {
            r.RequestingAgency = agency;
            r.AgencyLevel = level;
            r.AgencyState = level is LearaAgencyLevel.Tribal or LearaAgencyLevel.OtherFederal ? null : place.State;
            r.AgencyOri = level is LearaAgencyLevel.Municipal or LearaAgencyLevel.County ? $"{place.State}{(1_000_000 + i * 7_919) % 10_000_000:D7}" : null;
            r.ReceivedOn = received.AddDays(-(i % 4));
            r.Program = DemoValues.Pick([LearaProgram.Ero, LearaProgram.Hsi, LearaProgram.Dro, LearaProgram.Oi], i);
            r.Request = $"{agency} holds {subject.FirstName} {subject.LastName} on a state charge and asks whether ICE has an interest.";
            r.Outcome = answered ? outcome : null;
            r.Disposition = answered
                ? outcome switch
                {
                    LearaOutcome.AssistanceProvided => $"Record checks run; a detainer was lodged for {subject.FirstName} {subject.LastName}.",
                    LearaOutcome.Referred => "Referred to the HSI special agent on duty.",
                    LearaOutcome.Declined => "No ICE interest; the agency was told the same day.",
                    _ => "The agency released the subject before ICE acted; no response needed.",
                }
                : null;
            r.ResponseCompletedOn = answered ? received : null;
        });
        var envelope = new ReportEnvelopeInput(
            $"Request for assistance from {agency}",
            EventAt: request.EventAt,
            EventCity: place.City,
            EventState: place.State,
            People: [subject],
            Contacts:
            [
                new ContactInput(LearaModule.RequestingParty, $"Officer {DemoValues.Person(PersonRole.Witness, i + 170).LastName}", agency, $"(555) 555-03{i % 100:D2}"),
                new ContactInput(LearaModule.ReceivedBy, $"Duty desk of {request.Author.Office}", "ICE", $"(212) 555-01{i % 100:D2}"),
                new ContactInput(LearaReport.ForwardedTo, $"Enforcement officer of {request.Author.Office}", "ICE"),
                new ContactInput(LearaReport.DutyOfficer, $"Duty officer of {request.Author.Office}", "ICE"),
            ],
            Narratives: [DemoValues.Narrative(amended ? "Request for assistance; the disposition was recorded by amendment." : "Request for assistance.")]);
        return (envelope, details);
    }
}
