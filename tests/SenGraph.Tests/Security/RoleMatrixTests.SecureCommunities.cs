using SenGraph.Tests.Infrastructure;
using static SenGraph.Tests.Security.AgencyRoles;

namespace SenGraph.Tests.Security;

/// <summary>
/// The Secure Communities module's rows of the matrix (issue 19, item 5), against the same host process as the report
/// types' rows: every role × every operation of the module, each cell the request a front end would send. Written from
/// the issue, not from the module's policies: Statistics Analysts and the headquarters roles (the Headquarters Agent and
/// the Secure Communities program office, "SC Program Staff") read the metrics and the outcome tables; program staff
/// manage deployment readiness (and read it; so do headquarters agents, who follow the deployments); importing needs its
/// own permission ("SC Data Importer"), which no other role has, program staff included; every other role reaches nothing
/// of the module.
/// </summary>
public sealed partial class RoleMatrixTests
{
    public enum ScOperation
    {
        ReadOutcomes, ReadMetrics, ReadSites, SaveSite, SetOri, SetTask, SetGoDecision, ActivateSite, Import,
    }

    /// <summary>The module's own roles: users the directory does not know, whose role comes from their token.</summary>
    private static readonly Actor ScProgramStaff = new("SC Program Staff", "matrix-sc-staff", "HQ-ICE");

    private static readonly Actor ScDataImporter = new("SC Data Importer", "matrix-sc-importer", "HQ-ICE");

    /// <summary>Prepares the sites the readiness cells act on; plays no row.</summary>
    private static readonly Actor ScFixtureStaff = new("SC Program Staff", "matrix-sc-fixture", "HQ-ICE");

    private static readonly string[] ScRows =
    [
        // role                                   outcomes metrics sites save-site set-ori set-task set-go activate import
        "Agent                                 | no       no      no    no        no      no       no     no       no",
        "Supervisor                            | no       no      no    no        no      no       no     no       no",
        "Office Manager                        | no       no      no    no        no      no       no     no       no",
        "IROC Staff                            | no       no      no    no        no      no       no     no       no",
        "Headquarters Agent                    | yes      yes     yes   no        no      no       no     no       no",
        "HSI Intelligence                      | no       no      no    no        no      no       no     no       no",
        "Public Affairs Officer                | no       no      no    no        no      no       no     no       no",
        "Office of Professional Responsibility | no       no      no    no        no      no       no     no       no",
        "Statistics Analyst                    | yes      yes     no    no        no      no       no     no       no",
        "System Administrator                  | no       no      no    no        no      no       no     no       no",
        "Records Officer                       | no       no      no    no        no      no       no     no       no",
        "Privacy Officer                       | no       no      no    no        no      no       no     no       no",
        "Partner Agency Consumer               | no       no      no    no        no      no       no     no       no",
        "SC Program Staff                      | yes      yes     yes   yes       yes     yes      yes    yes      no",
        "SC Data Importer                      | no       no      no    no        no      no       no     no       yes",
    ];

    private static Actor ScActor(string role) => role switch
    {
        "SC Program Staff" => ScProgramStaff,
        "SC Data Importer" => ScDataImporter,
        _ => ByRole(role),
    };

