using System.Diagnostics;
using System.Net.Http.Headers;
using System.Runtime.Loader;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SenGraph.Host;
using SenGraph.Host.Modules;
using SenGraph.Host.Security;

// module-upgrades: memory cost of live module upgrades. Each cycle deploys the module's build again (a new load, as an
// upgrade is), reloads, serves one request on the new version, then forces a full GC and reads the
// managed heap, the working set, the collectible load contexts not yet unloading (active) and the old
// versions whose load contexts the runtime has not collected (retained).
// Two modules measured in one run: one without EF Core, and SIR (EF Core + SQLite), which is known
// to pin collectible load contexts. Ratios between them mean more than absolute numbers here.

// audit-trail: what the audit of every read costs and how long verifying the chain takes as it grows.
// Drafts SIRs (each write appends its records in its own transaction), reads pages of 50 SIRs with their
// people (each read appends one view record per report), and times verifyAuditTrail at two trail sizes:
// the time per record at both sizes shows whether verifying scales linearly.

int Option(string name, int fallback) => args.SkipWhile(a => a != name).Skip(1).Select(int.Parse).FirstOrDefault(fallback);
var command = args.FirstOrDefault();
if (command is not ("module-upgrades" or "audit-trail"))
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project tests/SenGraph.Benchmarks -- module-upgrades [--cycles N]");
    Console.Error.WriteLine("       dotnet run -c Release --project tests/SenGraph.Benchmarks -- audit-trail [--reports N] [--reads N]");
    return 2;
}

var root = FindRoot();
var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
string Output(string project) => Path.Combine(root, "tests", "TestModules", project, "bin", configuration, "net10.0");
var shippedSir = Path.Combine(root, "host", "SenGraph.Host", "bin", configuration, "net10.0", "plugins", "SenGraph.Modules.Sir");

var work = Directory.CreateTempSubdirectory("sengraph-bench-");
var plugins = Directory.CreateDirectory(Path.Combine(work.FullName, "plugins")).FullName;
var builder = SenGraphApplication.CreateBuilder(["--urls", "http://127.0.0.1:0", "--environment", "Development"]);
builder.Configuration["Plugins:Path"] = plugins;
builder.Configuration["Plugins:Watch"] = "false";
builder.Configuration["ConnectionStrings:SenGraph"] = $"Data Source={Path.Combine(work.FullName, "bench.db")}";
builder.Configuration["Logging:LogLevel:Default"] = "Error";
builder.Configuration["Demo:SeedOnStart"] = "false";
builder.AddSenGraph();
await using var app = builder.Build();
app.MapSenGraph();
await app.StartAsync();

var catalog = app.Services.GetRequiredService<ModuleCatalog>();
var schemas = app.Services.GetRequiredService<SchemaHost>();
using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
var token = DevelopmentTokens.Issue(app.Services.GetRequiredService<AuthenticationSettings>(), app.Environment, "bench", ["Agent"], "SAC-NYC", TimeProvider.System);
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
var rules = app.Services.GetRequiredService<RulesOfBehavior>().Options;
await PostAsync($$"""{"query":"mutation { acknowledgeRulesOfBehavior(input: { version: \"{{rules.Version}}\" }) { errors { code } } }"}""", "acknowledging the Rules of Behavior");

if (command == "audit-trail")
{
    await AuditTrailAsync(Option("--reports", 300), Option("--reads", 60));
    await app.StopAsync();
    return 0;
}

var cycles = Option("--cycles", 20);
var scenarios = new (string Label, string Module, string[] Builds, string Query)[]
{
    ("versioned (no EF Core)", "SenGraph.TestModules.Versioned",
        [Output("SenGraph.TestModules.Versioned.V1_1")], "{ versionedVersion }"),
    ("sir (EF Core + SQLite)", "SenGraph.Modules.Sir", [shippedSir], "{ sirs(first: 1) { totalCount } }"),
};

Console.WriteLine($"module upgrade memory, {cycles} cycles per module, {configuration} build, .NET {Environment.Version}");
var summary = new List<string>();
foreach (var (label, module, builds, query) in scenarios)
{
    Console.WriteLine();
    Console.WriteLine($"{label}");
    Console.WriteLine("cycle  managed MB  working set MB  active load contexts  retained versions");
    var managed = new List<double>();
    var workingSet = new List<double>();
    for (var cycle = 0; cycle <= cycles; cycle++)
    {
        Deploy(builds[cycle % builds.Length], Path.Combine(plugins, module));
        await catalog.ReloadAsync(CancellationToken.None);
        await PostAsync($$"""{"query":"{{query}}"}""", $"cycle {cycle}");

        await Task.Delay(100); // old versions are disposed in the background once no request holds them
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        managed.Add(GC.GetTotalMemory(forceFullCollection: true) / 1048576.0);
        workingSet.Add(Process.GetCurrentProcess().WorkingSet64 / 1048576.0);
        var contexts = AssemblyLoadContext.All.Count(c => c.IsCollectible);
        var retained = schemas.RetainedVersions().Values.Sum();
        Console.WriteLine($"{cycle,5}  {managed[^1],10:F1}  {workingSet[^1],14:F1}  {contexts,20}  {retained,17}");
    }

    // Cycle 0 is the first load; the growth per upgrade is the average over the upgrades after it.
    var managedPerUpgrade = (managed[^1] - managed[0]) / cycles;
    var workingSetPerUpgrade = (workingSet[^1] - workingSet[0]) / cycles;
    summary.Add($"{label}: {managedPerUpgrade:F2} MB managed and {workingSetPerUpgrade:F2} MB working set per upgrade");
    Directory.Delete(Path.Combine(plugins, module), recursive: true);
    await catalog.ReloadAsync(CancellationToken.None);
}

