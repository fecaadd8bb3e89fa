using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Reports.Workflow;
using SenGraph.Contracts.Schema;

namespace SenGraph.Tests.Reports;

/// <summary>
/// The workflow engine on its own: for each step, a request that fails every check is answered by the first one in the
/// engine's order (found, the caller's part, the lifecycle, the version), and mending that check reveals the next.
/// Messages are written out here, as clients see them.
/// </summary>
public sealed class ReportStepTests
{
    private const string Author = "agent.a";
    private const string Reviewer = "super.s";

    private static Report ReportIn(ReportStatus status, int version = 3, string office = "NYC", string? supervisor = null) => new()
    {
        Type = "SIR", Title = "t", OriginatingOffice = office, Author = Author, Status = status, Version = version, Supervisor = supervisor,
    };

    private static (string Code, string Message, string Path) First(Result<ReportStatus> result)
    {
        Assert.False(result.Succeeded);
        return Flat(Assert.Single(result.Errors));
    }

    private static (string Code, string Message, string Path) Flat(UserError error) => (error.Code, error.Message, string.Join('.', error.Path));

    [Fact]
    public void Author_steps_check_found_then_policy_then_author_then_lifecycle_then_version()
    {
        var step = ReportStep.Submit;
        var stranger = new ReportStepCaller("someone.else", "NYC", HoldsPolicy: false);
        Assert.Equal(("NOT_FOUND", "There is no report with this id.", "input.id"), First(step.Decide(null, null, stranger, 1)));

        var report = ReportIn(ReportStatus.PendingReview);
        Assert.Equal(("NOT_AUTHORIZED", "Your roles do not allow you to submit SIR reports.", "input.id"), First(step.Decide(report, "SIR", stranger, 1)));
        Assert.Equal(("NOT_AUTHORIZED", "Only the report's author asks for its review or submits it.", "input.id"),
            First(step.Decide(report, "SIR", stranger with { HoldsPolicy = true }, 1)));

        var author = new ReportStepCaller(Author, "NYC");
        Assert.Equal(("ILLEGAL_TRANSITION", "A PENDING_REVIEW report cannot take the action SUBMIT.", "input.id"), First(step.Decide(report, "SIR", author, 1)));

        report.Status = ReportStatus.Approved;
        Assert.Equal(("CONFLICT", "The report was changed by someone else (now version 3); reload it and try again.", "input.expectedVersion"),
            First(step.Decide(report, "SIR", author, 1)));
        Assert.Equal(ReportStatus.Submitted, step.Decide(report, "SIR", author, 3).Value);
    }

    [Fact]
    public void Submit_asks_the_lifecycle_whether_review_is_mandatory()
    {
        var draft = ReportIn(ReportStatus.Draft);
        var author = new ReportStepCaller(Author, "NYC");
        Assert.Equal(ReportStatus.Submitted, ReportStep.Submit.Decide(draft, "SIR", author, 3).Value);
        Assert.Equal("ILLEGAL_TRANSITION", First(ReportStep.Submit.Decide(draft, "SIR", author, 3, reviewMandatory: true)).Code);
        Assert.Equal(ReportStatus.PendingReview, ReportStep.RequestReview.Decide(draft, "SIR", author, 3).Value);
    }

    [Theory]
    [InlineData(nameof(ReportStep.Return), ReportStatus.Returned)]
    [InlineData(nameof(ReportStep.Approve), ReportStatus.Approved)]
    public void Review_steps_check_policy_then_self_review_then_office_then_lifecycle_then_version(string name, ReportStatus after)
    {
        var step = name == nameof(ReportStep.Return) ? ReportStep.Return : ReportStep.Approve;
        var report = ReportIn(ReportStatus.Draft, office: "NYC");
        Assert.Equal(("NOT_AUTHORIZED", "Your roles do not allow you to review SIR reports.", "input.id"),
            First(step.Decide(report, "SIR", new ReportStepCaller(Author, "LAX", HoldsPolicy: false), 1)));
        Assert.Equal(("SELF_REVIEW", "Nobody reviews their own report.", "input.id"), First(step.Decide(report, "SIR", new ReportStepCaller(Author, "LAX"), 1)));

        var elsewhere = new ReportStepCaller(Reviewer, "LAX");
        Assert.Equal(("NOT_AUTHORIZED", "Only a supervisor of the report's office, or the supervisor it names, reviews it.", "input.id"),
            First(step.Decide(report, "SIR", elsewhere, 1)));

        // The supervisor the report names reviews it from another office.
        report.Supervisor = Reviewer;
        Assert.Equal("ILLEGAL_TRANSITION", First(step.Decide(report, "SIR", elsewhere, 1)).Code);
        report.Status = ReportStatus.PendingReview;
        Assert.Equal("CONFLICT", First(step.Decide(report, "SIR", elsewhere, 1)).Code);
        Assert.Equal(after, step.Decide(report, "SIR", elsewhere, 3).Value);
        report.Supervisor = null;
        Assert.Equal(after, step.Decide(report, "SIR", new ReportStepCaller(Reviewer, "NYC"), 3).Value);
    }

