using SenGraph.Tests.Infrastructure;
using SenGraph.Tests.Sir;
using SenGraph.Tests.WebSockets;
using static SenGraph.Tests.ReportTypes.ReportTypeApi;

namespace SenGraph.Tests.ReportTypes;

/// <summary>
/// SPOT (issue 15 item 3) over HTTP and the WebSocket against the shipped modules: subject and summary (PII), the authorising
/// office, government points of contact; routed to every headquarters office at once on submission and delivered live; read
/// by every SEN user who may read reports at all, whatever their office.
/// </summary>
public sealed class SpotTests(ShippedModulesHost host) : IClassFixture<ShippedModulesHost>
{
    public static readonly ReportTypeApi Api = new("Spot",
        "id type number status title version revision nature subject summary authorizingOffice contacts { kind name agency } recipients { kind code reason }");

    private string Bob => host.Token("bob", "Agent", "SAC-BOS");
    private string Ed => host.Token("ed", "Agent", "FOD-NYC");
    private string Ivan => host.Token("ivan", "HSI Intelligence", "FIG-NYC");
    private string Oscar => host.Token("oscar", "Office of Professional Responsibility", "HQ-OPR");
    private string Olivia => host.Token("olivia", "Office Manager", "SAC-NYC");
    private string Hank => host.Token("hank", "Headquarters Agent", "HQ-HSI");
    private string Paula => host.Token("paula", "Public Affairs Officer", "HQ-OPA");

    /// <summary>A valid SPOT input (an imminent threat in Boston, authorised by SAC-BOS) with <paramref name="changes"/> on top.</summary>
    public static Dictionary<string, object?> Input(string title, params (string Key, object? Value)[] changes)
    {
        var input = new Dictionary<string, object?>
        {
            ["title"] = title,
            ["nature"] = "IMMINENT_THREAT",
            ["subject"] = "Threat against the Boston field office by Juan Perez",
            ["summary"] = "Juan Perez posted a threat to attack agents at the field office; local police are informed.",
            ["authorizingOffice"] = "SAC-BOS",
            ["eventAt"] = DateTimeOffset.UtcNow.AddHours(-1).ToString("O"),
            ["eventCity"] = "Boston",
            ["eventState"] = "MA",
            ["contacts"] = new object[]
            {
                new { kind = "REPORTING_PERSONNEL", name = "Bob Agent", phone = "(617) 555-0100" },
                new { kind = "GOVERNMENT_POINT_OF_CONTACT", name = "FPS duty officer", agency = "Federal Protective Service" },
            },
        };
        foreach (var (key, value) in changes) input[key] = value;
        return input;
    }

    [Fact]
    public async Task A_submitted_spot_goes_to_every_headquarters_office_at_once_live_and_every_reader_of_reports_reads_it()
    {
        await using var hqLive = await GraphQLWsTestClient.InitializedAsync(host, authorization: "Bearer " + Hank);
        await hqLive.SubscribeAsync("hq", "subscription { reportSubmitted { id number ... on Spot { nature subject } } }");

        var (id, v1) = await Api.DraftAsync(host, Bob, Input("Threat " + Guid.NewGuid().ToString("N")[..8]));
        var submitted = await host.StepOkAsync("submitReport", Bob, new { id, expectedVersion = v1 });
        Assert.Matches(@"^SPOT-FY\d{4}-\d{6}$", submitted["number"]!.GetValue<string>());

        var read = await Api.ReadAsync(host, Bob, id);
        Assert.Equal("SAC-BOS", read!["authorizingOffice"]!.GetValue<string>());
        Assert.Equal("GOVERNMENT_POINT_OF_CONTACT", read["contacts"]![1]!["kind"]!.GetValue<string>());
        var routed = Recipients(read);
        Assert.NotEmpty(routed);
        Assert.All(routed, r => Assert.Matches("^OFFICE:HQ-[A-Z]+:ROUTED$", r));
        Assert.Contains("OFFICE:HQ-HSI:ROUTED", routed);
        Assert.Contains("OFFICE:HQ-OPR:ROUTED", routed);

        while (true)
        {
            var message = await hqLive.ReceiveAsync();
            Assert.Equal("next", message["type"]!.GetValue<string>());
            var report = message["payload"]!["data"]!["reportSubmitted"]!;
            if (report["id"]!.GetValue<string>() != id) continue;
            Assert.Equal("IMMINENT_THREAT", report["nature"]!.GetValue<string>());
            break;
        }

        Assert.NotNull(await QueueItemAsync(host, Hank, id));
        // Whatever their office, every role that reads reports reads a submitted SPOT, on every path.
        foreach (var token in new[] { Ed, Ivan, Oscar, Olivia })
        {
            Assert.NotNull(await Api.ReadAsync(host, token, id, "id subject"));
            Assert.Equal("Spot", (await NodeAsync(host, token, id))?["__typename"]?.GetValue<string>());
            Assert.Equal(1, await InReportsAsync(host, token, id));
        }
        Assert.NotNull(await InIrocFeedAsync(host, host.Token("iris", "IROC Staff", "IROC-HQ"), id, "... on Spot { nature }"));
        // Public affairs do not read reports: refused the type.
        Assert.Contains("AUTH_NOT_AUTHORIZED", (await host.PostAsync("query($id: ID!) { spot(id: $id) { id } }", new { id }, Paula)).ErrorCodes);
    }

