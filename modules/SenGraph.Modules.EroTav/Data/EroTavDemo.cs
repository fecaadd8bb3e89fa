using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Reports.Demo;
using SenGraph.Contracts.Reports.Kit;
using SenGraph.Contracts.Reports.Workflow;

namespace SenGraph.Modules.EroTav.Data;

/// <summary>
/// The ERO TAVs <c>seed demo</c> writes: each kind of requesting agency in turn interviews a detainee (name, A-number, FIN)
/// at a detention facility near the author's office; the requesting official, the ERO point of contact and the reporter.
/// </summary>
public static class EroTavDemo
{
    private static readonly (string Agency, EroTavAgencyType Type)[] Agencies =
    [
        ("Federal Bureau of Investigation, {0} field office", EroTavAgencyType.Federal),
        ("{1} State Police", EroTavAgencyType.State),
        ("{0} Police Department", EroTavAgencyType.Local),
        ("Fictional Tribal Police", EroTavAgencyType.Tribal),
        ("Fictional National Police liaison office", EroTavAgencyType.Foreign),
        ("INTERPOL Washington", EroTavAgencyType.International),
    ];

    public static (ReportEnvelopeInput Envelope, ReportDetails<EroTavReport> Details) Report(ReportTypeDefinition<EroTavReport> type, DemoReportRequest request, bool amended)
    {
        var i = request.Index;
        var place = request.Place;
        var (pattern, agencyType) = DemoValues.Pick(Agencies, i);
        var agency = string.Format(pattern, place.City, place.State);
        var detainee = DemoValues.Person(PersonRole.Detainee, i + 240) with { Fin = $"{1_000_000 + i * 7_919 % 9_000_000}" };
        var details = type.DetailsOf(r =>
        {
            r.RequestingAgency = agency;
            r.AgencyType = agencyType;
            r.VisitDate = DateOnly.FromDateTime(request.EventAt.UtcDateTime);
            r.Facility = $"{place.City} area detention facility";
        });
        var envelope = new ReportEnvelopeInput(
            $"Third agency visit by {agency}",
            EventAt: request.EventAt,
            EventCity: place.City,
            EventState: place.State,
            People: [detainee],
            Contacts:
            [
                DemoValues.ReportingContact(request.Author, i),
                new ContactInput(EroTavModule.RequestingOfficial, $"Investigator {DemoValues.Person(PersonRole.Witness, i + 250).LastName}", agency, $"(555) 555-04{i % 100:D2}"),
                new ContactInput(EroTavModule.EroPointOfContact, $"Deportation officer of {request.Author.Office}", "ICE ERO"),
            ],
            Narratives: [DemoValues.Narrative($"{agency} interviewed the detainee about an open investigation; ERO escorted."
                + (amended ? " Amended: a second interview is scheduled." : ""))]);
        return (envelope, details);
    }
}
