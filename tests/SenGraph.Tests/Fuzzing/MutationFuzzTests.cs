using System.Diagnostics;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace SenGraph.Tests.Fuzzing;

/// <summary>
/// Bad input to every mutation the schema has (found by introspection when the test runs), against the built
/// host as a real process, as a caller whose roles may run it: each request gets a clear refusal (never a 5xx,
/// an internal error, a stack trace, a type name, a path or SQL), the process stays up, and the database is
/// unchanged; valid-shaped hostile text is stored exactly or refused with typed errors. Deterministic
/// (<see cref="FuzzValues.Seed"/>). Run alone: <c>dotnet test tests/SenGraph.Tests --filter Category=Fuzz</c>.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class MutationFuzzTests(FuzzHost host, ITestOutputHelper output) : IClassFixture<FuzzHost>
{
    /// <summary>Hostile texts tried per text slot, chosen with the fixed seed (the invalid phase sends every slot an over-long one already).</summary>
    private const int HostileTextsPerSlot = 3;

    [Fact]
    public async Task Every_mutation_has_generators_for_its_argument_types_and_a_caller_allowed_to_run_it()
    {
        var mutations = host.Schema.Mutations;
        Assert.Contains(mutations, m => m.Name == "createSir");      // the SIR module's
        Assert.Contains(mutations, m => m.Name == "submitReport");   // the shared workflow's
        Assert.Contains(mutations, m => m.Name == "createOffice");   // the directory's

        var problems = new List<string>();
        foreach (var mutation in mutations)
        {
            try
            {
                FuzzValues.RequireGenerators(host.Schema, mutation);
            }
            catch (MissingGeneratorException e)
            {
                problems.Add(e.Message);
            }

            var caller = await host.CallerAllowedToRunAsync(mutation);
            if (caller is null) problems.Add($"{mutation.Name}: no directory user in {nameof(FuzzHost)}.{nameof(FuzzHost.Users)} may run it.");
            if (FuzzSeeds.Known.TryGetValue(mutation.Name, out var seed) && !await host.AllowsAsync(mutation, seed.Caller))
                problems.Add($"{mutation.Name}: its seed's caller {seed.Caller} may not run it.");
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Invalid_input_to_every_mutation_is_refused_cleanly_and_changes_nothing()
    {
        var clock = Stopwatch.StartNew();
        var random = new Random(FuzzValues.Seed);
        var fixtures = await FuzzFixtures.CreateAsync(host, "a");
        var cases = new List<FuzzCase>();
        var perMutation = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var mutation in host.Schema.Mutations)
        {
            var (caller, seed) = await PlanAsync(mutation, fixtures);
            var builder = new FuzzCaseBuilder(host.Schema, mutation, caller, await seed());
            var mutationCases = builder.InvalidCases(fixtures.BadIds(random, mutation.Name)).ToList();
            perMutation[mutation.Name] = mutationCases.Count;
            cases.AddRange(mutationCases);
        }

        var logFrom = host.Host.Log.Length;
        var before = DatabaseSnapshot.Take(host.Host.DatabaseFile);
        var problems = new List<Problem>();
        var refusals = new Dictionary<(string Mutation, Refusal By), int>();
        foreach (var fuzz in cases)
        {
            var response = await host.SendAsync(fuzz);
            var mutation = host.Schema.Mutations.FirstOrDefault(m => m.Name == fuzz.Mutation);
            var (refusal, found) = FuzzVerdict.Refused(fuzz, response, mutation?.Arguments.Select(a => a.Name).ToList() ?? []);
            refusals[(fuzz.Mutation, refusal)] = refusals.GetValueOrDefault((fuzz.Mutation, refusal)) + 1;
            problems.AddRange(found.Select(p => new Problem(fuzz, p, response)));
            if (host.Host.HasExited) break;
        }

        var after = DatabaseSnapshot.Take(host.Host.DatabaseFile);
        output.WriteLine($"{cases.Count} invalid requests to {perMutation.Count} mutations in {clock.Elapsed.TotalSeconds:F1} s");
        foreach (var (name, count) in perMutation)
        {
            output.WriteLine($"  {name}: {count} requests, refused with GraphQL errors {refusals.GetValueOrDefault((name, Refusal.GraphQLError))}, " +
                $"by the resolver {refusals.GetValueOrDefault((name, Refusal.Payload))}, not refused {refusals.GetValueOrDefault((name, Refusal.None))}");
        }

        Assert.False(host.Host.HasExited, "The host process died during the barrage:\n" + Tail(host.Host.Log));
        await ANormalQueryStillWorksAsync();
        Assert.True(problems.Count == 0, $"{problems.Count} problems in {cases.Count} requests:\n" + Digest(problems));
        Assert.Empty(ErrorsLogged(logFrom));
        var differences = after.DifferencesFrom(before);
        Assert.True(differences.Count == 0, "Invalid input changed the database:\n" + string.Join("\n", differences.Take(20)));

        foreach (var mutation in host.Schema.Mutations)
        {
            // Every mutation was really fuzzed, and some of its input got past coercion to its resolver.
            Assert.True(perMutation[mutation.Name] >= 25, $"{mutation.Name}: only {perMutation[mutation.Name]} requests");
            if (host.Schema.HasTypedErrors(mutation))
                Assert.True(refusals.GetValueOrDefault((mutation.Name, Refusal.Payload)) > 0, $"{mutation.Name}: no request reached its resolver");
        }
    }

    [Fact]
    public async Task Hostile_text_in_every_text_field_is_stored_exactly_or_refused_with_typed_errors()
    {
        var clock = Stopwatch.StartNew();
        var random = new Random(FuzzValues.Seed);
        var fixtures = await FuzzFixtures.CreateAsync(host, "b");
        var logFrom = host.Host.Log.Length;
        var problems = new List<Problem>();
        var stored = new HashSet<string>(StringComparer.Ordinal);
        var refused = new HashSet<string>(StringComparer.Ordinal);
        var huge = FuzzValues.HostileText.Single(t => t.Json!.GetValue<string>().Length == FuzzValues.HugeLength);
        var sent = 0;
        foreach (var mutation in host.Schema.Mutations)
        {
            var (caller, seed) = await PlanAsync(mutation, fixtures);
            var builder = new FuzzCaseBuilder(host.Schema, mutation, caller, await seed());
            var arguments = mutation.Arguments.Select(a => a.Name).ToList();
            foreach (var slot in builder.TextSlots())
            {
                foreach (var text in FuzzValues.HostileText.OrderBy(_ => random.Next()).Take(HostileTextsPerSlot))
                {
                    var fuzz = builder.TextCase(await seed(), slot, text);
                    var before = DatabaseSnapshot.Take(host.Host.DatabaseFile);
                    var response = await host.SendAsync(fuzz);
                    var after = DatabaseSnapshot.Take(host.Host.DatabaseFile);
                    sent++;
                    var found = FuzzVerdict.Answered(fuzz, response, arguments, out var accepted);
                    if (accepted && !after.StoredSince(before, text.Json!.GetValue<string>()))
                        found.Add("ACCEPTED but the text is not stored exactly as sent: " + string.Join("; ", after.DifferencesFrom(before).Take(3)));
                    if (!accepted && after.DifferencesFrom(before) is { Count: > 0 } changed)
                        found.Add("REFUSED but the database changed: " + string.Join("; ", changed.Take(3)));
                    (accepted ? stored : refused).Add(text.Label);
                    problems.AddRange(found.Select(p => new Problem(fuzz, p, response)));
                    if (host.Host.HasExited) break;
                }
            }
        }

        output.WriteLine($"{sent} hostile-text requests in {clock.Elapsed.TotalSeconds:F1} s; stored: {string.Join(", ", stored)}; refused: {string.Join(", ", refused)}");
        Assert.False(host.Host.HasExited, "The host process died:\n" + Tail(host.Host.Log));
        await ANormalQueryStillWorksAsync();
        Assert.True(problems.Count == 0, $"{problems.Count} problems in {sent} requests:\n" + Digest(problems));
        Assert.Empty(ErrorsLogged(logFrom));
        // Every hostile text was sent, and the round trip really exercised: each (but the 100,000 characters no field takes) was stored somewhere.
        Assert.Empty(FuzzValues.HostileText.Select(t => t.Label).Except(stored).Except(refused));
        Assert.Empty(FuzzValues.HostileText.Where(t => t != huge).Select(t => t.Label).Except(stored));
    }

    /// <summary>The mutation's caller and a fresh valid input for it: its seed, or one built from its types, as the first user allowed.</summary>
    private async Task<(string Caller, Func<Task<JsonObject>> Seed)> PlanAsync(MutationDef mutation, FuzzFixtures fixtures)
    {
        if (FuzzSeeds.Known.TryGetValue(mutation.Name, out var known)) return (known.Caller, () => known.Arguments(fixtures));
        var caller = await host.CallerAllowedToRunAsync(mutation);
        Assert.True(caller is not null, $"{mutation.Name}: no directory user may run it, so the fuzz cannot reach its resolver.");
        var plausible = new JsonObject(mutation.Arguments.Select(a =>
            KeyValuePair.Create(a.Name, FuzzValues.Plausible(host.Schema, a.Type, $"{mutation.Name}({a.Name})"))));
        output.WriteLine($"{mutation.Name}: no seed in {nameof(FuzzSeeds)}; fuzzed from {plausible.ToJsonString()} as {caller}");
        return (caller!, () => Task.FromResult((JsonObject)plausible.DeepClone()));
    }

    private async Task ANormalQueryStillWorksAsync()
    {
        var data = await host.QueryAsync("{ me { userName } offices(first: 3) { totalCount } }", null, "alice");
        Assert.Equal("alice", data["me"]!["userName"]!.GetValue<string>());
        Assert.True(data["offices"]!["totalCount"]!.GetValue<int>() > 0);
    }

    /// <summary>What the host logged at Error or Critical since <paramref name="from"/> (the console's "fail:"/"crit:" lines, with the next one).</summary>
    private List<string> ErrorsLogged(int from)
    {
        var lines = host.Host.Log[from..].Split('\n');
        return [.. lines.Select((line, i) => (line, i))
            .Where(l => l.line.StartsWith("fail:", StringComparison.Ordinal) || l.line.StartsWith("crit:", StringComparison.Ordinal))
            .Select(l => l.line.Trim() + " " + (l.i + 1 < lines.Length ? lines[l.i + 1].Trim() : ""))];
    }

    private sealed record Problem(FuzzCase Case, string What, FuzzResponse Response);

    /// <summary>Problems grouped by case and kind (the same one for several mutations is listed once), each with one answer.</summary>
    private static string Digest(IEnumerable<Problem> problems) => string.Join("\n", problems
        .GroupBy(p => (p.Case.Description, What: p.What.Length > 90 ? p.What[..90] : p.What))
        .Take(40)
        .Select(g => $"- {g.Key.Description}: {g.First().What} [{string.Join(", ", g.Select(p => p.Case.Mutation).Distinct())}] " +
            $"— HTTP {g.First().Response.Status} {FuzzVerdict.Excerpt(g.First().Response.Body, 200)}"));

    private static string Tail(string log) => log.Length <= 4000 ? log : log[^4000..];
}
