using SenGraph.Tests.Infrastructure;
using SenGraph.Tests.Sir;
using static SenGraph.Tests.ReportTypes.ReportTypeApi;

namespace SenGraph.Tests.ReportTypes;

/// <summary>
/// OPPRED (issue 15 item 1) over HTTP against the shipped modules: a SIR for a sexually-based crime against a victim under 18,
/// with its qualifying offence; reviewed as an office requires, routed like a SIR, queued, in the IROC feed, <c>reports</c> and
/// <c>node</c>, filtered and sorted on its own fields, amended.
/// </summary>
public sealed class OppredTests(ShippedModulesHost host) : IClassFixture<ShippedModulesHost>
{
    public static readonly ReportTypeApi Api = new("Oppred",
        "id type number status title version revision category qualifyingOffence seizedProperty injuries hospital notes reportedWithinHours "
        + "people { role lastName } recipients { kind code reason } "
        + "victims { ageGroup sex smugglingOrTraffickingVictim relationshipToOffender countryOfBirth countryOfCitizenship } "
        + "criminalHistory { personPosition person { lastName } arrestCity arrestState registeredSexOffender amberAlertAssociated protectActCase aggravatedFelon fugitive priorArrests priorConvictions priorRecord }");

    private string Alice => host.Token("alice", "Agent", "SAC-NYC");
    private string Sam => host.Token("sam", "Supervisor", "SAC-NYC");
    private string Ed => host.Token("ed", "Agent", "FOD-NYC");
    private string Iris => host.Token("iris", "IROC Staff", "IROC-HQ");
    private string Bob => host.Token("bob", "Agent", "SAC-BOS");
    private string Paula => host.Token("paula", "Public Affairs Officer", "HQ-OPA");

    /// <summary>A valid OPPRED input (an arrest for enticement of a minor in New York) with <paramref name="changes"/> on top.</summary>
    public static Dictionary<string, object?> Input(string title, params (string Key, object? Value)[] changes)
    {
        var input = SirApi.Input(title);
        input["qualifyingOffence"] = "ENTICEMENT_OF_MINOR";
        input["victims"] = new object[]
        {
            new { ageGroup = "TWELVE_TO_FIFTEEN", sex = "FEMALE", smugglingOrTraffickingVictim = false, relationshipToOffender = "ONLINE_CONTACT", countryOfBirth = "USA", countryOfCitizenship = "USA" },
        };
        input["criminalHistory"] = new object[]
        {
            new { personPosition = 0, arrestCity = "Newark", arrestState = "NJ", registeredSexOffender = true, fugitive = false, priorArrests = 2, priorConvictions = 1, priorRecord = "2019 arrest, 2020 conviction." },
        };
        input["narratives"] = new object[] { new { heading = "Arrest", text = "Arrested at the meeting place arranged online with an undercover agent." } };
        foreach (var (key, value) in changes) input[key] = value;
        return input;
    }

    [Fact]
    public async Task An_oppred_is_reviewed_at_an_office_that_requires_it_then_submitted_numbered_routed_like_a_sir_queued_and_in_the_iroc_feed()
    {
        var title = "Operation Predator arrest " + Guid.NewGuid().ToString("N")[..8];
        var (id, v1) = await Api.DraftAsync(host, Alice, Input(title));

        // SAC-NYC requires review.
        Assert.Equal(["ILLEGAL_TRANSITION"], (await host.StepAsync("submitReport", Alice, new { id, expectedVersion = v1 })).ErrorCodes());
        var pending = await host.StepOkAsync("requestReportReview", Alice, new { id, expectedVersion = v1 });
        var approved = await host.StepOkAsync("approveReport", Sam, new { id, expectedVersion = pending["version"]!.GetValue<int>() });
        var submitted = await host.StepOkAsync("submitReport", Alice, new
        {
            id, expectedVersion = approved["version"]!.GetValue<int>(), recipients = new[] { new { kind = "USER", code = "hank" } },
        });
        Assert.Matches(@"^OPPRED-FY\d{4}-\d{6}$", submitted["number"]!.GetValue<string>());

        var read = await Api.ReadAsync(host, Alice, id);
        Assert.Equal("OPPRED", read!["type"]!.GetValue<string>());
        Assert.Equal("ENTICEMENT_OF_MINOR", read["qualifyingOffence"]!.GetValue<string>());
        Assert.Equal(["OFFICE:FIG-NYC:ROUTED", "OFFICE:FOD-NYC:ROUTED", "OFFICE:IROC-HQ:ROUTED", "OFFICE:SAC-NYC:ROUTED", "USER:hank:NAMED"], Recipients(read));

        var fodItem = await QueueItemAsync(host, Ed, id);
        Assert.NotNull(fodItem);
        Assert.Null(fodItem!["readAt"]);
        Assert.Equal("ENTICEMENT_OF_MINOR", (await InIrocFeedAsync(host, Iris, id, "... on Oppred { qualifyingOffence }"))?["qualifyingOffence"]?.GetValue<string>());
        Assert.Equal("Oppred", (await NodeAsync(host, Ed, id))?["__typename"]?.GetValue<string>());
        Assert.Equal(1, await InReportsAsync(host, Iris, id));

        // Another area does not see it; a role without a need to know is refused the type.
        Assert.Null(await NodeAsync(host, Bob, id));
        Assert.Equal(0, await InReportsAsync(host, Bob, id));
        Assert.Contains("AUTH_NOT_AUTHORIZED", (await host.PostAsync("query($id: ID!) { oppred(id: $id) { id } }", new { id }, Paula)).ErrorCodes);
    }

