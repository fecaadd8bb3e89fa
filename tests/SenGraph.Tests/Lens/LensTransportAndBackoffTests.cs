using SenGraph.Modules.Lens.Outbox;

namespace SenGraph.Tests.Lens;

/// <summary>The retry delay and the file-drop transport, as code.</summary>
public sealed class LensTransportAndBackoffTests
{
    [Theory]
    [InlineData(1, 0.0, 1_000)]
    [InlineData(1, 1.0, 2_000)]
    [InlineData(2, 1.0, 4_000)]
    [InlineData(3, 0.5, 6_000)]
    [InlineData(10, 1.0, 60_000)]
    [InlineData(40, 0.0, 30_000)]
    public void The_delay_doubles_per_failure_up_to_the_cap_then_keeps_between_half_and_all_of_it(int failures, double random, int expectedMs)
    {
        var delay = LensBackoff.Delay(failures, TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(1), random);

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), delay);
    }

    [Fact]
    public void Jitter_spreads_dispatchers_that_failed_together()
    {
        var delays = Enumerable.Range(0, 100).Select(_ => LensBackoff.Delay(3, TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(1), Random.Shared.NextDouble())).ToList();

        Assert.All(delays, d => Assert.InRange(d, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8)));
        Assert.True(delays.Distinct().Count() > 50);
    }

    [Fact]
    public async Task The_file_drop_keeps_one_whole_file_per_idempotency_key_however_often_it_is_delivered()
    {
        var folder = Path.Combine(Path.GetTempPath(), "sengraph-tests", Guid.NewGuid().ToString("N"), "lens-outbox");
        var transport = new FileDropTransport(folder);
        var delivery = new LensDelivery("0123456789ABCDEF0123456789ABCDEF", Guid.NewGuid(), "NY0303000", "AM.VTINS07S0.NY0303000\nTXT\n");

        await transport.DeliverAsync(delivery, CancellationToken.None);
        await transport.DeliverAsync(delivery, CancellationToken.None);

        var file = Assert.Single(Directory.GetFiles(folder));
        Assert.Equal("0123456789ABCDEF0123456789ABCDEF.txt", Path.GetFileName(file));
        Assert.Equal(delivery.Text, await File.ReadAllTextAsync(file));
        Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
    }

    [Fact]
    public void Settings_that_cannot_work_are_named()
    {
        var problems = new LensOutboxOptions { Transport = LensTransportKind.Http, GatewayUrl = "not a url", BatchSize = 0, MaxAttempts = 0 }.Problems().ToList();

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("GatewayUrl", StringComparison.Ordinal));
        Assert.Empty(new LensOutboxOptions().Problems());
    }
}
