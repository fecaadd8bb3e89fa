using System.Diagnostics;

namespace SenGraph.Tests.Infrastructure;

/// <summary>Runs programs to completion, the built host among them, as a user would from the command line.</summary>
public static class HostProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    /// <summary>The built host (SenGraph.Host.dll) with a command, e.g. <c>schema export</c>.</summary>
    public static Task<Result> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunAsync(environment, null, args);

    /// <summary>The built host with a command that may run longer than the default 2 minutes (<c>seed demo</c> of every type).</summary>
    public static Task<Result> RunAsync(IReadOnlyDictionary<string, string> environment, TimeSpan? timeout, params string[] args) =>
        RunProgramAsync("dotnet", [Path.Combine(RepoPaths.HostOutput, "SenGraph.Host.dll"), .. args], Path.GetTempPath(),
            variables =>
            {
                foreach (var (key, value) in environment) variables[key] = value;
            }, timeout);

    /// <summary>Any program; killed, and the test failed, if it runs longer than <paramref name="timeout"/> (2 minutes).</summary>
    public static async Task<Result> RunProgramAsync(string file, IEnumerable<string> args, string workingDirectory,
        Action<IDictionary<string, string?>>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        environment?.Invoke(start.Environment);

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(file)} {string.Join(' ', args)} did not finish in time:\n{await output}\n{await error}");
        }

        return new Result(process.ExitCode, await output, await error);
    }
}