    [Fact]
    public async Task An_oppred_without_a_victim_under_18_is_refused_with_a_clear_error_and_nothing_is_stored()
    {
        var token = host.Token("oppred-adult-victim", "Agent", "SAC-BOS");
        foreach (var victims in new[]
        {
            new object[] { new { ageGroup = "EIGHTEEN_OR_OLDER" }, new { ageGroup = "UNKNOWN" } },
            Array.Empty<object>(),
        })
        {
            var refused = await Api.CreateAsync(host, token, Input("Adult victim only", ("victims", victims)));

            Assert.Null(refused["oppred"]);
            var error = Assert.Single(refused["errors"]!.AsArray())!;
            Assert.Equal("NO_VICTIM_UNDER_18", error["code"]!.GetValue<string>());
            Assert.Equal("input.victims", string.Join(".", error["path"]!.AsArray().Select(p => p!.GetValue<string>())));
            Assert.Contains("victim under 18", error["message"]!.GetValue<string>());
        }
        Assert.Equal(0, (await Api.ListAsync(host, token, "where: { author: { eq: \"oppred-adult-victim\" } }"))["totalCount"]!.GetValue<int>());

        // One victim under 18 among others qualifies.
        var accepted = await Api.CreateAsync(host, token, Input("One minor victim", ("victims", new object[] { new { ageGroup = "EIGHTEEN_OR_OLDER" }, new { ageGroup = "UNDER_SIX" } })));
        Assert.Empty(accepted["errors"]!.AsArray());
    }

    [Fact]
    public async Task Victims_and_criminal_history_are_stored_validated_at_their_paths_and_replaced_by_an_update()
    {
        var (id, v1) = await Api.DraftAsync(host, Bob, Input("Lists", ("eventState", "MA")));
        var read = await Api.ReadAsync(host, Bob, id);
        var victim = Assert.Single(read!["victims"]!.AsArray())!;
        Assert.Equal("TWELVE_TO_FIFTEEN", victim["ageGroup"]!.GetValue<string>());
        Assert.Equal("ONLINE_CONTACT", victim["relationshipToOffender"]!.GetValue<string>());
        var history = Assert.Single(read["criminalHistory"]!.AsArray())!;
        Assert.Equal("Perez", history["person"]!["lastName"]!.GetValue<string>());
        Assert.Equal("NJ", history["arrestState"]!.GetValue<string>());
        Assert.True(history["registeredSexOffender"]!.GetValue<bool>());
        Assert.Equal(2, history["priorArrests"]!.GetValue<int>());

        var invalid = await Api.UpdateAsync(host, Bob, Input("Lists", ("id", id), ("expectedVersion", v1), ("eventState", "MA"),
            ("victims", new object[] { new { ageGroup = "UNDER_SIX", countryOfBirth = "XXX" } }),
            ("criminalHistory", new object[] { new { personPosition = 0, arrestState = "ZZ" }, new { personPosition = 4 } })));
        var errors = Errors(invalid);
        Assert.Contains(("INVALID_COUNTRY", "input.victims.0.countryOfBirth"), errors);
        Assert.Contains(("INVALID_STATE", "input.criminalHistory.0.arrestState"), errors);
        Assert.Contains(("UNKNOWN_PERSON", "input.criminalHistory.1.personPosition"), errors);
        Assert.Equal("TWELVE_TO_FIFTEEN", (await Api.ReadAsync(host, Bob, id, "victims { ageGroup }"))!["victims"]![0]!["ageGroup"]!.GetValue<string>());

        var replaced = await Api.UpdateAsync(host, Bob, Input("Lists", ("id", id), ("expectedVersion", v1), ("eventState", "MA"),
            ("victims", new object[] { new { ageGroup = "UNDER_SIX", smugglingOrTraffickingVictim = true }, new { ageGroup = "SIXTEEN_TO_SEVENTEEN", countryOfCitizenship = "MEX" } }),
            ("criminalHistory", Array.Empty<object>())));
        Assert.Empty(replaced["errors"]!.AsArray());
        Assert.Equal(["UNDER_SIX", "SIXTEEN_TO_SEVENTEEN"], replaced["oppred"]!["victims"]!.AsArray().Select(v => v!["ageGroup"]!.GetValue<string>()));
        Assert.Empty(replaced["oppred"]!["criminalHistory"]!.AsArray());
    }

