namespace SenGraph.Contracts.Reports.Workflow;

/// <summary>
/// A report's records dates (PIA 3.2) under its type's <see cref="RetentionSchedule"/>: the cut-off (the last day, 30 September,
/// of the agency fiscal year in which the trigger falls, Eastern time), and the first days on which it is due for transfer and
/// for destruction (the anniversaries of the day after the cut-off). All null while unscheduled or while the trigger is unset.
/// </summary>
public readonly record struct RetentionDates(DateOnly? CutOff, DateOnly? TransferOn, DateOnly? DestroyOn)
{
    public static RetentionDates None { get; } = new(null, null, null);

    /// <summary>The last day of the agency fiscal year of <paramref name="at"/> (see <see cref="ReportNumber.FiscalYear"/>).</summary>
    public static DateOnly CutOffOf(DateTimeOffset at) => new(ReportNumber.FiscalYear(at), 9, 30);

    /// <summary>The last day of the agency fiscal year of the calendar day <paramref name="day"/> (1 October starts the next).</summary>
    public static DateOnly CutOffOf(DateOnly day) => new(day.Month >= 10 ? day.Year + 1 : day.Year, 9, 30);

    /// <summary>The dates <paramref name="schedule"/> gives <paramref name="report"/>; <paramref name="triggerField"/> reads a FIELD trigger.</summary>
    public static RetentionDates Of(RetentionSchedule schedule, Report report, Func<Report, object?>? triggerField)
    {
        object? trigger = schedule.Trigger switch
        {
            RetentionTrigger.IncidentDate => report.EventAt,
            RetentionTrigger.Creation => report.CreatedAt == default ? null : report.CreatedAt,
            RetentionTrigger.Field => triggerField?.Invoke(report),
            _ => null,
        };
        DateOnly? cutOff = trigger switch
        {
            DateTimeOffset at => CutOffOf(at),
            DateOnly day => CutOffOf(day),
            _ => null,
        };
        if (cutOff is not { } end) return None;
        var firstDayAfter = end.AddDays(1);
        return new RetentionDates(end,
            schedule.TransferAfterYears is { } t ? firstDayAfter.AddYears(t) : null,
            schedule.DestroyAfterYears is { } d ? firstDayAfter.AddYears(d) : null);
    }

    /// <summary>Stores the dates and the schedule's <see cref="RetentionSchedule.Key"/> on <paramref name="report"/>.</summary>
    public static void Apply(RetentionSchedule schedule, Report report, Func<Report, object?>? triggerField)
    {
        var dates = Of(schedule, report, triggerField);
        report.RetentionKey = schedule.Key;
        report.RetentionCutOff = dates.CutOff;
        report.RetentionTransferOn = dates.TransferOn;
        report.RetentionDestroyOn = dates.DestroyOn;
    }
}