Console.WriteLine();
foreach (var line in summary) Console.WriteLine(line);
await app.StopAsync();
return 0;

async Task<JsonNode> PostAsync(string body, string what, HttpClient? client = null)
{
    var response = await (client ?? http).PostAsync("/graphql", new StringContent(body, Encoding.UTF8, "application/json"));
    var text = await response.Content.ReadAsStringAsync();
    if (!response.IsSuccessStatusCode || text.Contains("\"errors\":[{")) throw new InvalidOperationException($"{what}: {text}");
    return JsonNode.Parse(text)!["data"]!;
}

async Task AuditTrailAsync(int reports, int reads)
{
    Deploy(shippedSir, Path.Combine(plugins, "SenGraph.Modules.Sir"));
    await catalog.ReloadAsync(CancellationToken.None);
    using var admin = new HttpClient { BaseAddress = http.BaseAddress };
    admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DevelopmentTokens.Issue(
        app.Services.GetRequiredService<AuthenticationSettings>(), app.Environment, "root", ["System Administrator"], "HQ-ICE", TimeProvider.System));
    await PostAsync($$"""{"query":"mutation { acknowledgeRulesOfBehavior(input: { version: \"{{rules.Version}}\" }) { errors { code } } }"}""", "admin acknowledging", admin);

    // The fastest of three, so a pause of the machine does not count.
    async Task<(long Records, double Milliseconds)> VerifyAsync()
    {
        var best = (Records: 0L, Milliseconds: double.MaxValue);
        for (var i = 0; i < 3; i++)
        {
            var clock = Stopwatch.StartNew();
            var result = (await PostAsync("""{"query":"{ verifyAuditTrail { intact recordCount } }"}""", "verifying", admin))["verifyAuditTrail"]!;
            clock.Stop();
            if (!result["intact"]!.GetValue<bool>()) throw new InvalidOperationException("the audit trail is broken: " + result.ToJsonString());
            best = (result["recordCount"]!.GetValue<long>(), Math.Min(best.Milliseconds, clock.Elapsed.TotalMilliseconds));
        }

        return best;
    }

    Console.WriteLine($"audit trail, {reports} SIR drafts, {reads} reads of 50 SIRs with their people, {configuration} build, .NET {Environment.Version}");
    var create = """{"query":"mutation($i: CreateSirInput!) { createSir(input: $i) { sir { id } errors { code } } }","variables":{"i":{"title":"Benchmark arrest","category":"SIGNIFICANT_ARREST","eventState":"NY","eventAt":"2026-11-20T14:30:00Z","people":[{"role":"SUSPECT","firstName":"Juan","lastName":"Perez","aNumber":"A012345678"}]}}}""";
    var writes = Stopwatch.StartNew();
    for (var i = 0; i < reports; i++) await PostAsync(create, $"draft {i}");
    writes.Stop();

    const string page = """{"query":"query Page { sirs(first: 50) { nodes { id people { lastName aNumber } } } }"}""";
    await PostAsync(page, "warm-up read");
    var readClock = new Stopwatch();
    async Task ReadAsync(int count)
    {
        readClock.Start();
        for (var i = 0; i < count; i++) await PostAsync(page, $"read {i}");
        readClock.Stop();
    }

    await ReadAsync(reads / 2);
    var smaller = await VerifyAsync();
    await ReadAsync(reads - reads / 2);
    var larger = await VerifyAsync();

    Console.WriteLine($"drafting: {writes.Elapsed.TotalMilliseconds / reports:F1} ms per createSir (its rows and their audit records in one transaction)");
    Console.WriteLine($"reading: {readClock.Elapsed.TotalMilliseconds / reads:F1} ms per page of 50 SIRs; {(larger.Records - smaller.Records) / (double)(reads - reads / 2):F1} audit records appended per page (one view per report)");
    Console.WriteLine($"verifying {smaller.Records} records: {smaller.Milliseconds:F0} ms; {larger.Records} records: {larger.Milliseconds:F0} ms");
    Console.WriteLine($"verifying costs {(larger.Milliseconds - smaller.Milliseconds) * 1000 / (larger.Records - smaller.Records):F1} µs per additional record " +
                      $"(so about {(larger.Milliseconds - smaller.Milliseconds) / (larger.Records - smaller.Records) * 1_000_000 / 1000:F0} s per million records)");
}

static void Deploy(string build, string target)
{
    var staging = target + ".staging";
    if (Directory.Exists(staging)) Directory.Delete(staging, true);
    foreach (var file in Directory.GetFiles(build, "*", SearchOption.AllDirectories))
    {
        var destination = Path.Combine(staging, Path.GetRelativePath(build, file));
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        File.Copy(file, destination);
        File.SetLastWriteTimeUtc(destination, DateTime.UtcNow); // a new fingerprint even for the same build
    }

    if (Directory.Exists(target)) Directory.Delete(target, true);
    Directory.Move(staging, target);
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "SenGraph.sln"))) return dir.FullName;
    throw new InvalidOperationException("SenGraph.sln not found");
}
