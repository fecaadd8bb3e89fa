using System.Text.Json.Nodes;
using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.SecureCommunities;

/// <summary>
/// Deployment readiness (issue 19 item 3) over HTTP: a site activates only when every required prerequisite task is done
/// (SIB task 3 is not required), all six parties said Go and its ORIs are on the final list; the query says what is
/// missing and who has not answered; program staff manage it, and every change is in the audit trail.
/// </summary>
public sealed class ScReadinessTests(ScHost host) : IClassFixture<ScHost>
{
    private const string SiteSelection = "code state activatedAt ready missing unansweredParties tasks { code required status } goDecisions { party decision primaryContact secondaryContact askedAt } oris { ori evaluationStep }";

    private string Staff => host.Token("sc-staff", "SC Program Staff", "HQ-ICE");

    private async Task<JsonNode> MutateAsync(string name, object input, string? token = null)
    {
        var inputType = char.ToUpperInvariant(name[0]) + name[1..] + "Input";
        var response = await host.PostAsync($"mutation($input: {inputType}!) {{ {name}(input: $input) {{ site {{ {SiteSelection} }} errors {{ code message path }} }} }}",
            new { input }, token ?? Staff);
        return response.ShouldSucceed().Data![name]!;
    }

    [Fact]
    public async Task A_site_activates_only_when_every_required_task_is_done_and_all_six_said_go()
    {
        var created = await MutateAsync("saveSecureCommunitiesSite", new { code = "WAKE", jurisdiction = "Wake County", state = "NC" });
        Assert.Empty(created["errors"]!.AsArray());
        Assert.Equal(10, created["site"]!["tasks"]!.AsArray().Count);
        Assert.False(created["site"]!["tasks"]!.AsArray().Single(t => t!["code"]!.GetValue<string>() == "SIB_3")!["required"]!.GetValue<bool>());
        Assert.Equal(["FBI_CJIS", "US_VISIT", "ICE_LESC", "ICE_FIELD_OFFICE", "SIB", "LOCAL_LEA"],
            created["site"]!["unansweredParties"]!.AsArray().Select(p => p!.GetValue<string>()));

        Assert.Empty((await MutateAsync("setSecureCommunitiesOri", new { site = "WAKE", ori = "NC0920000", bookingLocation = "Wake County Detention Center", evaluationStep = "FINAL_LIST" }))["errors"]!.AsArray());
        foreach (var task in new[] { "SIB_1", "SIB_2", "SIB_4", "DRO_1", "DRO_2", "DRO_3", "DRO_4", "DRO_5", "DRO_6" })
            Assert.Empty((await MutateAsync("setSecureCommunitiesTask", new { site = "WAKE", task, status = "DONE" }))["errors"]!.AsArray());
        foreach (var party in new[] { "FBI_CJIS", "US_VISIT", "ICE_LESC", "ICE_FIELD_OFFICE", "SIB" })
            Assert.Empty((await MutateAsync("setSecureCommunitiesGoDecision", new { site = "WAKE", party, decision = "GO", primaryContact = $"{party} primary", secondaryContact = $"{party} secondary", askedAt = "2009-04-20T09:00:00-04:00" }))["errors"]!.AsArray());
        var asked = await MutateAsync("setSecureCommunitiesGoDecision", new { site = "WAKE", party = "LOCAL_LEA", decision = "PENDING", primaryContact = "Sheriff's office", askedAt = "2009-04-20T09:00:00-04:00" });

        var early = await MutateAsync("activateSecureCommunitiesSite", new { site = "WAKE" });
        Assert.Equal("NOT_READY", early["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Contains("Local law enforcement agency (LOCAL_LEA) has not answered (asked 2009-04-20)", early["errors"]![0]!["message"]!.GetValue<string>());
        Assert.Equal(["LOCAL_LEA"], asked["site"]!["unansweredParties"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.DoesNotContain(asked["site"]!["missing"]!.AsArray(), m => m!.GetValue<string>().Contains("SIB_3"));   // not required

        await MutateAsync("setSecureCommunitiesGoDecision", new { site = "WAKE", party = "LOCAL_LEA", decision = "GO" });
        var activated = await MutateAsync("activateSecureCommunitiesSite", new { site = "WAKE" });

        Assert.Empty(activated["errors"]!.AsArray());
        Assert.NotNull(activated["site"]!["activatedAt"]);
        Assert.True(activated["site"]!["ready"]!.GetValue<bool>());
        Assert.Equal("SIB secondary", activated["site"]!["goDecisions"]![4]!["secondaryContact"]!.GetValue<string>());

        var admin = host.Token("sc-admin", "System Administrator", "HQ-ICE");
        var audit = await host.PostAsync("""{ auditRecords(first: 200, where: { userName: { eq: "sc-staff" } }) { nodes { userName action entity } } }""", null, admin);
        var records = audit.ShouldSucceed().Data!["auditRecords"]!["nodes"]!.AsArray();
        Assert.Contains(records, r => r!["userName"]!.GetValue<string>() == "sc-staff" && r["entity"]!.GetValue<string>().Contains("ScGoDecisions"));
    }

    [Fact]
    public async Task An_unfinished_required_task_and_a_no_go_are_named_and_only_program_staff_manage_readiness()
    {
        await MutateAsync("saveSecureCommunitiesSite", new { code = "HARRIS", jurisdiction = "Harris County", state = "TX" });
        await MutateAsync("setSecureCommunitiesGoDecision", new { site = "HARRIS", party = "SIB", decision = "NO_GO", primaryContact = "TX DPS" });

        var refused = await MutateAsync("activateSecureCommunitiesSite", new { site = "HARRIS" });
        var message = refused["errors"]![0]!["message"]!.GetValue<string>();
        Assert.Contains("DRO task 4 (DRO_4) is NOT_STARTED", message);
        Assert.Contains("State Identification Bureau (SIB) said No Go", message);
        Assert.Contains("No booking location's ORI is recorded.", message);

        Assert.Equal("INVALID_VALUE", (await MutateAsync("setSecureCommunitiesOri", new { site = "HARRIS", ori = "NC0920000", bookingLocation = "Wrong state", evaluationStep = "CJIS_LIST" }))["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("NOT_FOUND", (await MutateAsync("setSecureCommunitiesTask", new { site = "NOWHERE", task = "SIB_1", status = "DONE" }))["errors"]![0]!["code"]!.GetValue<string>());

        var hq = host.Token("sc-hq2", "Headquarters Agent", "HQ-HSI");
        var sites = await host.PostAsync("{ secureCommunitiesSites(state: \"TX\") { code missing } }", null, hq);
        Assert.Equal("HARRIS", sites.ShouldSucceed().Data!["secureCommunitiesSites"]![0]!["code"]!.GetValue<string>());
        var byHq = await host.PostAsync("mutation { activateSecureCommunitiesSite(input: { site: \"HARRIS\" }) { errors { code } } }", null, hq);
        Assert.Contains("AUTH_NOT_AUTHORIZED", byHq.ErrorCodes);
        var byAnalyst = await host.PostAsync("{ secureCommunitiesSites { code } }", null, host.Analyst());
        Assert.Contains("AUTH_NOT_AUTHORIZED", byAnalyst.ErrorCodes);
    }
}
