using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using SenGraph.Host.Security;
using System.Text;
using System.Text.RegularExpressions;

namespace SenGraph.Tests.Infrastructure;

/// <summary>The built host as a real process on a free loopback port.</summary>
public sealed partial class RunningHost : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private RunningHost(Process process) => _process = process;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The SQLite file the host stores in (beside its plugins folder).</summary>
    public string DatabaseFile { get; private set; } = null!;

    /// <summary>Whether the host process has ended (crashed, or disposed).</summary>
    public bool HasExited => _process.HasExited;

    public string Log
    {
        get
        {
            lock (_log) return _log.ToString();
        }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();

    public static async Task<RunningHost> StartAsync(PluginsFolder plugins, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(Path.Combine(RepoPaths.HostOutput, "SenGraph.Host.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Plugins__Path"] = plugins.Path;
        start.Environment["Plugins__ReloadDelay"] = "00:00:00.200";
        var databaseFile = Path.Combine(Path.GetDirectoryName(plugins.Path)!, "sengraph.db");
        // The database: a SQLite file beside the plugins, or a fresh PostgreSQL database (TestDatabase), unless the test chooses one.
        var database = environment?.ContainsKey("ConnectionStrings__SenGraph") == true
            ? new Dictionary<string, string>()
            : TestDatabase.Settings(databaseFile);
        foreach (var (key, value) in database) start.Environment[key.Replace(":", "__")] = value;
        start.Environment["Demo__SeedOnStart"] = "false";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;

        var host = new RunningHost(Process.Start(start)!) { DatabaseFile = databaseFile };
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Read(string? line)
        {
            if (line is null) return;
            lock (host._log) host._log.AppendLine(line);
            if (ListeningLine().Match(line) is { Success: true } match) listening.TrySetResult(new Uri(match.Groups[1].Value));
        }

        host._process.OutputDataReceived += (_, e) => Read(e.Data);
        host._process.ErrorDataReceived += (_, e) => Read(e.Data);
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        var ready = await Task.WhenAny(listening.Task, host._process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(90)));
        if (ready != listening.Task)
        {
            await host.DisposeAsync();
            throw new InvalidOperationException("The host did not start:\n" + host.Log);
        }

        host.BaseAddress = await listening.Task;
        return host;
    }

    /// <summary>
    /// A development token for the user, who first acknowledges the Rules of Behavior over HTTP as a client would
    /// (<c>me</c> for the version, then <c>acknowledgeRulesOfBehavior</c>).
    /// </summary>
    public async Task<string> SignInAsync(string user, string roles, string office)
    {
        var token = DevelopmentTokens.Issue(new AuthenticationSettings { SigningKey = AuthenticationSettings.DevelopmentSigningKey },
            new HostingEnvironment { EnvironmentName = Environments.Development }, user, roles.Split(','), office, TimeProvider.System);
        using var http = new HttpClient { BaseAddress = BaseAddress };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        async Task<JsonNode> PostAsync(string query, object? variables = null)
        {
            using var response = await http.PostAsJsonAsync("/graphql", new { query, variables });
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            if (body["errors"] is not null) throw new InvalidOperationException($"{query} failed: {body.ToJsonString()}");
            return body["data"]!;
        }

        var version = (await PostAsync("{ me { rulesOfBehavior { version } } }"))["me"]!["rulesOfBehavior"]!["version"]!.GetValue<string>();
        var acknowledged = await PostAsync("mutation($v: String!) { acknowledgeRulesOfBehavior(input: { version: $v }) { rulesOfBehavior { acknowledged } errors { code } } }",
            new { v = version });
        if (acknowledged["acknowledgeRulesOfBehavior"]!["rulesOfBehavior"]!["acknowledged"]!.GetValue<bool>() != true)
            throw new InvalidOperationException($"{user} could not acknowledge the Rules of Behavior: {acknowledged.ToJsonString()}");
        return token;
    }

    /// <summary>Ends the host as a crash would: SIGKILL on Linux, no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>Sends SIGTERM, as a service manager stopping the host does.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()]);
        kill.WaitForExit();
    }

    /// <summary>Waits for the process to end; false when it is still running after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }
}
