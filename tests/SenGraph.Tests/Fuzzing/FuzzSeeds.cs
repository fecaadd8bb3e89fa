using System.Text;
using System.Text.Json.Nodes;

namespace SenGraph.Tests.Fuzzing;

/// <summary>
/// Reports and users the fuzz needs to exist, made through the API: a draft, a report pending review, an
/// approved one and a submitted one (so an edit, a review step or a submission is valid but for the fuzzed
/// value), a report another office drafted (out of the caller's scope), a queue entry (an id of another type).
/// </summary>
public sealed class FuzzFixtures
{
    private readonly FuzzHost _host;
    private int _counter;

    private FuzzFixtures(FuzzHost host, string tag)
    {
        _host = host;
        Tag = tag;
    }

    /// <summary>Distinguishes what this run creates from other runs on the same host.</summary>
    public string Tag { get; }

    public Guid AliceDraft { get; private set; }
    public Guid AlicePending { get; private set; }
    public Guid AliceApproved { get; private set; }
    public Guid EdSubmitted { get; private set; }
    public Guid BobDraft { get; private set; }
    public Guid AliceQueueEntry { get; private set; }
    public string TargetUser { get; private set; } = "";

    /// <summary>The version of the Rules of Behavior in force.</summary>
    public string RulesVersion { get; private set; } = "";

    public static async Task<FuzzFixtures> CreateAsync(FuzzHost host, string tag)
    {
        var fixtures = new FuzzFixtures(host, tag);
        fixtures.AliceDraft = await fixtures.CreateSirAsync("alice");
        fixtures.AlicePending = await fixtures.FreshPendingAsync();
        fixtures.AliceApproved = await fixtures.FreshPendingAsync();
        await fixtures.StepAsync("approveReport", "sam", fixtures.AliceApproved, new JsonObject());
        fixtures.EdSubmitted = await fixtures.CreateSirAsync("ed"); // FOD-NYC: no review required
        await fixtures.StepAsync("submitReport", "ed", fixtures.EdSubmitted,
            new JsonObject { ["recipients"] = new JsonArray(new JsonObject { ["kind"] = "USER", ["code"] = "alice" }) });
        fixtures.BobDraft = await fixtures.CreateSirAsync("bob");

        var queue = await host.QueryAsync("{ myQueue(first: 50) { nodes { id report { id } } } }", null, "alice");
        fixtures.AliceQueueEntry = Guid.Parse(queue["myQueue"]!["nodes"]!.AsArray()
            .First(n => n!["report"]!["id"]!.GetValue<string>() == fixtures.EdSubmitted.ToString())!["id"]!.GetValue<string>());

        fixtures.TargetUser = $"fuzz.target.{tag}";
        var created = await host.QueryAsync("mutation($input: CreateUserInput!) { createUser(input: $input) { errors { code message } } }",
            new { input = new { userName = fixtures.TargetUser, displayName = "Fuzz Target", office = "SAC-NYC", roles = new[] { "Agent" } } }, "root");
        Assert.Empty(created["createUser"]!["errors"]!.AsArray());

        fixtures.RulesVersion = (await host.QueryAsync("{ me { rulesOfBehavior { version } } }", null, "alice"))["me"]!["rulesOfBehavior"]!["version"]!.GetValue<string>();
        return fixtures;
    }

    /// <summary>A name no run has used: <paramref name="prefix"/> + tag + counter.</summary>
    public string Unique(string prefix) => $"{prefix}{Tag}{Interlocked.Increment(ref _counter)}";

    /// <summary>The report's current version, as <paramref name="user"/> sees it.</summary>
    public async Task<int> VersionAsync(Guid id, string user)
    {
        var data = await _host.QueryAsync("query($id: ID!) { node(id: $id) { ... on Report { version } } }", new { id }, user);
        return data["node"]!["version"]!.GetValue<int>();
    }

    public async Task<Guid> CreateSirAsync(string user)
    {
        var data = await _host.QueryAsync("mutation($input: CreateSirInput!) { createSir(input: $input) { sir { id } errors { code message path } } }",
            new Dictionary<string, object?> { ["input"] = SirInputFor(user) }, user);
        Assert.True(data["createSir"]!["errors"]!.AsArray().Count == 0, data.ToJsonString());
        return Guid.Parse(data["createSir"]!["sir"]!["id"]!.GetValue<string>());
    }

    /// <summary>The valid SIR input; it names sam (SAC-NYC) as supervisor, who may review only SAC-NYC's and its RACs' reports.</summary>
    private static JsonObject SirInputFor(string user)
    {
        var input = FuzzSeeds.SirInput();
        if (user != "alice") input.Remove("supervisor");
        return input;
    }

