using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.Kit;

/// <summary>Contact kinds and person roles a module adds join the shared GraphQL enums while it is loaded, and reports store them.</summary>
public sealed class ModuleVocabularyTests(KitTypesHost host) : IClassFixture<KitTypesHost>
{
    private async Task<List<(string Name, string? Description)>> EnumValuesAsync(string type)
    {
        var values = (await host.PostAsync("query($name: String!) { __type(name: $name) { enumValues { name description } } }", new { name = type })).ShouldSucceed()
            .Data!["__type"]!["enumValues"]!.AsArray();
        return values.Select(v => (v!["name"]!.GetValue<string>(), v["description"]?.GetValue<string>())).ToList();
    }

    [Fact]
    public async Task A_module_contact_kind_and_person_role_follow_the_host_values_in_their_enums_with_their_descriptions()
    {
        var kinds = await EnumValuesAsync("ContactKind");
        // The host's first, then the loaded modules' (the shipped LEARA, ERO TAV and ERO LEAD modules declare theirs too).
        Assert.Equal(["REPORTING_PERSONNEL", "SUPERVISOR", "ACTION_OFFICER", "OTHER_LAW_ENFORCEMENT"], kinds.Take(4).Select(k => k.Name));
        Assert.StartsWith("The agency or officer who asked", Assert.Single(kinds, k => k.Name == "REQUESTING_PARTY").Description);
        var roles = await EnumValuesAsync("PersonRole");
        Assert.Equal(["SUSPECT", "VICTIM", "WITNESS", "DETAINEE", "SUBJECT", "ORGANISATION"], roles.Select(r => r.Name));
    }

    [Fact]
    public async Task A_report_names_a_contact_and_a_person_of_the_module_values_and_reads_them_back()
    {
        var bob = host.Token("bob", "Agent", "SAC-BOS");
        var created = (await host.PostAsync("""
            mutation { createKitProbe(input: { title: "Request from a police department", outcome: ONGOING,
                contacts: [{ kind: REQUESTING_PARTY, name: "Lt. Dana Smith", agency: "Boston PD" }],
                people: [{ role: ORGANISATION, lastName: "Harbor Freight Forwarding LLC" }] }) {
              kitProbe { id contacts { kind name } people { role lastName } } errors { code message path } } }
            """, token: bob)).ShouldSucceed().Data!["createKitProbe"]!;
        Assert.Empty(created["errors"]!.AsArray());
        var id = created["kitProbe"]!["id"]!.GetValue<string>();

        var read = (await host.PostAsync("query($id: ID!) { kitProbe(id: $id) { contacts { kind name } people { role lastName } } }", new { id }, bob))
            .ShouldSucceed().Data!["kitProbe"]!;
        Assert.Equal("""{"contacts":[{"kind":"REQUESTING_PARTY","name":"Lt. Dana Smith"}],"people":[{"role":"ORGANISATION","lastName":"Harbor Freight Forwarding LLC"}]}""",
            read.ToJsonString());
    }

    [Fact]
    public async Task A_value_no_loaded_module_declares_is_refused_by_the_schema()
    {
        var response = await host.PostAsync("""mutation { createSir(input: { title: "x", category: SIGNIFICANT_ARREST, contacts: [{ kind: PUBLIC_INFORMATION_OFFICER, name: "x" }] }) { errors { code } } }""",
            token: host.Token("bob", "Agent", "SAC-BOS"));
        Assert.NotEmpty(response.Errors);
    }
}
