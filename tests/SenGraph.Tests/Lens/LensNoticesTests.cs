using SenGraph.Modules.Lens.Notifications;
using static SenGraph.Tests.Lens.LensSamples;

namespace SenGraph.Tests.Lens;

/// <summary>Which messages a custody release produces (seed 004, issue 18 items 1-3).</summary>
public sealed class LensNoticesTests
{
    [Fact]
    public void A_release_into_another_state_is_told_to_the_residence_state_and_then_the_releasing_state()
    {
        var decision = LensNotices.Decide(Release("NY", "NJ"), QualifyingOffenses.Defaults, Oris, Ids());

        Assert.Null(decision.Reason);
        Assert.Collection(decision.Notices,
            n => Assert.Equal((NoticeRecipient.ResidenceState, "NY0303000"), (n.Recipient, n.DestinationOri)),
            n => Assert.Equal((NoticeRecipient.ReleasingState, "NJNSP0000"), (n.Recipient, n.DestinationOri)));
        Assert.NotEqual(decision.Notices[0].MessageId, decision.Notices[1].MessageId);
    }

    [Fact]
    public void A_release_in_the_state_of_residence_is_told_once()
    {
        var decision = LensNotices.Decide(Release("NY", "NY"), QualifyingOffenses.Defaults, Oris, Ids());

        Assert.Equal("NY0303000", Assert.Single(decision.Notices).DestinationOri);
    }

    [Fact]
    public void A_release_without_a_qualifying_conviction_is_told_to_no_one_and_says_why()
    {
        var decision = LensNotices.Decide(Release("NY", "NJ", ReleaseKind.Bond, new Conviction("2399"), new Conviction("13x1")),
            QualifyingOffenses.Defaults, Oris, Ids());

        Assert.Empty(decision.Notices);
        Assert.Equal("No conviction has a qualifying NCIC offense code.", decision.Reason);
    }

    [Fact]
    public void A_state_without_an_ori_gets_no_message_and_is_named_for_the_lesc()
    {
        var oneState = LensNotices.Decide(Release("CA", "NY"), QualifyingOffenses.Defaults, Oris, Ids());
        var none = LensNotices.Decide(Release("CA", "CA"), QualifyingOffenses.Defaults, Oris, Ids());

        Assert.Equal("NY0303000", Assert.Single(oneState.Notices).DestinationOri);
        Assert.Equal(["CA"], oneState.StatesWithoutOri);
        Assert.Null(oneState.Reason);
        Assert.Empty(none.Notices);
        Assert.Equal("No LENS ORI is on file for CA.", none.Reason);
    }

    [Theory]
    [InlineData("0901", true)]
    [InlineData("0999", true)]
    [InlineData("1312", true)]
    [InlineData("1313", false)]
    [InlineData("5299", true)]
    [InlineData("2399", false)]
    [InlineData("901", false)]
    [InlineData("09O1", false)]
    [InlineData(null, false)]
    public void The_default_qualifying_codes_are_the_violent_and_serious_categories(string? code, bool qualifies) =>
        Assert.Equal(qualifies, QualifyingOffenses.Defaults.Qualifies(code));

    [Theory]
    [InlineData("NY0303000", "NY0303000")]
    [InlineData(" ny03030a0 ", "NY03030A0")]
    [InlineData("VTINS07S0", "VTINS07S0")]
    [InlineData("XX0303000", null)]
    [InlineData("NY030300", null)]
    [InlineData("NY03030000", null)]
    [InlineData("NY03-3000", null)]
    [InlineData(null, null)]
    public void An_ori_is_a_state_code_then_seven_letters_or_digits(string? value, string? normalized) =>
        Assert.Equal(normalized, Ori.Normalize(value));

    [Theory]
    [InlineData("123456AB7", "123456AB7")]
    [InlineData("123-456 ab7", "123456AB7")]
    [InlineData("ABCDEFGHI", null)]
    [InlineData("1234567890", null)]
    [InlineData("12345#", null)]
    [InlineData("", null)]
    public void An_fbi_number_is_up_to_nine_letters_and_digits_with_a_digit(string value, string? normalized) =>
        Assert.Equal(normalized, FbiNumber.Normalize(value));
}
