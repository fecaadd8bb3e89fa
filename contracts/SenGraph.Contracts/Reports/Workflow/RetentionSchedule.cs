using System.ComponentModel;

namespace SenGraph.Contracts.Reports.Workflow;

/// <summary>What starts a report type's retention clock (the end of the agency fiscal year it falls in, see <see cref="ReportNumber.FiscalYear"/>).</summary>
[Description("What starts a report type's retention clock: the end of the agency fiscal year (1 October to 30 September, Eastern time) in which it falls.")]
public enum RetentionTrigger
{
    /// <summary>When the event happened (<c>eventAt</c>).</summary>
    [Description("When the event happened (the report's eventAt).")]
    IncidentDate,

    /// <summary>When the report was created (<c>createdAt</c>).</summary>
    [Description("When the report was created (createdAt).")]
    Creation,

    /// <summary>A date the type declares (<see cref="RetentionSchedule.TriggerField"/>), e.g. when the response was completed.</summary>
    [Description("A date field the report type declares (triggerField), e.g. when the response was completed.")]
    Field,
}

/// <summary>
/// A report type's records retention schedule (PIA 3.2), declared by the type: what starts the clock, how many years after the
/// end of that agency fiscal year the records are destroyed and transferred (to the National Archives), or unscheduled.
/// Computing the dates per report is the records work's; the kit only states the schedule.
/// </summary>
public sealed record RetentionSchedule
{
    /// <summary>No approved schedule yet: the type's reports are kept until one is.</summary>
    public static RetentionSchedule Unscheduled { get; } = new();

    /// <summary>Whether the type has a schedule; false: its reports are kept until one is approved.</summary>
    public bool IsScheduled => Trigger is not null;

    /// <summary>What starts the clock; null when unscheduled.</summary>
    public RetentionTrigger? Trigger { get; init; }

    /// <summary>For <see cref="RetentionTrigger.Field"/>: the GraphQL name of the type's date field, e.g. <c>responseCompletedAt</c>.</summary>
    public string? TriggerField { get; init; }

    /// <summary>Years after the end of the trigger's fiscal year when the records are destroyed; null: kept permanently.</summary>
    public int? DestroyAfterYears { get; init; }

    /// <summary>Years after the end of the trigger's fiscal year when the records are transferred; null: not transferred.</summary>
    public int? TransferAfterYears { get; init; }

    /// <summary>The schedule in words, e.g. "Destroyed 75 years after the end of the fiscal year of the incident date; transferred after 25 years."</summary>
    public string Summary
    {
        get
        {
            if (Trigger is not { } trigger) return "Unscheduled: kept until a retention schedule is approved.";
            var of = trigger switch
            {
                RetentionTrigger.IncidentDate => "the incident date",
                RetentionTrigger.Creation => "the report's creation",
                _ => TriggerField,
            };
            var destroyed = DestroyAfterYears is { } d
                ? $"Destroyed {d} years after the end of the fiscal year of {of}"
                : $"Kept permanently (counted from the end of the fiscal year of {of})";
            return destroyed + (TransferAfterYears is { } t ? $"; transferred after {t} years." : ".");
        }
    }

    /// <summary>
    /// The schedule in a short stable form stored with each report's dates (<c>Report.RetentionKey</c>), e.g. <c>IncidentDate:75:25</c>,
    /// <c>Field:responseCompletedOn:15:10</c>, <c>Unscheduled</c>: reports stored under another key are recomputed when the module loads.
    /// </summary>
    public string Key => Trigger is not { } trigger
        ? "Unscheduled"
        : string.Join(':', new[] { trigger.ToString(), TriggerField, DestroyAfterYears?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",
            TransferAfterYears?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-" }.Where(p => p is not null));

    /// <summary>Checks the years: positive, and a transfer before destruction.</summary>
    public RetentionSchedule Validated(string what)
    {
        if (DestroyAfterYears is <= 0 || TransferAfterYears is <= 0)
            throw new InvalidOperationException($"{what}: retention years must be positive.");
        if (DestroyAfterYears is { } destroy && TransferAfterYears is { } transfer && transfer > destroy)
            throw new InvalidOperationException($"{what}: records cannot be transferred ({transfer} years) after they are destroyed ({destroy} years).");
        if (Trigger is null && (DestroyAfterYears is not null || TransferAfterYears is not null))
            throw new InvalidOperationException($"{what}: an unscheduled type has no retention years.");
        if ((Trigger == RetentionTrigger.Field) != (TriggerField is not null))
            throw new InvalidOperationException($"{what}: a retention trigger field goes with RetentionTrigger.Field only.");
        return this;
    }
}