    [Fact]
    public async Task Victim_information_and_criminal_history_are_pii_refused_to_roles_without_a_need_to_know()
    {
        foreach (var selection in new[] { "victims { ageGroup }", "victims { countryOfBirth }", "criminalHistory { fugitive }", "criminalHistory { priorRecord }" })
        {
            var response = await host.PostAsync($"{{ reports(first: 5) {{ nodes {{ ... on Oppred {{ {selection} }} }} }} }}", token: host.Token("stella", "Statistics Analyst", "HQ-ICE"));
            Assert.Contains("AUTH_NOT_AUTHORIZED", response.ErrorCodes);
            Assert.Null(response.Data);
            var paula = await host.PostAsync($"{{ reports(first: 5) {{ nodes {{ ... on Oppred {{ {selection} }} }} }} }}", token: Paula);
            Assert.Contains("AUTH_NOT_AUTHORIZED", paula.ErrorCodes);
            Assert.Null(paula.Data);
        }
    }

    [Fact]
    public async Task An_oppred_filters_and_sorts_on_its_own_fields()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        foreach (var offence in new[] { "SEX_TRAFFICKING_OF_MINOR", "CHILD_SEXUAL_ABUSE_MATERIAL", "ENTICEMENT_OF_MINOR" })
            await Api.DraftAsync(host, Bob, Input($"Filter {marker} {offence}", ("qualifyingOffence", offence), ("eventState", "MA")));

        var list = await Api.ListAsync(host, Bob,
            $"where: {{ title: {{ startsWith: \"Filter {marker}\" }}, qualifyingOffence: {{ in: [SEX_TRAFFICKING_OF_MINOR, ENTICEMENT_OF_MINOR] }} }}, order: [{{ qualifyingOffence: ASC }}]",
            "totalCount nodes { qualifyingOffence }");

        Assert.Equal(2, list["totalCount"]!.GetValue<int>());
        // Enums sort by their stored name.
        Assert.Equal(["ENTICEMENT_OF_MINOR", "SEX_TRAFFICKING_OF_MINOR"], list["nodes"]!.AsArray().Select(n => n!["qualifyingOffence"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_other_offence_without_notes_and_a_hospital_without_injuries_are_refused_at_their_fields_and_nothing_is_stored()
    {
        var token = host.Token("oppred-careless", "Agent", "SAC-BOS");
        var created = await Api.CreateAsync(host, token, Input("Careless", ("qualifyingOffence", "OTHER_SEXUAL_OFFENCE_AGAINST_MINOR"), ("hospital", "Fictional General")));

        Assert.Null(created["oppred"]);
        var errors = Errors(created);
        Assert.Contains(("REQUIRED", "input.notes"), errors);
        Assert.Contains(("REQUIRED", "input.injuries"), errors);
        Assert.Equal(0, (await Api.ListAsync(host, token, "where: { author: { eq: \"oppred-careless\" } }"))["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_oppred_without_a_qualifying_offence_is_refused_before_anything_runs()
    {
        var input = Input("No offence");
        input.Remove("qualifyingOffence");

        var response = await host.PostAsync("mutation($input: CreateOppredInput!) { createOppred(input: $input) { errors { code } } }", new { input }, Bob);

        Assert.Null(response.Data);
        Assert.Contains("qualifyingOffence", response.Body);
    }

    [Fact]
    public async Task An_amended_oppred_keeps_the_submitted_version_in_its_revisions()
    {
        var (id, v1) = await Api.DraftAsync(host, Bob, Input("Amend me", ("eventState", "MA")));
        var submitted = await host.StepOkAsync("submitReport", Bob, new { id, expectedVersion = v1 });

        var amended = await Api.AmendAsync(host, Bob, Input("Amend me", ("id", id), ("expectedVersion", submitted["version"]!.GetValue<int>()),
            ("reason", "The offence was production of abuse material."), ("qualifyingOffence", "CHILD_SEXUAL_ABUSE_MATERIAL"), ("eventState", "MA")));

        Assert.Empty(amended["errors"]!.AsArray());
        Assert.Equal(1, amended["oppred"]!["revision"]!.GetValue<int>());
        var read = await Api.ReadAsync(host, Bob, id,
            "qualifyingOffence victims { ageGroup } revisions { revision reason report { ... on Oppred { qualifyingOffence victims { ageGroup } criminalHistory { priorArrests } } } }");
        Assert.Equal("CHILD_SEXUAL_ABUSE_MATERIAL", read!["qualifyingOffence"]!.GetValue<string>());
        var earlier = Assert.Single(read["revisions"]!.AsArray())!;
        Assert.Equal("ENTICEMENT_OF_MINOR", earlier["report"]!["qualifyingOffence"]!.GetValue<string>());
        Assert.Equal("TWELVE_TO_FIFTEEN", earlier["report"]!["victims"]![0]!["ageGroup"]!.GetValue<string>());
        Assert.Equal(2, earlier["report"]!["criminalHistory"]![0]!["priorArrests"]!.GetValue<int>());
    }
}