    /// <summary>A new SIR of alice's, sent for review (PENDING_REVIEW, version 2).</summary>
    public async Task<Guid> FreshPendingAsync()
    {
        var id = await CreateSirAsync("alice");
        await StepAsync("requestReportReview", "alice", id, new JsonObject());
        return id;
    }

    public async Task StepAsync(string mutation, string user, Guid id, JsonObject extra)
    {
        var inputType = mutation switch { "submitReport" => "SubmitReportInput", "returnReport" => "ReturnReportInput", _ => "ReportStepInput" };
        extra["id"] = id.ToString();
        extra["expectedVersion"] = await VersionAsync(id, user);
        var data = await _host.QueryAsync($"mutation($input: {inputType}!) {{ {mutation}(input: $input) {{ errors {{ code message path }} }} }}",
            new Dictionary<string, object?> { ["input"] = extra }, user);
        Assert.True(data[mutation]!["errors"]!.AsArray().Count == 0, data.ToJsonString());
    }

    public const string OutOfScope = "a report out of the caller's scope";

    /// <summary>
    /// Mutations whose callers act on every report of the agency, so no report is out of their scope: a records officer
    /// holds any record, drafts included (disposition destroys drafts too); a privacy officer records a person's correction
    /// request against any report that names them (PIA 7.1, 7.3).
    /// </summary>
    public static readonly IReadOnlySet<string> AgencyWide = new HashSet<string>(StringComparer.Ordinal) { "declareLegalHold", "recordCorrectionRequest" };

    /// <summary>
    /// Identifiers that name no report the caller may act on, for every ID slot: malformed, unknown, nil, in
    /// other formats, a Relay-style global id, ids of other things (a queue entry, a user, an office), a report
    /// out of the caller's scope, SQL, a number, and the text no field accepts.
    /// </summary>
    public IReadOnlyList<FuzzValue> BadIds(Random random, string mutation)
    {
        var unknown = FuzzValues.NewGuid(random);
        List<FuzzValue> ids =
        [
            FuzzValue.Of("an empty id", ""),
            FuzzValue.Of("a malformed id", "not-a-guid"),
            FuzzValue.Of("the nil GUID", Guid.Empty.ToString()),
            FuzzValue.Of("an unknown GUID", unknown.ToString()),
            FuzzValue.Of("an unknown GUID without dashes", FuzzValues.NewGuid(random).ToString("N")),
            FuzzValue.Of("an unknown GUID in braces", FuzzValues.NewGuid(random).ToString("B")),
            FuzzValue.Of("a GUID with a trailing character", unknown + "0"),
            FuzzValue.Of("a Relay-style global id", Convert.ToBase64String(Encoding.UTF8.GetBytes("Sir:" + AliceDraft))),
            FuzzValue.Of("the id of a queue entry", AliceQueueEntry.ToString()),
            FuzzValue.Of("a user name", "alice"),
            FuzzValue.Of("an office code", "SAC-NYC"),
            FuzzValue.Of(OutOfScope, BobDraft.ToString()),
            FuzzValue.Of("SQL", "1' OR '1'='1"),
            FuzzValue.Of("a number", 12),
            FuzzValue.Of("a negative number", -1),
            .. FuzzValues.RefusedText,
        ];
        return AgencyWide.Contains(mutation) ? [.. ids.Where(v => v.Label != OutOfScope)] : ids;
    }
}

/// <summary>
/// A valid input for each mutation the schema has today, and who may run it: the fuzz changes one slot of it
/// at a time, so the rest of the input passes and the fuzzed value is what the resolver judges. A mutation
/// added later without an entry here is fuzzed from a plausible input built from its types, as the first
/// directory user its authorization allows.
/// </summary>
public static class FuzzSeeds
{
    public sealed record Seed(string Caller, Func<FuzzFixtures, Task<JsonObject>> Arguments);

