using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Reports.Demo;
using SenGraph.Contracts.Reports.Kit;
using SenGraph.Contracts.Reports.Workflow;

namespace SenGraph.Modules.Spear.Data;

/// <summary>The SPEARs <c>seed demo</c> writes: each kind of activity in turn, planned days to weeks after drafting, suspects for enforcement actions.</summary>
public static class SpearDemo
{
    public static (ReportEnvelopeInput Envelope, ReportDetails<SpearReport> Details) Report(ReportTypeDefinition<SpearReport> type, DemoReportRequest request, bool amended)
    {
        var i = request.Index;
        var place = request.Place;
        var kind = DemoValues.Pick(Enum.GetValues<SpearActivityKind>(), i);
        var details = type.DetailsOf(r =>
        {
            r.ActivityKind = kind;
            r.PlannedAt = request.EventAt.AddDays(3 + i % 20 + (amended ? 1 : 0));
            r.ActivityLocation = r.Enforcement ? $"{100 + i} Fictional Avenue, {place.City}, {place.State}" : $"{place.City} field office conference room";
            r.ActivityDescription = r.Enforcement
                ? $"Execute a federal {kind.ToString().ToLowerInvariant()} warrant with {4 + i % 6} agents; local police notified on the day."
                : $"{kind} for field staff of {request.Author.Office}.";
            r.Program = r.Enforcement ? "Demonstration Program" : null;
            r.ProgramCaseNumber = r.Enforcement ? $"DEMO-CASE-{3000 + i}" : null;
        });
        var enforcement = kind is SpearActivityKind.Search or SpearActivityKind.Arrest or SpearActivityKind.Seizure;
        List<PersonInput> people = enforcement ? [DemoValues.Person(PersonRole.Suspect, i + 80)] : [];
        var envelope = new ReportEnvelopeInput(
            enforcement ? $"Planned {kind.ToString().ToLowerInvariant()} in {place.City}" : $"{kind} in {place.City}",
            EventCity: place.City,
            EventState: place.State,
            People: people,
            Contacts: [DemoValues.ReportingContact(request.Author, i)],
            Narratives: [DemoValues.Narrative(amended ? "Proposed activity; the date moved by a day after coordination with local police." : "Proposed activity.")]);
        return (envelope, details);
    }
}
