using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Reports.Kit;
using SenGraph.Contracts.Reports.Workflow;
using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.Kit;

/// <summary>
/// A report type's retention schedule (<c>type.Retention</c>, PIA 3.2) as clients see it on <c>modules { reportTypes }</c>:
/// SIR's (75 years after the end of the fiscal year of the incident, transferred after 25), KPROBE's (counted from a date
/// field it declares), none for a module without report types; and the checks a declaration gets.
/// </summary>
public sealed class RetentionScheduleTests(KitTypesHost host) : IClassFixture<KitTypesHost>
{
    [Fact]
    public async Task Modules_show_the_retention_schedule_each_report_type_declares()
    {
        var modules = (await host.PostAsync("""
            { modules { id reportTypes { code name retention { scheduled trigger triggerField destroyAfterYears transferAfterYears summary } } } }
            """)).ShouldSucceed().Data!["modules"]!.AsArray().ToDictionary(m => m!["id"]!.GetValue<string>(), m => m!["reportTypes"]!.ToJsonString());

        Assert.Equal("""[{"code":"SIR","name":"Significant Incident Report","retention":{"scheduled":true,"trigger":"INCIDENT_DATE","triggerField":null,"destroyAfterYears":75,"transferAfterYears":25,"summary":"Destroyed 75 years after the end of the fiscal year of the incident date; transferred after 25 years."}}]""",
            modules["sir"]);
        Assert.Equal("""[{"code":"KPROBE","name":"Kit probe report","retention":{"scheduled":true,"trigger":"FIELD","triggerField":"respondedOn","destroyAfterYears":5,"transferAfterYears":null,"summary":"Destroyed 5 years after the end of the fiscal year of respondedOn."}}]""",
            modules["kit-types"]);
        Assert.Equal("[]", modules["lens"]);
    }

    [Fact]
    public void An_undeclared_schedule_is_unscheduled_and_says_so()
    {
        var unscheduled = RetentionSchedule.Unscheduled.Validated("X");
        Assert.False(unscheduled.IsScheduled);
        Assert.Null(unscheduled.DestroyAfterYears);
        Assert.Equal("Unscheduled: kept until a retention schedule is approved.", unscheduled.Summary);
        Assert.Equal("Kept permanently (counted from the end of the fiscal year of the report's creation); transferred after 15 years.",
            new RetentionSchedule { Trigger = RetentionTrigger.Creation, TransferAfterYears = 15 }.Validated("X").Summary);
    }

    [Theory]
    [InlineData(10, 20, null)]   // transferred after it is destroyed
    [InlineData(0, null, null)]  // not positive
    [InlineData(null, -1, null)]
    [InlineData(5, null, "responseCompletedAt")] // a field with a trigger that is not FIELD
    public void A_schedule_that_cannot_be_kept_is_refused_when_the_type_is_declared(int? destroy, int? transfer, string? field)
    {
        var schedule = new RetentionSchedule { Trigger = RetentionTrigger.IncidentDate, DestroyAfterYears = destroy, TransferAfterYears = transfer, TriggerField = field };
        Assert.Throws<InvalidOperationException>(() => schedule.Validated("X"));
    }

    public sealed class ClosedReport : Report, IDeclaredReport<ClosedReport>
    {
        public DateOnly? ClosedOn { get; set; }
        public string? Note { get; set; }

        public static void Declare(ReportTypeDefinition<ClosedReport> type)
        {
            type.Named("CLOSED", "Closed", "Closed", "Closed.").Policies([DirectoryRoles.Agent], [], [DirectoryRoles.Agent]);
            type.Field(r => r.ClosedOn, "When it was closed.");
            type.Field(r => r.Note, "A note.");
            type.Retention(r => r.ClosedOn, destroyAfterYears: 7, transferAfterYears: 3);
        }
    }

    public sealed class TextTriggerReport : Report, IDeclaredReport<TextTriggerReport>
    {
        public string? Note { get; set; }

        public static void Declare(ReportTypeDefinition<TextTriggerReport> type)
        {
            type.Named("TEXTTRIG", "TextTrigger", "Text trigger", "Text trigger.").Policies([DirectoryRoles.Agent], [], [DirectoryRoles.Agent]);
            type.Field(r => r.Note, "A note.");
            type.Retention(r => r.Note, destroyAfterYears: 7);
        }
    }

    public sealed class UndeclaredTriggerReport : Report, IDeclaredReport<UndeclaredTriggerReport>
    {
        public DateOnly? ClosedOn { get; set; }

        public static void Declare(ReportTypeDefinition<UndeclaredTriggerReport> type)
        {
            type.Named("UNDECL", "Undeclared", "Undeclared", "Undeclared.").Policies([DirectoryRoles.Agent], [], [DirectoryRoles.Agent]);
            type.Retention(r => r.ClosedOn, destroyAfterYears: 7);
        }
    }

    [Fact]
    public void A_field_trigger_is_a_declared_date_field_named_as_clients_see_it()
    {
        var schedule = ReportTypeDefinition<ClosedReport>.Declare().ToOptions().Retention;
        Assert.Equal(new RetentionSchedule { Trigger = RetentionTrigger.Field, TriggerField = "closedOn", DestroyAfterYears = 7, TransferAfterYears = 3 }, schedule);
        Assert.Contains("not a date", Assert.Throws<InvalidOperationException>(() => ReportTypeDefinition<TextTriggerReport>.Declare()).Message);
        Assert.Contains("not a stored field", Assert.Throws<InvalidOperationException>(() => ReportTypeDefinition<UndeclaredTriggerReport>.Declare()).Message);
    }
}