    public static readonly IReadOnlyDictionary<string, Seed> Known = new Dictionary<string, Seed>(StringComparer.Ordinal)
    {
        ["createSir"] = new("alice", _ => Task.FromResult(Input(SirInput()))),
        ["updateSir"] = new("alice", async f => Input(With(SirInput(), ("id", f.AliceDraft.ToString()), ("expectedVersion", await f.VersionAsync(f.AliceDraft, "alice"))))),
        ["amendSir"] = new("ed", async f => Input(With(SirInput(), ("id", f.EdSubmitted.ToString()), ("expectedVersion", await f.VersionAsync(f.EdSubmitted, "ed")),
            ("reason", "Corrected the event time.")))),
        ["requestReportReview"] = new("alice", async f => Step(f.AliceDraft, await f.VersionAsync(f.AliceDraft, "alice"))),
        ["returnReport"] = new("sam", async f =>
        {
            var pending = await f.FreshPendingAsync();
            return Input(With(StepInput(pending, await f.VersionAsync(pending, "sam")), ("reason", "Add the time of the arrest.")));
        }),
        ["approveReport"] = new("sam", async f => Step(f.AlicePending, await f.VersionAsync(f.AlicePending, "sam"))),
        ["submitReport"] = new("alice", async f => Input(With(StepInput(f.AliceApproved, await f.VersionAsync(f.AliceApproved, "alice")),
            ("recipients", new JsonArray(new JsonObject { ["kind"] = "USER", ["code"] = "hank" }))))),
        ["markReportRead"] = new("alice", f => Task.FromResult(Input(new JsonObject { ["id"] = f.EdSubmitted.ToString() }))),
        ["acknowledgeReport"] = new("alice", f => Task.FromResult(Input(new JsonObject { ["id"] = f.EdSubmitted.ToString() }))),
        ["createOffice"] = new("root", f => Task.FromResult(Input(new JsonObject
        {
            ["code"] = f.Unique("FZ-N"), ["name"] = "Fuzz Field Office", ["kind"] = "FOD", ["organisation"] = "ERO", ["area"] = "FZA", ["reviewMandatory"] = false,
        }))),
        ["updateOffice"] = new("root", _ => Task.FromResult(Input(new JsonObject { ["code"] = "FOD-BOS", ["name"] = "ERO Field Office Director Boston" }))),
        ["createUser"] = new("root", f => Task.FromResult(Input(new JsonObject
        {
            ["userName"] = f.Unique("fuzz.new."), ["displayName"] = "Fuzz User", ["office"] = "SAC-NYC", ["roles"] = new JsonArray("Agent"), ["disabled"] = false,
        }))),
        ["updateUser"] = new("root", f => Task.FromResult(Input(new JsonObject { ["userName"] = f.TargetUser, ["displayName"] = "Fuzz Target" }))),
        ["acknowledgeRulesOfBehavior"] = new("alice", f => Task.FromResult(Input(new JsonObject { ["version"] = f.RulesVersion }))),
        ["disableModule"] = new("root", _ => Task.FromResult(Input(new JsonObject { ["id"] = "sir" }))),
        ["enableModule"] = new("root", _ => Task.FromResult(Input(new JsonObject { ["id"] = "sir" }))),
    };

    /// <summary>A valid SIR with every field given (a significant arrest in New York), as <c>createSir</c> takes it.</summary>
    public static JsonObject SirInput() => new()
    {
        ["title"] = "Significant arrest at JFK",
        ["eventAt"] = "2025-06-01T12:00:00Z",
        ["eventCity"] = "New York",
        ["eventState"] = "NY",
        ["supervisor"] = "sam",
        ["actionOfficer"] = "alice",
        ["caseReference"] = "NY-2025-0001",
        ["people"] = new JsonArray(new JsonObject
        {
            ["role"] = "SUSPECT", ["firstName"] = "Juan", ["middleName"] = "Carlos", ["lastName"] = "Perez", ["nameUnknown"] = false,
            ["dateOfBirth"] = "1985-04-12", ["age"] = 40, ["sex"] = "MALE", ["countryOfBirth"] = "MEX", ["countryOfCitizenship"] = "MEX",
            ["address"] = new JsonObject { ["street"] = "1 Main Street", ["city"] = "Queens", ["state"] = "NY", ["postalCode"] = "11430", ["country"] = "USA" },
            ["aNumber"] = "A012345678", ["fin"] = "1234567", ["fbiNumber"] = "123456AB1", ["immigrationStatus"] = "Lawful permanent resident",
        }),
        ["contacts"] = new JsonArray(new JsonObject
        {
            ["kind"] = "REPORTING_PERSONNEL", ["name"] = "Alice Agent", ["agency"] = "HSI New York", ["phone"] = "(212) 555-0100", ["email"] = "alice.agent@example.gov",
        }),
        ["narratives"] = new JsonArray(new JsonObject { ["heading"] = "Incident", ["text"] = "Arrested at JFK Terminal 4 after a controlled delivery." }),
        ["category"] = "SIGNIFICANT_ARREST",
        ["seizedProperty"] = "Currency",
        ["injuries"] = "Minor abrasions",
        ["hospital"] = "Jamaica Hospital",
        ["notes"] = "None.",
    };

    private static JsonObject Input(JsonObject input) => new() { ["input"] = input };

    private static JsonObject StepInput(Guid id, int version) => new() { ["id"] = id.ToString(), ["expectedVersion"] = version };

    private static JsonObject Step(Guid id, int version) => Input(StepInput(id, version));

    private static JsonObject With(JsonObject input, params (string Key, JsonNode? Value)[] fields)
    {
        foreach (var (key, value) in fields) input[key] = value;
        return input;
    }
}
