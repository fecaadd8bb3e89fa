using FsCheck;
using FsCheck.Fluent;
using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Reports.Workflow;

namespace SenGraph.Tests.Records;

/// <summary>
/// Property-based tests (FsCheck) of a report's records dates (PIA 3.2): the cut-off is the last day of the agency fiscal year
/// (Eastern time) of the trigger, and transfer and destruction fall on 1 October so many years later, at the fiscal-year edges
/// (30 September 23:59:59 / 1 October 00:00 Eastern), across daylight-saving changes and on leap days.
/// </summary>
public sealed class RetentionDatesPropertyTests
{
    private static readonly RetentionSchedule Sir = new() { Trigger = RetentionTrigger.IncidentDate, DestroyAfterYears = 75, TransferAfterYears = 25 };
    private static readonly RetentionSchedule Ero = new() { Trigger = RetentionTrigger.Creation, DestroyAfterYears = 25, TransferAfterYears = 10 };
    private static readonly RetentionSchedule Leara = new() { Trigger = RetentionTrigger.Field, TriggerField = "responseCompletedOn", DestroyAfterYears = 15, TransferAfterYears = 10 };

    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(2000).WithReplay(20261204UL, 1UL);

    /// <summary>Instants from 2000 to 2150, to the millisecond, with random offsets from UTC-12 to UTC+14.</summary>
    private static Arbitrary<DateTimeOffset> Instants { get; } = Arb.From(
        from ms in Gen.Choose(0, int.MaxValue).Two()
        from offsetQuarters in Gen.Choose(-48, 56)
        let start = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero)
        let at = start.AddMilliseconds(((long)ms.Item1 * int.MaxValue + ms.Item2) % (150L * 365 * 24 * 3600 * 1000))
        select at.ToOffset(TimeSpan.FromMinutes(15 * offsetQuarters)));

    private static Arbitrary<int> Years { get; } = Arb.From(Gen.Choose(2000, 2150));

    private static DateTimeOffset Eastern(int year, int month, int day, int hour, int minute, int second, int ms)
    {
        var local = new DateTime(year, month, day, hour, minute, second, ms, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, AgencyTime.Zone.GetUtcOffset(local));
    }

    private static RetentionDates IncidentAt(DateTimeOffset at) => RetentionDates.Of(Sir, new Report { Type = "SIR", Title = "t", OriginatingOffice = "X", Author = "a", EventAt = at }, null);

    [Fact]
    public void The_cut_off_is_the_30_September_closing_the_Eastern_fiscal_year_of_the_incident_and_the_dates_follow_on_1_October()
    {
        Prop.ForAll(Instants, at =>
        {
            var dates = IncidentAt(at);
            var easternDay = DateOnly.FromDateTime(AgencyTime.ToAgencyTime(at).DateTime);
            var cutOff = dates.CutOff!.Value;
            return cutOff.Month == 9 && cutOff.Day == 30
                && easternDay <= cutOff && easternDay > cutOff.AddYears(-1)
                && cutOff.Year == ReportNumber.FiscalYear(at)
                && dates.TransferOn == new DateOnly(cutOff.Year + 25, 10, 1)
                && dates.DestroyOn == new DateOnly(cutOff.Year + 75, 10, 1)
                && dates.TransferOn < dates.DestroyOn;
        }).Check(Runs);
    }

    [Fact]
    public void The_last_millisecond_of_30_September_Eastern_closes_the_year_and_1_October_00_00_Eastern_opens_the_next_whatever_the_offset()
    {
        Prop.ForAll(Years, Arb.From(Gen.Choose(-12, 14)), (year, offsetHours) =>
        {
            var last = Eastern(year, 9, 30, 23, 59, 59, 999).ToOffset(TimeSpan.FromHours(offsetHours));
            var first = last.AddMilliseconds(1);
            return IncidentAt(last).CutOff == new DateOnly(year, 9, 30)
                && IncidentAt(last).DestroyOn == new DateOnly(year + 75, 10, 1)
                && IncidentAt(first).CutOff == new DateOnly(year + 1, 9, 30)
                && IncidentAt(first).DestroyOn == new DateOnly(year + 76, 10, 1);
        }).Check(Runs);
    }

    [Fact]
    public void Utc_midnight_on_1_October_is_still_30_September_in_the_agency_s_fiscal_year()
    {
        // 1 October 00:00-03:59 UTC is 30 September 20:00-23:59 EDT: the old fiscal year.
        Prop.ForAll(Years, Arb.From(Gen.Choose(0, 4 * 60 - 1)), (year, minute) =>
            IncidentAt(new DateTimeOffset(year, 10, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(minute)).CutOff == new DateOnly(year, 9, 30)
            && IncidentAt(new DateTimeOffset(year, 10, 1, 4, 0, 0, TimeSpan.Zero).AddMinutes(minute)).CutOff == new DateOnly(year + 1, 9, 30))
            .Check(Runs);
    }

    [Fact]
    public void Daylight_saving_changes_do_not_move_the_dates()
    {
        // Every instant from 3 hours before to 3 hours after the March and November changes: spring forward skips 2:00-2:59,
        // fall back repeats 1:00-1:59; the fiscal year, and so the dates, is the same as the day before.
        Prop.ForAll(Years, Arb.From(Gen.Choose(-180, 180)), Arb.From(Gen.Elements(3, 11)), (year, minutes, month) =>
        {
            var sunday = month == 3 ? SecondSunday(year, 3) : FirstSunday(year, 11);
            var change = new DateTimeOffset(sunday.ToDateTime(new TimeOnly(7, 0)), TimeSpan.Zero); // 2:00 EST / 3:00 EDT
            var at = change.AddMinutes(minutes);
            return IncidentAt(at) == IncidentAt(change.AddDays(-1));
        }).Check(Runs);
    }

    [Fact]
    public void An_incident_on_29_February_is_destroyed_on_1_October_75_years_after_its_fiscal_year_even_when_that_year_has_no_29_February()
    {
        var leapYears = Arb.From(Gen.Choose(2000, 2150).Where(DateTime.IsLeapYear));
        Prop.ForAll(leapYears, Arb.From(Gen.Choose(0, 24 * 60 - 1)), (year, minute) =>
        {
            var dates = IncidentAt(Eastern(year, 2, 29, 0, 0, 0, 0).AddMinutes(minute));
            var lear = LearaCompletedOn(new DateOnly(year, 2, 29));
            return dates.CutOff == new DateOnly(year, 9, 30) && dates.DestroyOn == new DateOnly(year + 75, 10, 1)
                && dates.TransferOn == new DateOnly(year + 25, 10, 1)
                && lear.CutOff == new DateOnly(year, 9, 30) && lear.DestroyOn == new DateOnly(year + 15, 10, 1);
        }).Check(Runs);
    }

    [Fact]
    public void A_leara_has_no_dates_until_its_response_is_completed_then_counts_from_the_completion_s_fiscal_year()
    {
        Assert.Equal(RetentionDates.None, LearaCompletedOn(null));
        Prop.ForAll(Arb.From(Gen.Choose(0, 150 * 366).Select(d => new DateOnly(2000, 1, 1).AddDays(d))), day =>
        {
            var dates = LearaCompletedOn(day);
            var fiscalYear = day.Month >= 10 ? day.Year + 1 : day.Year;
            return dates.CutOff == new DateOnly(fiscalYear, 9, 30)
                && dates.TransferOn == new DateOnly(fiscalYear + 10, 10, 1) && dates.DestroyOn == new DateOnly(fiscalYear + 15, 10, 1);
        }).Check(Runs);
    }

    [Fact]
    public void Ero_reports_count_from_their_creation_and_unscheduled_types_get_no_dates()
    {
        Prop.ForAll(Instants, at =>
        {
            var report = new Report { Type = "EROTAV", Title = "t", OriginatingOffice = "X", Author = "a", CreatedAt = at, EventAt = at.AddYears(-3) };
            var dates = RetentionDates.Of(Ero, report, null);
            return dates.CutOff == new DateOnly(ReportNumber.FiscalYear(at), 9, 30)
                && dates.DestroyOn == new DateOnly(ReportNumber.FiscalYear(at) + 25, 10, 1)
                && RetentionDates.Of(RetentionSchedule.Unscheduled, report, null) == RetentionDates.None;
        }).Check(Runs);
    }

    [Fact]
    public void Schedules_have_distinct_keys_so_a_changed_schedule_is_recomputed()
    {
        Assert.Equal("IncidentDate:75:25", Sir.Key);
        Assert.Equal("Field:responseCompletedOn:15:10", Leara.Key);
        Assert.Equal("Unscheduled", RetentionSchedule.Unscheduled.Key);
        Assert.NotEqual(Sir.Key, (Sir with { DestroyAfterYears = 76 }).Key);
        Assert.NotEqual(Sir.Key, (Sir with { TransferAfterYears = null }).Key);
    }

    private static RetentionDates LearaCompletedOn(DateOnly? day) =>
        RetentionDates.Of(Leara, new Report { Type = "LEARA", Title = "t", OriginatingOffice = "X", Author = "a" }, _ => day);

    private static DateOnly SecondSunday(int year, int month) => FirstSunday(year, month).AddDays(7);

    private static DateOnly FirstSunday(int year, int month)
    {
        var day = new DateOnly(year, month, 1);
        while (day.DayOfWeek != DayOfWeek.Sunday) day = day.AddDays(1);
        return day;
    }
}
