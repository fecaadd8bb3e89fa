using SenGraph.Contracts.Reports;
using static SenGraph.Contracts.Reports.ReportAction;
using static SenGraph.Contracts.Reports.ReportStatus;

namespace SenGraph.Tests.Reports;

public sealed class ReportLifecycleTests
{
    /// <summary>Every legal transition; (status, action, reviewMandatory) pairs not listed are illegal.</summary>
    private static readonly Dictionary<(ReportStatus, ReportAction, bool), ReportStatus> Legal = new()
    {
        [(Draft, Edit, false)] = Draft,
        [(Draft, Edit, true)] = Draft,
        [(Draft, RequestReview, false)] = PendingReview,
        [(Draft, RequestReview, true)] = PendingReview,
        [(Draft, Submit, false)] = Submitted,
        [(PendingReview, Return, false)] = Returned,
        [(PendingReview, Return, true)] = Returned,
        [(PendingReview, Approve, false)] = Approved,
        [(PendingReview, Approve, true)] = Approved,
        [(Returned, Edit, false)] = Returned,
        [(Returned, Edit, true)] = Returned,
        [(Returned, RequestReview, false)] = PendingReview,
        [(Returned, RequestReview, true)] = PendingReview,
        [(Approved, Submit, false)] = Submitted,
        [(Approved, Submit, true)] = Submitted,
        [(Submitted, Amend, false)] = Submitted,
        [(Submitted, Amend, true)] = Submitted,
    };

    public static TheoryData<ReportStatus, ReportAction, bool> EveryStatusActionAndReviewRule()
    {
        var data = new TheoryData<ReportStatus, ReportAction, bool>();
        foreach (var status in Enum.GetValues<ReportStatus>())
            foreach (var action in Enum.GetValues<ReportAction>())
                foreach (var mandatory in new[] { false, true })
                    data.Add(status, action, mandatory);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStatusActionAndReviewRule))]
    public void Every_status_and_action_has_one_defined_outcome(ReportStatus from, ReportAction action, bool reviewMandatory)
    {
        var result = ReportLifecycle.Transition(from, action, reviewMandatory);

        if (Legal.TryGetValue((from, action, reviewMandatory), out var expected))
        {
            Assert.True(result.Succeeded, result.ToString());
            Assert.Equal(expected, result.Value);
        }
        else
        {
            Assert.False(result.Succeeded);
            var error = Assert.Single(result.Errors);
            Assert.Equal("ILLEGAL_TRANSITION", error.Code);
            Assert.Contains(ReportLifecycle.GraphQLName(from), error.Message);
            Assert.Contains(ReportLifecycle.GraphQLName(action), error.Message);
            Assert.Equal(["input", "id"], error.Path);
            Assert.Throws<InvalidOperationException>(() => result.Value);
        }
    }

    [Fact]
    public void The_matrix_covers_sixty_cases_of_which_seventeen_are_legal()
    {
        Assert.Equal(60, EveryStatusActionAndReviewRule().Count());
        Assert.Equal(17, Legal.Count);
    }

    [Fact]
    public void A_draft_is_submitted_directly_only_when_review_is_not_mandatory()
    {
        Assert.Equal(Submitted, ReportLifecycle.Transition(Draft, Submit, reviewMandatory: false).Value);
        var refused = ReportLifecycle.Transition(Draft, Submit, reviewMandatory: true);
        Assert.Contains("review is mandatory", Assert.Single(refused.Errors).Message);
    }

    [Fact]
    public void Returned_report_can_be_edited_and_reviewed_again_but_not_submitted_directly()
    {
        Assert.True(ReportLifecycle.Transition(Returned, Edit, false).Succeeded);
        Assert.Equal(PendingReview, ReportLifecycle.Transition(Returned, RequestReview, false).Value);
        Assert.False(ReportLifecycle.Transition(Returned, Submit, false).Succeeded);
    }

    [Fact]
    public void A_submitted_report_changes_only_through_an_amendment()
    {
        Assert.Equal([Amend], ReportLifecycle.AllowedActions(Submitted, reviewMandatory: false));
        Assert.Contains("amendment", Assert.Single(ReportLifecycle.Transition(Submitted, Edit, false).Errors).Message);
    }

    [Fact]
    public void Allowed_actions_follow_the_transitions()
    {
        Assert.Equal([Edit, RequestReview, Submit], ReportLifecycle.AllowedActions(Draft, reviewMandatory: false));
        Assert.Equal([Edit, RequestReview], ReportLifecycle.AllowedActions(Draft, reviewMandatory: true));
        Assert.Equal([Return, Approve], ReportLifecycle.AllowedActions(PendingReview, reviewMandatory: true));
        Assert.True(ReportLifecycle.IsEditable(Draft));
        Assert.True(ReportLifecycle.IsEditable(Returned));
        Assert.False(ReportLifecycle.IsEditable(Approved));
    }

    [Fact]
    public void Messages_use_the_GraphQL_names()
    {
        Assert.Equal("PENDING_REVIEW", ReportLifecycle.GraphQLName(PendingReview));
        Assert.Equal("REQUEST_REVIEW", ReportLifecycle.GraphQLName(RequestReview));
        Assert.Equal(
            "A PENDING_REVIEW report cannot take the action SUBMIT.",
            Assert.Single(ReportLifecycle.Transition(PendingReview, Submit, false).Errors).Message);
    }
}