    [Fact]
    public async Task A_spot_draft_is_still_its_authors_alone()
    {
        var (id, _) = await Api.DraftAsync(host, Bob, Input("Draft threat"));
        foreach (var token in new[] { Ed, Ivan, Hank })
            Assert.Null(await Api.ReadAsync(host, token, id, "id"));
    }

    [Fact]
    public async Task A_blank_subject_and_an_authorising_office_that_is_not_an_office_code_are_refused_at_their_fields()
    {
        var token = host.Token("spot-careless", "Agent", "SAC-BOS");
        var refused = await Api.CreateAsync(host, token, Input("Careless", ("subject", "   "), ("authorizingOffice", "the boss")));

        Assert.Null(refused["spot"]);
        var errors = Errors(refused);
        Assert.Contains(("REQUIRED", "input.subject"), errors);
        Assert.Contains(("INVALID_OFFICE_CODE", "input.authorizingOffice"), errors);
        Assert.Equal(0, (await Api.ListAsync(host, token, "where: { author: { eq: \"spot-careless\" } }"))["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Spots_filter_and_sort_on_nature_and_authorising_office_and_an_amendment_keeps_the_earlier_summary()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var (id, v1) = await Api.DraftAsync(host, Bob, Input($"P {marker} threat"));
        await Api.DraftAsync(host, Bob, Input($"P {marker} incident", ("nature", "CRITICAL_INCIDENT"), ("authorizingOffice", "RAC-PVD")));

        var list = await Api.ListAsync(host, Bob, $"where: {{ title: {{ startsWith: \"P {marker}\" }} }}, order: [{{ authorizingOffice: DESC }}]", "nodes { nature authorizingOffice }");
        Assert.Equal(["SAC-BOS", "RAC-PVD"], list["nodes"]!.AsArray().Select(n => n!["authorizingOffice"]!.GetValue<string>()));
        var incidents = await Api.ListAsync(host, Bob, $"where: {{ title: {{ startsWith: \"P {marker}\" }}, nature: {{ eq: CRITICAL_INCIDENT }} }}");
        Assert.Equal(1, incidents["totalCount"]!.GetValue<int>());

        var submitted = await host.StepOkAsync("submitReport", Bob, new { id, expectedVersion = v1 });
        var amended = await Api.AmendAsync(host, Bob, Input($"P {marker} threat", ("id", id), ("expectedVersion", submitted["version"]!.GetValue<int>()),
            ("reason", "The subject is in custody."), ("summary", "Juan Perez is in custody.")));
        Assert.Empty(amended["errors"]!.AsArray());
        var read = await Api.ReadAsync(host, Bob, id, "summary revisions { report { ... on Spot { summary } } }");
        Assert.Equal("Juan Perez is in custody.", read!["summary"]!.GetValue<string>());
        Assert.StartsWith("Juan Perez posted a threat", Assert.Single(read["revisions"]!.AsArray())!["report"]!["summary"]!.GetValue<string>());
    }

    [Fact]
    public async Task Spot_is_shown_as_unscheduled_where_retention_is_shown_since_the_pia_gives_it_no_schedule()
    {
        var types = (await host.PostAsync("{ modules { reportTypes { code retention { scheduled trigger destroyAfterYears transferAfterYears summary } } } }", token: Hank))
            .ShouldSucceed().Data!["modules"]!.AsArray().SelectMany(m => m!["reportTypes"]!.AsArray()).ToList();
        var retention = Assert.Single(types, t => t!["code"]!.GetValue<string>() == "SPOT")!["retention"]!;

        Assert.False(retention["scheduled"]!.GetValue<bool>());
        Assert.Null(retention["trigger"]);
        Assert.Null(retention["destroyAfterYears"]);
        Assert.Null(retention["transferAfterYears"]);
        Assert.Equal("Unscheduled: kept until a retention schedule is approved.", retention["summary"]!.GetValue<string>());
        // The other shipped types with a schedule say so, so the field is not unscheduled for everyone.
        Assert.Contains(types, t => t!["retention"]!["scheduled"]!.GetValue<bool>());
    }
}
