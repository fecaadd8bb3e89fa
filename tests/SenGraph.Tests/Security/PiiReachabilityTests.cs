using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SenGraph.Tests.Infrastructure;
using SenGraph.Tests.Sir;
using SenGraph.Tests.WebSockets;
using Xunit.Abstractions;
using static SenGraph.Tests.Security.AgencyRoles;

namespace SenGraph.Tests.Security;

/// <summary>
/// No PII field is reachable by a role without a need to know, by any path. The test reads the schema as a client
/// would: standard introspection for the types, GraphQL.NET's applied-directive introspection
/// (<c>__Field.appliedDirectives</c>) for the <c>@pii</c> marks. It enumerates every path from Query, Mutation and
/// Subscription to every marked field (<see cref="SchemaWalk"/>), sends each as its own operation for Statistics
/// Analysts, Public Affairs Officers and System Administrators, who must be refused with AUTH_NOT_AUTHORIZED and get
/// no data, and for a role with a need to know, who must not be refused, and who must between all the paths get a
/// value for every PII field from a report that has them all (so the walk reaches real data, and the test can fail).
/// </summary>
public sealed class PiiReachabilityTests(ShippedModulesHost host, ITestOutputHelper output) : IClassFixture<ShippedModulesHost>
{
    private const int Parallelism = 4;
    private sealed class Seeded
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public (SchemaWalk Walk, string ReportId)? Value;
    }

    private Seeded Seed => host.State.Of<Seeded>();

    /// <summary>What the schema must mark (PIA 1.1: names, dates and countries of birth and citizenship, address, identifiers, immigration status, injuries, hospital).</summary>
    private static readonly string[] ExpectedPii =
    [
        "Address.city", "Address.country", "Address.postalCode", "Address.state", "Address.street",
        "ReportPerson.aNumber", "ReportPerson.address", "ReportPerson.age", "ReportPerson.countryOfBirth", "ReportPerson.countryOfCitizenship",
        "ReportPerson.dateOfBirth", "ReportPerson.fbiNumber", "ReportPerson.fin", "ReportPerson.firstName", "ReportPerson.immigrationStatus",
        "ReportPerson.lastName", "ReportPerson.middleName",
        "Sir.hospital", "Sir.injuries",
        // The envelope (issue 13 item 4, PIA 1.1: titles, narratives and contact names may name a suspect, victim or requester),
        // on the Report interface and every report type the walk reaches with data.
        "Report.title", "ReportContact.name", "ReportNarrative.text", "Sir.title", "Oppred.title", "Spear.title", "Spot.title",
        // Reached through the walk's createEroLead and createEroTav mutations, whose required inputs make a valid report.
        "EroLead.title", "EroTav.title",
        // An IROC summary's title and text (reached through draftReportSummary of the walk's SIR, by IROC staff).
        "ReportSummary.text", "ReportSummary.title",
        // LENS (issue 18): the released subject, the convictions and the message text that names the subject.
        "LensConviction.convictedOn", "LensConviction.court", "LensConviction.description", "LensConviction.ncicCode", "LensConviction.sentence",
        "LensMessage.text",
        "LensRelease.convictions", "LensRelease.dateOfBirth", "LensRelease.fbiNumber", "LensRelease.firstName", "LensRelease.lastName",
        "LensRelease.middleName", "LensRelease.residenceCity", "LensRelease.residencePostalCode", "LensRelease.residenceStreet", "LensRelease.sex",
        "Oppred.hospital", "Oppred.injuries", "Spear.activityLocation", "Spot.subject", "Spot.summary",
        "OppredVictim.ageGroup", "OppredVictim.countryOfBirth", "OppredVictim.countryOfCitizenship", "OppredVictim.relationshipToOffender",
        "OppredVictim.sex", "OppredVictim.smugglingOrTraffickingVictim",
        "OppredCriminalHistory.aggravatedFelon", "OppredCriminalHistory.amberAlertAssociated", "OppredCriminalHistory.arrestCity",
        "OppredCriminalHistory.arrestState", "OppredCriminalHistory.fugitive", "OppredCriminalHistory.priorArrests",
        "OppredCriminalHistory.priorConvictions", "OppredCriminalHistory.priorRecord", "OppredCriminalHistory.protectActCase",
        "OppredCriminalHistory.registeredSexOffender",
    ];

    /// <summary>
    /// Records management's PII (PIA 7.1, 7.2): a privacy officer's person search (its criteria and export) and correction requests.
    /// Only the Privacy Officer reaches them (refused to everyone else on every path, below); the walk's seed makes no search, so it
    /// sees no value for them (<c>PersonSearchTests</c> reads them).
    /// </summary>
    private static readonly string[] ExpectedRecordsPii =
    [
        "CorrectionRequest.request", "PersonSearch.criteria", "PersonSearchResult.export",
    ];

    /// <summary>The host's root fields for privacy officers only.</summary>
    private static readonly string[] PrivacyOfficerRoots = ["reportsNamingPerson", "correctionRequests", "recordCorrectionRequest", "decideCorrectionRequest"];

    /// <summary>LENS's own role: reads releases and the outbox (an LESC Staff token; the module declares the role).</summary>
    private static readonly Actor LescStaff = new("LESC Staff", "lesc-larry", "HQ-ICE");

    /// <summary>Who has a need to know on a path: LENS fields go to LESC staff (and release mutations to ERO officers), the rest as before.</summary>
    private static Actor NeedToKnow(SchemaWalk.PiiPath path)
    {
        var root = path.Steps[0].Field ?? "";
        var mutation = path.OperationType == "mutation";
        if (PrivacyOfficerRoots.Contains(root)) return PrivacyOfficer;
        if (root.StartsWith("lens", StringComparison.Ordinal) || root.Contains("LensRelease", StringComparison.Ordinal) || root.Contains("LensMessage", StringComparison.Ordinal))
            return mutation && root.EndsWith("LensRelease", StringComparison.Ordinal) ? Supervisor : LescStaff;
        // IROC summaries are IROC staff's to write.
        if (root.Contains("ReportSummary", StringComparison.Ordinal)) return IrocStaff;
        return mutation ? Supervisor : IrocStaff;
    }

    /// <summary>The other report types, each submitted with every PII field filled (see <see cref="SubmitEveryOtherTypeAsync"/>).</summary>
    private static readonly IMatrixReportType[] OtherTypes = [new OppredUnderTest(), new SpearUnderTest(), new SpotUnderTest()];

    /// <summary>
    /// What the schema must mark besides <see cref="ExpectedPii"/>: the PII fields of the LEARA and ERO LEAD modules. The walk
    /// below is seeded with a SIR only, so it reaches these on no path with a value; the role matrix's PII cells
    /// (<see cref="RoleMatrixTests"/>) read each of them with and without a need to know.
    /// </summary>
    private static readonly string[] ExpectedModulePii =
    [
        // ERO LEAD's per-person details (PIA 1.1): criminal history, citizenship, entry.
        "EroLeadPersonDetails.aggravatedFelon", "EroLeadPersonDetails.amberAlert", "EroLeadPersonDetails.arrestCity", "EroLeadPersonDetails.arrestState",
        "EroLeadPersonDetails.citizenshipStatus", "EroLeadPersonDetails.entryDate", "EroLeadPersonDetails.fugitive", "EroLeadPersonDetails.mothersMaidenName",
        "EroLeadPersonDetails.priorArrestsAndConvictions", "EroLeadPersonDetails.protectAct", "EroLeadPersonDetails.registeredSexOffender",
        // LEARA's narratives of the request and its disposition (may name a subject or victim).
        "Leara.disposition", "Leara.request",
        // The envelope's title on the other report types, and on a report whose module is not loaded (none while the walk runs).
        "Leara.title", "UnavailableReport.title",
    ];

    /// <summary>A submitted, amended SIR with every PII field filled, sent by name to the roles without a need to know; and the schema walk.</summary>
    private async Task<(SchemaWalk Walk, string ReportId)> SeedAsync()
    {
        await Seed.Gate.WaitAsync();
        try
        {
            if (Seed.Value is { } seeded) return seeded;
            var (id, version) = await host.DraftAsync(host.TokenOf(Agent), "PII walk", [.. PiiSir.Input("PII walk").Select(kv => (kv.Key, kv.Value))]);
            var recipients = WithoutPiiNeedToKnow.Append(IrocStaff).Select(a => new { kind = "USER", code = a.User }).ToArray();
            var submitted = await host.StepOkAsync("submitReport", host.TokenOf(Agent), new { id, expectedVersion = version, recipients });
            var amendment = new Dictionary<string, object?>(PiiSir.Input("PII walk, amended"))
            {
                ["id"] = id, ["expectedVersion"] = submitted["version"]!.GetValue<int>(), ["reason"] = "Keeps a revision with every PII field",
            };
            var amended = await host.AmendAsync(host.TokenOf(Agent), amendment);
            Assert.Empty(amended.ErrorCodes());

            // A LENS release with every subject field and a message (so the outbox has text to reach).
            var lesc = host.TokenOf(LescStaff);
            var ori = await host.PostAsync("mutation { setLensStateOri(input: { state: \"NY\", ori: \"NY0303000\", bureau: \"NY SIB\" }) { errors { code } } }", token: lesc);
            Assert.Empty(ori.ShouldSucceed().Data!["setLensStateOri"]!["errors"]!.AsArray());
            var release = await host.PostAsync("mutation($input: RecordLensReleaseInput!) { recordLensRelease(input: $input) { errors { code } } }",
                new { input = Lens.LensApi.Release("NY", "NY", ["1201"]) }, host.TokenOf(Agent));
            Assert.Empty(release.ShouldSucceed().Data!["recordLensRelease"]!["errors"]!.AsArray());

            await SubmitEveryOtherTypeAsync("PII walk", recipients);
            var schema = (await host.PostAsync(SchemaWalk.IntrospectionQuery, token: host.TokenOf(IrocStaff))).ShouldSucceed();
            Seed.Value = (new SchemaWalk(schema.Data!["__schema"]!), id);
            return Seed.Value.Value;
        }
        finally
        {
            Seed.Gate.Release();
        }
    }

    [Fact]
    public async Task Every_pii_field_is_marked_with_the_pii_directive()
    {
        var (walk, _) = await SeedAsync();

        Assert.Equal(ExpectedPii.Concat(ExpectedModulePii).Concat(ExpectedRecordsPii).Order(StringComparer.Ordinal), walk.PiiFields.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task No_query_or_mutation_path_to_a_pii_field_answers_a_role_without_a_need_to_know()
    {
        var (walk, id) = await SeedAsync();
        var paths = walk.PiiPaths(id).Where(p => p.OperationType != "subscription").ToList();
        output.WriteLine($"{paths.Count} query and mutation paths to {walk.PiiFields.Count} PII fields.");
        Assert.True(paths.Count > 500, $"Only {paths.Count} paths: the walk is not reaching the schema.");
        Assert.Contains(paths, p => p.Document.Contains("revisions", StringComparison.Ordinal) && p.Document.Contains("... on Sir", StringComparison.Ordinal));

        var seen = new ConcurrentDictionary<string, bool>();
        var failures = new ConcurrentBag<string>();
        // Signed in (Rules of Behavior acknowledged) once, before the requests run in parallel.
        var tokens = WithoutPiiNeedToKnow.Append(Supervisor).Append(IrocStaff).Append(LescStaff).Append(PrivacyOfficer).ToDictionary(a => a, a => host.TokenOf(a));
        await Parallel.ForEachAsync(paths, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (path, _) =>
        {
            foreach (var actor in WithoutPiiNeedToKnow)
            {
                var refused = await host.PostAsync(path.Document, token: tokens[actor]);
                if (Refusal(refused.Body, refused.ErrorCodes, refused.Data) is { } problem) failures.Add($"{actor} via {path}: {problem}");
            }

            // Queries by the IROC; mutations by a supervisor (the IROC mutates nothing); LENS fields by LESC staff.
            var needToKnow = NeedToKnow(path);
            var allowed = await host.PostAsync(path.Document, token: tokens[needToKnow]);
            if (allowed.Errors.Count > 0) failures.Add($"{needToKnow} via {path}: {allowed.Body}");
            else if (HasValue(allowed.Body, path)) seen[path.Pii] = true;
        });

        Assert.True(failures.IsEmpty, $"{failures.Count} failures, e.g.:\n" + string.Join("\n", failures.Take(20)));
        Assert.Equal(ExpectedPii.Order(StringComparer.Ordinal), seen.Keys.Except(ExpectedRecordsPii).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task No_subscription_path_to_a_pii_field_delivers_to_a_role_without_a_need_to_know()
    {
        var (walk, _) = await SeedAsync();
        var paths = walk.PiiPaths(Guid.NewGuid().ToString()).Where(p => p.OperationType == "subscription").ToList();
        output.WriteLine($"{paths.Count} subscription paths.");
        Assert.True(paths.Count > 40, $"Only {paths.Count} subscription paths.");
        var failures = new List<string>();

        foreach (var actor in WithoutPiiNeedToKnow)
        {
            await using var client = await GraphQLWsTestClient.InitializedAsync(host, authorization: "Bearer " + host.TokenOf(actor));
            for (var i = 0; i < paths.Count; i++)
            {
                await client.SubscribeAsync($"p{i}", paths[i].Document);
                var answer = await client.ReceiveAsync();
                var codes = answer["payload"] is JsonArray errors ? errors.Select(e => e?["extensions"]?["code"]?.GetValue<string>()) : [];
                if (answer["type"]!.GetValue<string>() != "error" || answer["id"]!.GetValue<string>() != $"p{i}")
                    failures.Add($"{actor} via {paths[i]}: expected an error, got {answer.ToJsonString()}");
                else if (Refusal(answer.ToJsonString(), codes, null) is { } problem)
                    failures.Add($"{actor} via {paths[i]}: {problem}");
            }
        }

        // The IROC subscribes to the paths, ten at a time (each delivery is audited as a view), and one submission reaches each of them.
        var seen = new HashSet<string>();
        foreach (var batch in paths.Select((p, i) => (Path: p, Id: $"p{i}")).Chunk(10))
        {
            await using var client = await GraphQLWsTestClient.InitializedAsync(host, authorization: "Bearer " + host.TokenOf(IrocStaff));
            foreach (var (path, id) in batch) await client.SubscribeAsync(id, path.Document);
            await client.SendAsync(new { type = "ping" });
            var beforeEvent = await client.ReceiveAsync();
            if (beforeEvent["type"]!.GetValue<string>() != "pong") failures.Add($"{IrocStaff}: {beforeEvent.ToJsonString()}");

            var (reportId, version) = await host.DraftAsync(host.TokenOf(Agent), "PII walk, live", [.. PiiSir.Input("PII walk, live").Select(kv => (kv.Key, kv.Value))]);
            await host.StepOkAsync("submitReport", host.TokenOf(Agent), new { id = reportId, expectedVersion = version });
            await SubmitEveryOtherTypeAsync("PII walk, live", []);

            // Each subscription gets the four submissions (the IROC reads every type); a type's own PII shows in its own.
            var pending = batch.ToDictionary(b => b.Id, b => (b.Path, Left: 1 + OtherTypes.Length));
            while (pending.Count > 0)
            {
                var message = await client.ReceiveAsync();
                var id = message["id"]?.GetValue<string>();
                if (id is null || !pending.TryGetValue(id, out var entry)) continue;
                var path = entry.Path;
                if (entry.Left == 1) pending.Remove(id);
                else pending[id] = (path, entry.Left - 1);
                var body = message.ToJsonString();
                if (message["type"]!.GetValue<string>() != "next" || message["payload"]!["errors"] is not null)
                    failures.Add($"{IrocStaff} via {path}: {body}");
                else if (HasValue(body, path)) seen.Add(path.Pii);
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} failures, e.g.:\n" + string.Join("\n", failures.Take(20)));
        // LENS's subscription (lensMessageStatusChanged) carries no subject data: its PII is reached by queries only.
        // Nor does any subscription carry an IROC summary. ERO LEADs and ERO TAVs are drafted by the walk's mutations, never
        // submitted here, so no subscription delivers one (the role matrix reads their titles with and without a need to know).
        string[] notDelivered = ["EroLead.title", "EroTav.title"];
        Assert.Equal(ExpectedPii.Where(p => !p.StartsWith("Lens", StringComparison.Ordinal) && !p.StartsWith("ReportSummary.", StringComparison.Ordinal))
            .Except(notDelivered)
            .Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// One report of each of <see cref="OtherTypes"/> with every PII field filled, submitted by the agent (a SPEAR reviewed
    /// first by the supervisor of the agent's office), so the walk finds a value for each type's own PII fields.
    /// </summary>
    private async Task SubmitEveryOtherTypeAsync(string title, object[] recipients)
    {
        foreach (var type in OtherTypes)
        {
            var created = (await host.PostAsync(type.CreateMutation, new { input = type.Input(title) }, host.TokenOf(Agent))).ShouldSucceed().Data![type.CreateField]!;
            Assert.True(created["errors"]!.AsArray().Count == 0, created.ToJsonString());
            var id = created[type.PayloadField]!["id"]!.GetValue<string>();
            var version = created[type.PayloadField]!["version"]!.GetValue<int>();
            if (type.ReviewMandatory)
            {
                version = (await host.StepOkAsync("requestReportReview", host.TokenOf(Agent), new { id, expectedVersion = version }))["version"]!.GetValue<int>();
                version = (await host.StepOkAsync("approveReport", host.TokenOf(Supervisor), new { id, expectedVersion = version }))["version"]!.GetValue<int>();
            }
            await host.StepOkAsync("submitReport", host.TokenOf(Agent), new { id, expectedVersion = version, recipients });
        }
    }

    /// <summary>Why a refused answer is not one: no AUTH_NOT_AUTHORIZED, data returned, or a PII value in it.</summary>
    private static string? Refusal(string body, IEnumerable<string?> codes, JsonNode? data)
    {
        if (!codes.Contains("AUTH_NOT_AUTHORIZED")) return "not refused with AUTH_NOT_AUTHORIZED: " + body;
        if (data is not null) return "data returned: " + body;
        return PiiSir.Sentinels.FirstOrDefault(s => body.Contains(s, StringComparison.Ordinal)) is { } leaked ? $"PII '{leaked}' in {body}" : null;
    }

    /// <summary>Whether the answer holds a value (not null) for the path's PII field.</summary>
    private static bool HasValue(string body, SchemaWalk.PiiPath path) =>
        Regex.IsMatch(body, $"\"{Regex.Escape(path.Pii.Split('.')[1])}\":(?!null)");
}
