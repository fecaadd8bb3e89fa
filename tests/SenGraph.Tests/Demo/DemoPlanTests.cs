using SenGraph.Host.Kernel.Demo;
using Xunit;

namespace SenGraph.Tests.Demo;

/// <summary>Demo reports' dates stay in the demo's history however many reports a type gets (<c>seed generate</c> goes to 1,000,000).</summary>
public sealed class DemoPlanTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, 30)]
    [InlineData(29, 30)]
    [InlineData(14_285, 14_286)]
    [InlineData(19_500, 142_858)] // History × index once overflowed TimeSpan from here on
    [InlineData(142_857, 142_858)] // the last SIR of a million reports over seven types
    public void A_submitted_reports_draft_date_lies_in_the_last_eighteen_months(int index, int count)
    {
        var draftedAt = DemoReportPlan.DraftedAtOf(index, count, DemoState.Submitted, Now);

        Assert.InRange(draftedAt, Now.AddDays(-560), Now.AddDays(-9));
    }

    [Fact]
    public void Later_reports_of_a_type_are_drafted_later()
    {
        var dates = new[] { 0, 50_000, 100_000, 142_857 }.Select(i => DemoReportPlan.DraftedAtOf(i * 10 + 8, 1_428_580, DemoState.Submitted, Now)).ToList();

        Assert.Equal(dates.OrderBy(d => d), dates);
    }
}