    [Fact]
    public void Drafting_steps_check_found_then_author_then_lifecycle_then_version_and_ignore_the_policy()
    {
        var step = ReportStep.Edit;
        var other = new ReportStepCaller("someone.else", "NYC", HoldsPolicy: false);
        Assert.Equal(("NOT_FOUND", "There is no SIR report with this id.", "input.id"), First(step.Decide(null, "SIR", other, 1)));

        var report = ReportIn(ReportStatus.Submitted);
        Assert.Equal(("NOT_AUTHORIZED", "Only the report's author changes it.", "input.id"), First(step.Decide(report, "SIR", other, 1)));

        var author = new ReportStepCaller(Author, "NYC", HoldsPolicy: false);
        Assert.Equal(("ILLEGAL_TRANSITION", "A SUBMITTED report cannot take the action EDIT: a submitted report changes only through an amendment.", "input.id"),
            First(step.Decide(report, "SIR", author, 1)));
        Assert.Equal(("CONFLICT", "The report was changed by someone else (now version 3); reload it and apply your edit again.", "input.expectedVersion"),
            First(ReportStep.Amend.Decide(report, "SIR", author, 1)));
        Assert.Equal(ReportStatus.Submitted, ReportStep.Amend.Decide(report, "SIR", author, 3).Value);
    }

    [Fact]
    public void Designated_update_checks_found_then_updater_then_submitted_then_version()
    {
        var step = ReportStep.DesignatedUpdate("disposition", "the author and the receiving office's supervisors");
        var outsider = new ReportStepCaller("someone.else", "LAX", HoldsPolicy: false);
        Assert.Equal("NOT_FOUND", First(step.Decide(null, "SIR", outsider, 1)).Code);

        var report = ReportIn(ReportStatus.Draft);
        Assert.Equal(("NOT_AUTHORIZED", "Only the author and the receiving office's supervisors update the report's disposition.", "input.id"),
            First(step.Decide(report, "SIR", outsider, 1)));

        var updater = outsider with { HoldsPolicy = true };
        Assert.Equal(("ILLEGAL_TRANSITION", "Only a SUBMITTED report's disposition is updated this way; the report is Draft.", "input.id"),
            First(step.Decide(report, "SIR", updater, 1)));
        report.Status = ReportStatus.Submitted;
        Assert.Equal("CONFLICT", First(step.Decide(report, "SIR", updater, 1)).Code);
        Assert.Equal(ReportStatus.Submitted, step.Decide(report, "SIR", updater, 3).Value);
    }

    [Fact]
    public void Reason_rule_is_required_trimmed_and_bounded_for_the_steps_that_take_one()
    {
        Assert.Equal(("REQUIRED", "An amendment needs a reason.", "input.reason"), Flat(Assert.Single(ReportStep.Amend.Reason("   ").Errors)));
        Assert.Equal("Say why the report is returned: the author needs to know what to correct.", Assert.Single(ReportStep.Return.Reason(null).Errors).Message);
        Assert.Equal("An update of the disposition needs a reason.",
            Assert.Single(ReportStep.DesignatedUpdate("disposition", "x").Reason("").Errors).Message);

        var tooLong = Assert.Single(ReportStep.Return.Reason(new string('r', ReportLimits.ReasonMaxLength + 1)).Errors);
        Assert.Equal(("TOO_LONG", $"The reason may have at most {ReportLimits.ReasonMaxLength:N0} characters.", "input.reason"), Flat(tooLong));

        Assert.Equal("fix the date", ReportStep.Amend.Reason("  fix the date ").Value);
        Assert.Null(ReportStep.Edit.Reason("ignored").Value);
        Assert.False(ReportStep.Submit.NeedsReason);
    }

    [Fact]
    public void A_lost_race_is_a_conflict_without_a_version()
    {
        Assert.Equal("The report was changed by someone else; reload it and try again.", ReportStep.Approve.Conflict(null).Message);
        Assert.Equal("The report was changed by someone else; reload it and apply your edit again.", ReportStep.Edit.Conflict(null).Message);
        Assert.Equal(("CONFLICT", "The report could not be submitted because of a concurrent change; reload it and try again.", "input.id"),
            Flat(ReportStep.SubmitContended()));
    }
}
