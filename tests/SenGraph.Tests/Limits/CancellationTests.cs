using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.Limits;

/// <summary>
/// Work stops when nobody waits for it: a client that leaves cancels its operation, and a host told to stop
/// (SIGTERM) stops at once instead of waiting for running operations. Both with the default 30 s execution
/// timeout, so only the cancellation can end <c>abuseSlow</c> within the deadlines below.
/// </summary>
public sealed class CancellationTests(DefaultLimitsHost host) : IClassFixture<DefaultLimitsHost>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_client_that_disconnects_stops_its_operation()
    {
        using var leaving = new CancellationTokenSource();
        var request = host.CreateClient().PostAsJsonAsync("/graphql", new { query = "{ abuseSlow }" }, leaving.Token);
        await WaitForRunningAsync(async () => await RunningAsync(q => host.PostAsync(q)), 1);

        await leaving.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);

        await WaitForRunningAsync(async () => await RunningAsync(q => host.PostAsync(q)), 0);
    }

    [Fact]
    public async Task A_host_told_to_stop_while_an_operation_runs_exits_promptly()
    {
        using var plugins = LimitsHost.CreatePlugins();
        await using var process = await RunningHost.StartAsync(plugins);
        using var http = new HttpClient { BaseAddress = process.BaseAddress };
        var request = http.PostAsJsonAsync("/graphql", new { query = "{ abuseSlow }" });
        await WaitForRunningAsync(async () =>
        {
            using var response = await http.PostAsJsonAsync("/graphql", new { query = "{ abuseRunning }" });
            return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["data"]!["abuseRunning"]!.GetValue<int>();
        }, 1);

        process.Terminate();

        Assert.True(await process.WaitForExitAsync(Deadline), "The host was still running 10 s after SIGTERM:\n" + process.Log);
        try
        {
            using var answer = await request;
            Assert.Contains("SERVER_SHUTTING_DOWN", await answer.Content.ReadAsStringAsync());
        }
        catch (HttpRequestException)
        {
            // the connection closed before the answer was read: the operation ended all the same
        }
    }

    private static async Task<int> RunningAsync(Func<string, Task<GraphQLResponse>> post) =>
        (await post("{ abuseRunning }")).ShouldSucceed().Data!["abuseRunning"]!.GetValue<int>();

    /// <summary>Polls until <paramref name="running"/> says <paramref name="expected"/>; fails after the deadline.</summary>
    private static async Task WaitForRunningAsync(Func<Task<int>> running, int expected)
    {
        var deadline = DateTime.UtcNow + Deadline;
        int seen;
        while ((seen = await running()) != expected)
        {
            Assert.True(DateTime.UtcNow < deadline, $"abuseRunning stayed {seen}, expected {expected}");
            await Task.Delay(50);
        }
    }
}
