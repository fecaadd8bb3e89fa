using System.Text.Json.Nodes;
using SenGraph.Tests.Infrastructure;
using SenGraph.Tests.Sir;

namespace SenGraph.Tests.EroLead;

/// <summary>ERO LEAD end to end over HTTP: routing to the field office and the IOU, the IOU's HSI flag, and dissemination products.</summary>
[Trait(TestDatabase.Trait, "true")] // runs again on PostgreSQL in CI (TestDatabase)
public sealed class EroLeadTests(EroLeadHost host) : IClassFixture<EroLeadHost>
{
    private const string ProductFields = "id agency authorisedBy authorisedAt title subject source leadCity leadState text textByAnalyst";

    /// <summary>A lead that holds every PII field the envelope has (title, the subject's every identifier, an organisation, contacts, narratives).</summary>
    internal static Dictionary<string, object?> LeadWithEveryPiiField(string tag) => new()
    {
        ["title"] = $"Gang member Rodrigo Quintanilla-{tag} crossing near El Paso",
        ["subject"] = "GANGS",
        ["source"] = "INTERVIEW",
        ["eventCity"] = "El Paso",
        ["eventState"] = "TX",
        ["eventAt"] = "2026-11-20T03:00:00Z",
        ["caseReference"] = $"CASE-{tag}-7788",
        ["people"] = new object[]
        {
            new
            {
                role = "SUBJECT", firstName = "Rodrigo", middleName = "Alarico", lastName = $"Quintanilla-{tag}", dateOfBirth = "1979-03-14", age = 47, sex = "MALE",
                countryOfBirth = "SLV", countryOfCitizenship = "HND", address = new { street = "1437 Mockingbird Lane", city = "Las Cruces", state = "NM", postalCode = "88011" }, aNumber = "A087654321", fin = "2233445566", fbiNumber = "778899XY1", immigrationStatus = "Overstayed a B-2 visa in 2019",
            },
            new { role = "ORGANISATION", lastName = $"Rio Bravo Transport LLC {tag}" },
        },
        ["personDetails"] = new object[]
        {
            new
            {
                personPosition = 0, mothersMaidenName = $"Echeverria-{tag}", citizenshipStatus = "Citizen of Honduras, no US status", entryDate = "2004-07-19",
                arrestCity = "Albuquerque", arrestState = "NM", registeredSexOffender = true, amberAlert = true, protectAct = true, aggravatedFelon = true,
                fugitive = true, priorArrestsAndConvictions = "Arrested 2011 for armed robbery in Albuquerque; convicted 2012, 4 years.",
            },
        },
        ["contacts"] = new object[]
        {
            new { kind = "REPORTING_PERSONNEL", name = "Officer Valentina Reyes", agency = "ICE FOD-NYC", phone = "(212) 555-0199", email = "valentina.reyes@example.gov" },
            new { kind = "SUPERVISOR", name = "Supervisor Gideon Marsh", phone = "(212) 555-0198" },
        },
        ["narratives"] = new object[] { new { heading = "Interview", text = $"Quintanilla-{tag} said the crossing is planned for Friday near the Zaragoza bridge with Marisol Ybarra." } },
    };

    /// <summary>Every string value the lead input holds, recursively: what must never appear in a product.</summary>
    internal static IEnumerable<string> PiiValues(Dictionary<string, object?> lead)
    {
        var json = JsonSerializerNode(lead);
        IEnumerable<string> Walk(JsonNode? node) => node switch
        {
            JsonObject o => o.SelectMany(p => Walk(p.Value)),
            JsonArray a => a.SelectMany(Walk),
            JsonValue v => [v.ToString()],
            _ => [],
        };
        var everything = new[] { json["title"], json["caseReference"], json["people"], json["personDetails"], json["contacts"], json["narratives"] }.SelectMany(Walk);
        // Enum values (SUBJECT, MALE, ...), the kind of contact, a person position and the flags' bare "true" (a product names no person to attach them to) are not personal data; every other value is.
        string[] vocabulary = ["SUBJECT", "ORGANISATION", "MALE", "REPORTING_PERSONNEL", "SUPERVISOR", "Interview", "0", "true"];
        return everything.Where(v => !vocabulary.Contains(v)).Distinct();
    }