    public static IEnumerable<object[]> ScCells() =>
        from row in ScRows
        let parts = row.Split('|', StringSplitOptions.TrimEntries)
        let outcomes = parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)
        from operation in Enum.GetValues<ScOperation>()
        select new object[] { parts[0], operation, Enum.Parse<Outcome>(outcomes[(int)operation], ignoreCase: true) };

    [Fact]
    public void The_secure_communities_rows_cover_every_role_and_operation()
    {
        var rows = ScRows.Select(r => r.Split('|', StringSplitOptions.TrimEntries)).ToList();
        Assert.Equal(All.Select(a => a.Role).Append(ScProgramStaff.Role).Append(ScDataImporter.Role).Order(), rows.Select(r => r[0]).Order());
        Assert.All(rows, r => Assert.Equal(Enum.GetValues<ScOperation>().Length, r[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length));
    }

    [Theory]
    [MemberData(nameof(ScCells))]
    public async Task Role_secure_communities_operation(string role, ScOperation operation, Outcome expected)
    {
        var actor = ScActor(role);
        // Every cell acts on its own site and rows, prepared the same way whoever acts, so a refusal is never a matter of state.
        var cell = $"MX{Array.FindIndex(ScRows, r => r.StartsWith(role + " ", StringComparison.Ordinal)):D2}{(int)operation}";
        var site = operation is ScOperation.ReadSites or ScOperation.SetOri or ScOperation.SetTask or ScOperation.SetGoDecision or ScOperation.ActivateSite
            ? await ScSiteAsync(cell, ready: operation == ScOperation.ActivateSite)
            : cell;

        var response = operation switch
        {
            ScOperation.ReadOutcomes => await host.PostAsync(
                "{ secureCommunitiesOutcomes(from: \"2009-01-01\", to: \"2009-03-31\") { months rows { code counts total } } }", null, actor),
            ScOperation.ReadMetrics => await host.PostAsync(
                "{ secureCommunitiesMetrics(from: \"2009-01-01\", to: \"2009-03-31\") { total { transmissions matches matchRate } } }", null, actor),
            ScOperation.ReadSites => await host.PostAsync("{ secureCommunitiesSites { code ready missing unansweredParties } }", null, actor),
            ScOperation.SaveSite => await ScMutateAsync("saveSecureCommunitiesSite", new { code = site, jurisdiction = "Matrix County", state = "NC" }, actor),
            ScOperation.SetOri => await ScMutateAsync("setSecureCommunitiesOri",
                new { site, ori = "NC09" + cell[2..].PadLeft(5, '0'), bookingLocation = "Matrix County Jail", evaluationStep = "POC_REVIEW" }, actor),
            ScOperation.SetTask => await ScMutateAsync("setSecureCommunitiesTask", new { site, task = "DRO_1", status = "IN_PROGRESS" }, actor),
            ScOperation.SetGoDecision => await ScMutateAsync("setSecureCommunitiesGoDecision",
                new { site, party = "ICE_LESC", decision = "GO", primaryContact = "LESC watch commander", askedAt = "2009-04-20T09:00:00-04:00" }, actor),
            ScOperation.ActivateSite => await ScMutateAsync("activateSecureCommunitiesSite", new { site }, actor),
            ScOperation.Import => await host.PostAsync(
                "mutation($input: ImportSecureCommunitiesDataInput!) { importSecureCommunitiesData(input: $input) { result { applied transmissionsWritten } errors { code message } } }",
                new { input = new { transmissionsCsv = "transmission_id,submitted_at,ori,state,site,result,iar_level,idr_returned_at,iar_returned_at\n"
                    + $"{cell},2009-03-31T23:30:00-04:00,NC0920000,NC,WAKE,MATCH,LEVEL_1,2009-03-31T23:40:00-04:00,2009-04-01T01:00:00-04:00\n" } }, actor),
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };

        var actual = operation switch
        {
            ScOperation.ReadOutcomes => Read(response, d => d["secureCommunitiesOutcomes"]?["rows"]?.AsArray().Count > 0),
            ScOperation.ReadMetrics => Read(response, d => d["secureCommunitiesMetrics"]?["total"]?["transmissions"] is not null),
            ScOperation.ReadSites => Read(response, d => d["secureCommunitiesSites"]!.AsArray().Any(s => s!["code"]!.GetValue<string>() == site)),
            ScOperation.Import => Changed(response) is var changed && changed == Outcome.Yes
                && response.Data!["importSecureCommunitiesData"]!["result"]!["transmissionsWritten"]!.GetValue<int>() != 1 ? Outcome.Other : changed,
            _ => Changed(response),
        };
        Assert.True(expected == actual, $"{role} × {operation}: expected {expected}, got {actual}: {response.Body}");
        if (actual != Outcome.Yes || operation is ScOperation.ReadOutcomes or ScOperation.ReadMetrics or ScOperation.ReadSites or ScOperation.Import) return;

        // The change is there, read back by someone who may read readiness.
        var sites = (await host.PostAsync("{ secureCommunitiesSites { code activatedAt oris { ori } tasks { code status } goDecisions { party decision } } }", null, ScFixtureStaff))
            .Data!["secureCommunitiesSites"]!.AsArray();
        var stored = sites.Single(s => s!["code"]!.GetValue<string>() == site)!;
        switch (operation)
        {
            case ScOperation.SetOri: Assert.Contains(stored["oris"]!.AsArray(), o => o!["ori"]!.GetValue<string>() == "NC09" + cell[2..].PadLeft(5, '0')); break;
            case ScOperation.SetTask: Assert.Equal("IN_PROGRESS", stored["tasks"]!.AsArray().Single(t => t!["code"]!.GetValue<string>() == "DRO_1")!["status"]!.GetValue<string>()); break;
            case ScOperation.SetGoDecision: Assert.Equal("GO", stored["goDecisions"]!.AsArray().Single(g => g!["party"]!.GetValue<string>() == "ICE_LESC")!["decision"]!.GetValue<string>()); break;
            case ScOperation.ActivateSite: Assert.NotNull(stored["activatedAt"]); break;
        }
    }

    private Task<GraphQLResponse> ScMutateAsync(string name, object input, Actor actor)
    {
        var inputType = char.ToUpperInvariant(name[0]) + name[1..] + "Input";
        return host.PostAsync($"mutation($input: {inputType}!) {{ {name}(input: $input) {{ site {{ code }} errors {{ code message }} }} }}", new { input }, actor);
    }

    /// <summary>A new site, with (when <paramref name="ready"/>) every required task done, all six parties' Go and its ORI on the final list.</summary>
    private async Task<string> ScSiteAsync(string code, bool ready)
    {
        async Task OkAsync(string name, object input)
        {
            var response = await ScMutateAsync(name, input, ScFixtureStaff);
            Assert.True(response.Data?[name]?["errors"]?.AsArray().Count == 0, $"Arrange: {name} failed: {response.Body}");
        }

        await OkAsync("saveSecureCommunitiesSite", new { code, jurisdiction = "Matrix County", state = "NC" });
        if (!ready) return code;
        await OkAsync("setSecureCommunitiesOri", new { site = code, ori = "NC08" + code[2..].PadLeft(5, '0'), bookingLocation = "Matrix County Jail", evaluationStep = "FINAL_LIST" });
        foreach (var task in new[] { "SIB_1", "SIB_2", "SIB_4", "DRO_1", "DRO_2", "DRO_3", "DRO_4", "DRO_5", "DRO_6" })
            await OkAsync("setSecureCommunitiesTask", new { site = code, task, status = "DONE" });
        foreach (var party in new[] { "FBI_CJIS", "US_VISIT", "ICE_LESC", "ICE_FIELD_OFFICE", "SIB", "LOCAL_LEA" })
            await OkAsync("setSecureCommunitiesGoDecision", new { site = code, party, decision = "GO", primaryContact = party + " primary" });
        return code;
    }
}
