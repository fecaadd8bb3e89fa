using System.Text.RegularExpressions;
using SenGraph.Modules.Lens.Notifications;
using Snapshooter.Xunit;
using static SenGraph.Tests.Lens.LensSamples;

namespace SenGraph.Tests.Lens;

/// <summary>The text of LENS messages (issue 18 item 4): its layout is pinned by snapshots; the crime never appears.</summary>
public sealed partial class NletsAmTemplateTests
{
    private static IReadOnlyList<string> Messages(CustodyRelease release) =>
        [.. LensNotices.Decide(release, QualifyingOffenses.Defaults, Oris, Ids()).Notices.Select(NletsAmTemplate.Render)];

    [Fact]
    public void The_residence_state_message_of_a_release_under_an_order_of_supervision_is_unchanged() =>
        Snapshot.Match(Messages(Release("NY", "NJ", ReleaseKind.OrderOfSupervision))[0]);

    [Fact]
    public void The_releasing_state_message_of_a_release_on_bond_is_unchanged() =>
        Snapshot.Match(Messages(Release("NY", "NJ", ReleaseKind.Bond))[1]);

    [Fact]
    public void A_corrected_message_names_the_message_it_replaces()
    {
        var notice = LensNotices.Decide(Release("NY", "NY"), QualifyingOffenses.Defaults, Oris, Ids()).Notices[0] with { Replaces = Id('f') };

        var text = NletsAmTemplate.Render(notice);

        Assert.Contains("\nCORRECTED MESSAGE - REPLACES REF/FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF\n", text);
        Assert.StartsWith("AM.VTINS07S0.NY0303000\nTXT\n", text);
    }

    [Fact]
    public void Every_line_is_upper_case_nlets_text_within_the_line_length_whatever_the_input()
    {
        var release = Release("NY", "TX", ReleaseKind.Other) with
        {
            ReleasingFacility = "Montgomery Processing Center of the Houston Field Office, Conroe — Building Ñ7",
            Subject = new ReleasedSubject("García-Núñez de la Santísima Trinidad y Montealegre", "José", "María", new DateOnly(1990, 1, 2), "M", "A1"),
            Residence = new ResidenceAddress("1 Very Long Avenue Name That Goes On And On Beyond Any Sensible Width, Floor 12", "Yonkers", "NY", "10701"),
        };

        foreach (var text in Messages(release))
        {
            foreach (var line in text.TrimEnd('\n').Split('\n'))
            {
                Assert.True(line.Length <= NletsAmTemplate.MaxLineLength, $"{line.Length} characters: {line}");
                Assert.Matches(NletsText(), line);
            }

            Assert.Contains("GARCIA-NUNEZ", text);
            Assert.Contains("THE SUBJECT BELOW WAS RELEASED FROM ICE CUSTODY.", text);
        }
    }

    [Fact]
    public void The_message_says_what_the_fact_sheet_requires()
    {
        var text = Messages(Release("NY", "NJ", ReleaseKind.Bond))[0];
        var flat = text.Replace('\n', ' ');

        Assert.StartsWith($"AM.VTINS07S0.NY0303000\n", text);
        Assert.Contains("FOR SITUATIONAL AND PUBLIC SAFETY AWARENESS ONLY", flat);
        Assert.Contains("RELEASED FROM ICE CUSTODY ON BOND", flat);
        Assert.Contains("(802) 872-6050", flat);
        Assert.Contains("NLETS AM TO VTINS07S0", flat);
        Assert.Contains("FBI/123456AB7", text);
        Assert.Contains("NAM/PEREZ, JUAN CARLOS", text);
        Assert.Contains("DOB/19850412", text);
        Assert.Contains("45 MAIN ST APT 3", text);
        Assert.Contains("YONKERS, NY 10701", text);
    }

    /// <summary>
    /// Words that would tell the crime or the conviction: none may appear in any message. (Not "SEX": the NCIC label of
    /// the subject's sex, <c>SEX/M</c>, is in every message.)
    /// </summary>
    private static readonly string[] ConvictionWords =
    [
        "HOMICIDE", "MURDER", "KILL", "KIDNAP", "SEXUAL", "RAPE", "ROBBERY", "ASSAULT", "ARSON", "WEAPON", "GUN", "FIREARM",
        "CONVICT", "CONVICTED", "CONVICTION", "OFFENSE", "OFFENCE", "CRIME", "CHARGE", "CHARGES", "NCIC", "COURT", "SENTENCE", "YEARS",
        "FELONY", "VIOLENT",
    ];

    [Fact]
    public void No_message_for_any_qualifying_code_carries_the_code_an_offense_word_or_any_conviction_detail()
    {
        var codes = QualifyingOffenses.Defaults.Ranges.SelectMany(r => r.Codes().Select(code => (Code: code, r.Category))).ToList();
        Assert.True(codes.Count > 500, $"only {codes.Count} codes");
        var checkedMessages = 0;
        foreach (var (code, category) in codes)
        {
            var conviction = new Conviction(code, $"{category.ToUpperInvariant()} - CODE {code}", new DateOnly(2018, 7, 9), "DISTRICT COURT OF HARRIS COUNTY", "12 YEARS");
            foreach (var kind in Enum.GetValues<ReleaseKind>())
            {
                var messages = Messages(Release("NY", "NJ", kind, conviction));
                Assert.Equal(2, messages.Count);
                foreach (var text in messages)
                {
                    var tokens = Tokens().Matches(text).Select(m => m.Value).ToHashSet();
                    Assert.DoesNotContain(code, tokens);
                    Assert.DoesNotContain("20180709", tokens);
                    foreach (var word in ConvictionWords.Concat(category.ToUpperInvariant().Split(' ').Where(w => w != "SEX")))
                        Assert.False(tokens.Contains(word), $"'{word}' in the message for {code}:\n{text}");
                    Assert.DoesNotContain("HARRIS", text);
                    checkedMessages++;
                }
            }
        }

        Assert.Equal(codes.Count * 3 * 2, checkedMessages);
    }

    [GeneratedRegex("^[A-Z0-9 .,/\\-()'#&:]*$")]
    private static partial Regex NletsText();

    [GeneratedRegex("[A-Z0-9]+")]
    private static partial Regex Tokens();
}
