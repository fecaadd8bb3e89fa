using SenGraph.Tests.Infrastructure;
using SenGraph.Tests.Sir;
using static SenGraph.Tests.ReportTypes.ReportTypeApi;

namespace SenGraph.Tests.ReportTypes;

/// <summary>
/// SPEAR (issue 15 item 2) over HTTP against the shipped modules: a proposed activity with its suspects and program case
/// information; supervisor review before every submission, whatever the office; routed to the field office and the IROC;
/// read only by roles with an operational need (field staff in scope, IROC staff, headquarters agents), never by HSI
/// intelligence or OPR even when named, nor by roles without a need to know.
/// </summary>
public sealed class SpearTests(ShippedModulesHost host) : IClassFixture<ShippedModulesHost>
{
    public static readonly ReportTypeApi Api = new("Spear",
        "id type number status title version revision activityKind plannedAt activityLocation activityDescription program programCaseNumber enforcement "
        + "people { role lastName aNumber } contacts { kind name } recipients { kind code reason }");

    private string Bob => host.Token("bob", "Agent", "SAC-BOS");
    private string Betty => host.Token("betty", "Supervisor", "SAC-BOS");
    private string Iris => host.Token("iris", "IROC Staff", "IROC-HQ");
    private string Hank => host.Token("hank", "Headquarters Agent", "HQ-HSI");
    private string Ivan => host.Token("ivan", "HSI Intelligence", "FIG-NYC");
    private string Oscar => host.Token("oscar", "Office of Professional Responsibility", "HQ-OPR");
    private string Olivia => host.Token("olivia", "Office Manager", "SAC-NYC");
    private string FodBos => host.Token("spear-fod-agent", "Agent", "FOD-BOS");

    /// <summary>A valid SPEAR input (a planned arrest in Boston next week) with <paramref name="changes"/> on top.</summary>
    public static Dictionary<string, object?> Input(string title, params (string Key, object? Value)[] changes)
    {
        var input = new Dictionary<string, object?>
        {
            ["title"] = title,
            ["activityKind"] = "ARREST",
            ["plannedAt"] = DateTimeOffset.UtcNow.AddDays(7).ToString("O"),
            ["activityLocation"] = "12 Fictional Street, Boston, MA",
            ["activityDescription"] = "Execute an arrest warrant with six agents.",
            ["program"] = "Demonstration Program",
            ["programCaseNumber"] = "CASE-2027-0042",
            ["eventCity"] = "Boston",
            ["eventState"] = "MA",
            ["people"] = new object[] { new { role = "SUSPECT", firstName = "Juan", lastName = "Perez", aNumber = "A012345678", countryOfCitizenship = "MEX" } },
            ["contacts"] = new object[]
            {
                new { kind = "REPORTING_PERSONNEL", name = "Bob Agent", phone = "(617) 555-0100" },
                new { kind = "SUPERVISOR", name = "Betty Supervisor" },
                new { kind = "ACTION_OFFICER", name = "Duty action officer" },
            },
        };
        foreach (var (key, value) in changes) input[key] = value;
        return input;
    }

    [Fact]
    public async Task A_spear_needs_review_even_where_the_office_does_not_require_it_then_goes_to_the_field_office_and_the_iroc()
    {
        var (id, v1) = await Api.DraftAsync(host, Bob, Input("Planned arrest " + Guid.NewGuid().ToString("N")[..8]));

        // SAC-BOS requires no review, but every SPEAR is reviewed.
        Assert.Equal(["ILLEGAL_TRANSITION"], (await host.StepAsync("submitReport", Bob, new { id, expectedVersion = v1 })).ErrorCodes());
        var pending = await host.StepOkAsync("requestReportReview", Bob, new { id, expectedVersion = v1 });
        var approved = await host.StepOkAsync("approveReport", Betty, new { id, expectedVersion = pending["version"]!.GetValue<int>() });
        var submitted = await host.StepOkAsync("submitReport", Bob, new { id, expectedVersion = approved["version"]!.GetValue<int>() });
        Assert.Matches(@"^SPEAR-FY\d{4}-\d{6}$", submitted["number"]!.GetValue<string>());

        var read = await Api.ReadAsync(host, Bob, id);
        Assert.Equal("ARREST", read!["activityKind"]!.GetValue<string>());
        Assert.True(read["enforcement"]!.GetValue<bool>());
        Assert.Equal("CASE-2027-0042", read["programCaseNumber"]!.GetValue<string>());
        Assert.Equal(["SUPERVISOR", "ACTION_OFFICER"], read["contacts"]!.AsArray().Skip(1).Select(c => c!["kind"]!.GetValue<string>()));
        Assert.Equal(["OFFICE:FOD-BOS:ROUTED", "OFFICE:IROC-HQ:ROUTED", "OFFICE:SAC-BOS:ROUTED"], Recipients(read));

        Assert.NotNull(await QueueItemAsync(host, FodBos, id));
        Assert.Equal("ARREST", (await InIrocFeedAsync(host, Iris, id, "... on Spear { activityKind }"))?["activityKind"]?.GetValue<string>());
        Assert.Equal("Spear", (await NodeAsync(host, Hank, id))?["__typename"]?.GetValue<string>());
        Assert.Equal(1, await InReportsAsync(host, Hank, id));
    }

