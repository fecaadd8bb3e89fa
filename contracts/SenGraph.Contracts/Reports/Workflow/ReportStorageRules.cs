namespace SenGraph.Contracts.Reports.Workflow;

/// <summary>
/// What a report's rows get as they are stored, whichever way they are written: the kit's contexts apply it in
/// <c>SaveChanges</c>, and <c>seed generate</c>'s bulk rows, which bypass <c>SaveChanges</c>, apply it before they are
/// written. Rows without it would have no retention dates (recomputed for every report at the next start) and people
/// a search by name never finds.
/// </summary>
public static class ReportStorageRules
{
    /// <summary>The retention dates of a report (not of a revision snapshot) under its type's schedule.</summary>
    public static void ApplyRetention(ReportTypeOptions options, Report report)
    {
        if (!report.IsRevisionSnapshot) RetentionDates.Apply(options.Retention, report, options.RetentionTriggerValue);
    }

    /// <summary>The key a search by name compares (<see cref="ReportPerson.LastNameKey"/>).</summary>
    public static void ApplySearchKey(ReportPerson person) => person.LastNameKey = person.LastName?.ToUpperInvariant();

    /// <summary>Both, for a report built in memory with its people.</summary>
    public static void Apply(ReportTypeOptions options, Report report)
    {
        ApplyRetention(options, report);
        foreach (var person in report.People) ApplySearchKey(person);
    }
}