    private static JsonNode JsonSerializerNode(object value) => JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(value))!;

    private async Task<JsonNode> DisseminateAsync(string id, string agency, string? text = null, string? token = null) =>
        (await host.PostAsync($"mutation($input: DisseminateEroLeadInput!) {{ disseminateEroLead(input: $input) {{ product {{ {ProductFields} }} errors {{ code message path }} }} }}",
            new { input = new { id, agency, text } }, token ?? host.Analyst)).ShouldSucceed().Data!["disseminateEroLead"]!;

    private async Task<int> ProductCountAsync() =>
        (await host.PostAsync("{ eroLeadProducts(first: 1) { totalCount } }", token: host.Analyst)).ShouldSucceed().Data!["eroLeadProducts"]!["totalCount"]!.GetValue<int>();

    [Fact]
    public async Task A_lead_reaches_the_field_office_and_the_iou_and_hsi_intelligence_only_once_the_iou_flags_it()
    {
        var id = await host.SubmitLeadAsync(LeadWithEveryPiiField("route"));
        var recipients = (await host.PostAsync("query($id: ID!) { eroLead(id: $id) { number subject source recipients { code reason } } }", new { id }, host.Analyst))
            .ShouldSucceed().Data!["eroLead"]!;
        Assert.Matches(@"^EROLEAD-FY\d{4}-\d{6}$", recipients["number"]!.GetValue<string>());
        var details = Assert.Single((await host.PostAsync("query($id: ID!) { eroLead(id: $id) { personDetails { mothersMaidenName fugitive person { lastName } } } }",
            new { id }, host.Analyst)).ShouldSucceed().Data!["eroLead"]!["personDetails"]!.AsArray())!;
        Assert.Equal(("Echeverria-route", true, "Quintanilla-route"),
            (details["mothersMaidenName"]!.GetValue<string>(), details["fugitive"]!.GetValue<bool>(), details["person"]!["lastName"]!.GetValue<string>()));
        Assert.Equal(["FOD-NYC", "IOU-HQ"], recipients["recipients"]!.AsArray().Select(r => r!["code"]!.GetValue<string>()).Order());

        var ivan = host.Token("ivan", "HSI Intelligence", "FIG-NYC");
        Assert.Null((await host.PostAsync("query($id: ID!) { eroLead(id: $id) { id } }", new { id }, ivan)).ShouldSucceed().Data!["eroLead"]);
        // Only the IOU flags.
        Assert.Contains("AUTH_NOT_AUTHORIZED", (await host.PostAsync("mutation($id: ID!) { flagEroLeadForHsi(input: { id: $id, reason: \"x\" }) { errors { code } } }",
            new { id }, host.Ed)).ErrorCodes);

        var flagged = (await host.PostAsync("mutation($id: ID!) { flagEroLeadForHsi(input: { id: $id, reason: \"Gang crossing: HSI El Paso should know.\" }) { flag { leadId flaggedBy reason } errors { code } } }",
            new { id }, host.Analyst)).ShouldSucceed().Data!["flagEroLeadForHsi"]!;
        Assert.Empty(flagged.ErrorCodes());
        Assert.Equal("iou-analyst", flagged["flag"]!["flaggedBy"]!.GetValue<string>());

        var read = (await host.PostAsync("query($id: ID!) { eroLead(id: $id) { id subject recipients { code reason readAt } } }", new { id }, ivan)).ShouldSucceed().Data!["eroLead"]!;
        Assert.Equal("GANGS", read["subject"]!.GetValue<string>());
        Assert.Equal(["FIG-BOS", "FIG-NYC", "FOD-NYC", "IOU-HQ"], read["recipients"]!.AsArray().Select(r => r!["code"]!.GetValue<string>()).Order());
        var unread = (await host.PostAsync("{ myQueue(first: 50, where: { readAt: { eq: null } }) { nodes { report { id } } } }", token: ivan)).ShouldSucceed()
            .Data!["myQueue"]!["nodes"]!.AsArray();
        Assert.Contains(unread, n => n!["report"]!["id"]!.GetValue<string>() == id);

        var again = (await host.PostAsync("mutation($id: ID!) { flagEroLeadForHsi(input: { id: $id, reason: \"again\" }) { flag { leadId } errors { code } } }",
            new { id }, host.Analyst)).ShouldSucceed().Data!["flagEroLeadForHsi"]!;
        Assert.Equal(["ILLEGAL_TRANSITION"], again.ErrorCodes());
    }

    [Fact]
    public async Task Products_derived_from_leads_holding_every_pii_field_hold_no_pii_value_and_only_their_agency_reads_them()
    {
        var leads = new[] { LeadWithEveryPiiField("p1"), LeadWithEveryPiiField("p2") };
        var ids = new List<string>();
        foreach (var lead in leads) ids.Add(await host.SubmitLeadAsync(lead));

        var withheld = await DisseminateAsync(ids[0], "CBP");
        Assert.Empty(withheld.ErrorCodes());
        Assert.False(withheld["product"]!["textByAnalyst"]!.GetValue<bool>());
        Assert.Equal(("iou-analyst", "CBP"), (withheld["product"]!["authorisedBy"]!.GetValue<string>(), withheld["product"]!["agency"]!.GetValue<string>()));
        var redacted = await DisseminateAsync(ids[1], "cbp", "A crossing is planned for Friday night near the Zaragoza bridge in El Paso.");
        Assert.Empty(redacted.ErrorCodes());
        Assert.True(redacted["product"]!["textByAnalyst"]!.GetValue<bool>());
        var marshals = await DisseminateAsync(ids[1], "USMS");
        Assert.Empty(marshals.ErrorCodes());

        var cbpBody = (await host.PostAsync($"{{ eroLeadProducts(first: 50) {{ totalCount nodes {{ {ProductFields} }} }} }}", token: host.CbpLiaison)).ShouldSucceed();
        var cbp = cbpBody.Data!["eroLeadProducts"]!;
        Assert.Equal(2, cbp["totalCount"]!.GetValue<int>());
        Assert.All(cbp["nodes"]!.AsArray(), p => Assert.Equal("CBP", p!["agency"]!.GetValue<string>()));
        Assert.All(cbp["nodes"]!.AsArray(), p => Assert.Equal(("GANGS", "INTERVIEW", "El Paso", "TX"),
            (p!["subject"]!.GetValue<string>(), p["source"]!.GetValue<string>(), p["leadCity"]!.GetValue<string>(), p["leadState"]!.GetValue<string>())));

        // No PII value of the leads anywhere in a product: not in what the liaisons read, not in what the analyst reads, not in the mutation answers.
        var analystBody = (await host.PostAsync($"{{ eroLeadProducts(first: 50) {{ nodes {{ {ProductFields} }} }} }}", token: host.Analyst)).ShouldSucceed();
        var usmsBody = (await host.PostAsync($"{{ eroLeadProducts(first: 50) {{ nodes {{ {ProductFields} }} }} }}", token: host.UsmsLiaison)).ShouldSucceed();
        Assert.Equal(3, analystBody.Data!["eroLeadProducts"]!["nodes"]!.AsArray().Count);
        Assert.Equal(["USMS"], usmsBody.Data!["eroLeadProducts"]!["nodes"]!.AsArray().Select(p => p!["agency"]!.GetValue<string>()));
        var products = new[] { cbpBody.Body, analystBody.Body, usmsBody.Body, withheld.ToJsonString(), redacted.ToJsonString(), marshals.ToJsonString() };
        var pii = leads.SelectMany(PiiValues).Distinct().ToList();
        Assert.True(pii.Count >= 25, $"the leads hold {pii.Count} PII values");
        foreach (var value in pii)
            foreach (var product in products)
                // A short value (an age, a state, a country code) would match inside timestamps and ids: it must not be a whole JSON value.
                Assert.False(value.Length >= 5
                        ? product.Contains(value, StringComparison.OrdinalIgnoreCase)
                        : product.Contains($"\"{value}\"", StringComparison.OrdinalIgnoreCase) || product.Contains($":{value},", StringComparison.Ordinal)
                            || product.Contains($":{value}}}", StringComparison.Ordinal),
                    $"the PII value '{value}' appears in a product: {product}");
        // Nor the lead's id or number, which would lead an outsider back to it.
        foreach (var id in ids) Assert.DoesNotContain(id, cbpBody.Body);

        // A liaison reads products only: never a lead.
        Assert.Contains("AUTH_NOT_AUTHORIZED", (await host.PostAsync("{ eroLeads(first: 1) { totalCount } }", token: host.CbpLiaison)).ErrorCodes);
        Assert.Null((await host.PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id = ids[0] }, host.CbpLiaison)).Data?["node"]);
    }

    [Fact]
    public async Task Dissemination_needs_a_submitted_lead_a_partner_agency_and_an_iou_analyst()
    {
        var id = await host.SubmitLeadAsync(LeadWithEveryPiiField("err"));
        var before = await ProductCountAsync();
        Assert.Equal(["UNKNOWN_RECIPIENT"], (await DisseminateAsync(id, "NOPE")).ErrorCodes());
        Assert.Equal(["UNKNOWN_RECIPIENT"], (await DisseminateAsync(id, "IOU-HQ")).ErrorCodes());
        Assert.Equal(["TOO_LONG"], (await DisseminateAsync(id, "CBP", new string('x', 20_001))).ErrorCodes());
        Assert.Equal(["NOT_FOUND"], (await DisseminateAsync(Guid.NewGuid().ToString(), "CBP")).ErrorCodes());

        var draft = (await host.PostAsync("mutation($input: CreateEroLeadInput!) { createEroLead(input: $input) { eroLead { id } errors { code } } }",
            new { input = LeadWithEveryPiiField("draft") }, host.Ed)).ShouldSucceed().Data!["createEroLead"]!["eroLead"]!["id"]!.GetValue<string>();
        Assert.Equal(["NOT_FOUND"], (await DisseminateAsync(draft, "CBP")).ErrorCodes()); // a draft is its author's office's only
        Assert.Contains("AUTH_NOT_AUTHORIZED", (await host.PostAsync("mutation { disseminateEroLead(input: { id: \"x\", agency: \"CBP\" }) { errors { code } } }",
            token: host.Ed)).ErrorCodes);
        Assert.Equal(before, await ProductCountAsync()); // nothing was written by any refused dissemination
    }
}