    [Fact]
    public async Task Only_roles_with_an_operational_need_read_a_submitted_spear_even_when_others_are_named_on_it()
    {
        var (id, v1) = await Api.DraftAsync(host, Bob, Input("Sensitive arrest"));
        var pending = await host.StepOkAsync("requestReportReview", Bob, new { id, expectedVersion = v1 });
        var approved = await host.StepOkAsync("approveReport", Betty, new { id, expectedVersion = pending["version"]!.GetValue<int>() });
        await host.StepOkAsync("submitReport", Bob, new
        {
            id, expectedVersion = approved["version"]!.GetValue<int>(),
            recipients = new[] { new { kind = "USER", code = "ivan" }, new { kind = "USER", code = "oscar" } },
        });

        // The IROC and headquarters read every submitted SPEAR.
        Assert.NotNull(await Api.ReadAsync(host, Iris, id, "id"));
        Assert.NotNull(await Api.ReadAsync(host, Hank, id, "id"));
        // HSI intelligence and OPR are refused the type outright, and it does not exist for them on the shared paths, named or not.
        foreach (var token in new[] { Ivan, Oscar })
        {
            Assert.Contains("AUTH_NOT_AUTHORIZED", (await host.PostAsync("query($id: ID!) { spear(id: $id) { id } }", new { id }, token)).ErrorCodes);
            Assert.Null(await NodeAsync(host, token, id));
            Assert.Equal(0, await InReportsAsync(host, token, id));
            Assert.Null(await QueueItemAsync(host, token, id));
        }
        // An office manager of another area reads only SPEARs in scope.
        Assert.Null(await Api.ReadAsync(host, Olivia, id, "id"));
    }

    [Fact]
    public async Task A_planned_enforcement_action_without_a_place_is_refused_but_a_training_needs_none()
    {
        var token = host.Token("spear-careless", "Agent", "SAC-BOS");
        var refused = await Api.CreateAsync(host, token, Input("No place", ("activityLocation", "  ")));
        Assert.Null(refused["spear"]);
        Assert.Equal([("REQUIRED", "input.activityLocation")], Errors(refused));

        var training = await Api.CreateAsync(host, token, Input("Training", ("activityKind", "TRAINING"), ("activityLocation", null), ("people", Array.Empty<object>())));
        Assert.Empty(training["errors"]!.AsArray());
        Assert.False(training["spear"]!["enforcement"]!.GetValue<bool>());
        Assert.Equal(1, (await Api.ListAsync(host, token, "where: { author: { eq: \"spear-careless\" } }"))["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Spears_filter_and_sort_on_kind_planned_time_and_program_case_number()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var soon = DateTimeOffset.UtcNow.AddDays(2);
        await Api.DraftAsync(host, Bob, Input($"S {marker} late", ("plannedAt", soon.AddDays(9).ToString("O")), ("activityKind", "SEARCH")));
        await Api.DraftAsync(host, Bob, Input($"S {marker} early", ("plannedAt", soon.ToString("O")), ("activityKind", "SEIZURE")));
        await Api.DraftAsync(host, Bob, Input($"S {marker} meeting", ("plannedAt", soon.AddDays(1).ToString("O")), ("activityKind", "MEETING"), ("activityLocation", null)));

        var list = await Api.ListAsync(host, Bob,
            $"where: {{ title: {{ startsWith: \"S {marker}\" }}, activityKind: {{ in: [SEARCH, SEIZURE] }}, plannedAt: {{ gte: \"{soon.AddMinutes(-1):O}\" }} }}, order: [{{ plannedAt: ASC }}]",
            "totalCount nodes { title }");

        Assert.Equal(2, list["totalCount"]!.GetValue<int>());
        Assert.Equal([$"S {marker} early", $"S {marker} late"], list["nodes"]!.AsArray().Select(n => n!["title"]!.GetValue<string>()));
        var byCase = await Api.ListAsync(host, Bob, $"where: {{ title: {{ startsWith: \"S {marker}\" }}, programCaseNumber: {{ eq: \"CASE-2027-0042\" }} }}");
        Assert.Equal(3, byCase["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_amended_spear_keeps_the_plan_it_replaced()
    {
        var (id, v1) = await Api.DraftAsync(host, Bob, Input("Moved arrest"));
        var pending = await host.StepOkAsync("requestReportReview", Bob, new { id, expectedVersion = v1 });
        var approved = await host.StepOkAsync("approveReport", Betty, new { id, expectedVersion = pending["version"]!.GetValue<int>() });
        var submitted = await host.StepOkAsync("submitReport", Bob, new { id, expectedVersion = approved["version"]!.GetValue<int>() });

        var amended = await Api.AmendAsync(host, Bob, Input("Moved arrest", ("id", id), ("expectedVersion", submitted["version"]!.GetValue<int>()),
            ("reason", "Moved to a search after a new lead."), ("activityKind", "SEARCH")));

        Assert.Empty(amended["errors"]!.AsArray());
        var read = await Api.ReadAsync(host, Bob, id, "activityKind revisions { report { ... on Spear { activityKind } } }");
        Assert.Equal("SEARCH", read!["activityKind"]!.GetValue<string>());
        Assert.Equal("ARREST", Assert.Single(read["revisions"]!.AsArray())!["report"]!["activityKind"]!.GetValue<string>());
    }
}
