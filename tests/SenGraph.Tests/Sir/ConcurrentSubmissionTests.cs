using SenGraph.Contracts.Reports;
using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.Sir;

/// <summary>Report numbering under concurrent submissions (a host of its own, so it sees every number given).</summary>
[Trait(TestDatabase.Trait, "true")] // runs again on PostgreSQL in CI (TestDatabase)
public sealed class ConcurrentSubmissionTests(ShippedModulesHost host) : IClassFixture<ShippedModulesHost>
{
    private const int Clients = 32;

    [Fact]
    public async Task Thirty_two_clients_creating_and_submitting_at_once_get_no_error_and_unique_gapless_numbers()
    {
        // SAC-BOS requires no review: each client drafts and then submits, all the submissions let go at once.
        var bob = host.Token("bob", "Agent", "SAC-BOS");
        var drafts = await Task.WhenAll(Enumerable.Range(0, Clients)
            .Select(i => host.DraftAsync(bob, $"Concurrent submission {i}", ("eventState", "MA"), ("eventCity", "Boston"))));
        using var start = new SemaphoreSlim(0, Clients);
        var clients = drafts.Select(async draft =>
        {
            await start.WaitAsync();
            var submitted = await host.StepOkAsync("submitReport", bob, new { id = draft.Id, expectedVersion = draft.Version });
            return submitted["number"]!.GetValue<string>();
        }).ToList();
        start.Release(Clients);
        var numbers = await Task.WhenAll(clients);

        var sequences = new List<int>();
        foreach (var number in numbers)
        {
            Assert.True(ReportNumber.TryParse(number, out var type, out _, out var sequence), number);
            Assert.Equal("SIR", type);
            sequences.Add(sequence);
        }

        Assert.Equal(Enumerable.Range(1, Clients), sequences.Order());
    }
}
