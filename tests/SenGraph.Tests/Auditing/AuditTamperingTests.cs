using System.Globalization;
using Microsoft.Data.Sqlite;
using SenGraph.Contracts.Auditing;
using SenGraph.Contracts.Persistence;
using SenGraph.Host.Auditing;
using SenGraph.Host.Kernel.Database;
using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.Auditing;

/// <summary>
/// A DBA drops the append-only triggers and tampers with the audit table directly: verifyAuditTrail finds
/// each kind of tampering at the first broken record. Each test has its own host and database; the
/// seeded directory gives the trail its first records.
/// </summary>
public sealed class AuditTamperingTests
{
    private static async Task<TestHost> StartedHostAsync()
    {
        var host = new TestHost(new PluginsFolder());
        var before = await host.VerifyAsync();
        Assert.True(before["intact"]!.GetValue<bool>(), before.ToJsonString());
        Assert.True(before["recordCount"]!.GetValue<long>() >= 10, before.ToJsonString());
        await host.DropAppendOnlyTriggersAsync();
        return host;
    }

    [Fact]
    public async Task An_altered_field_is_detected_at_its_record()
    {
        using var host = await StartedHostAsync();

        await host.ExecuteSqlAsync("UPDATE \"AuditRecords\" SET \"UserName\" = 'someone-else' WHERE \"Sequence\" = 5");

        var result = await host.VerifyAsync();
        Assert.False(result["intact"]!.GetValue<bool>());
        Assert.Equal(5, result["firstBrokenSequence"]!.GetValue<long>());
        Assert.Equal("ALTERED", result.Str("problem"));
    }

    [Fact]
    public async Task An_altered_record_whose_hash_was_recomputed_is_detected_by_the_next_link()
    {
        using var host = await StartedHostAsync();
        var record = (await host.AuditRecordsAsync("{ sequence: { eq: 6 } }")).Single();
        var forged = new AuditEntry("someone-else", record.Str("action"), record.Str("entity"), record["recordId"]?.GetValue<string>(),
            record["operationName"]?.GetValue<string>(), record["requestId"]?.GetValue<string>(), null, record["details"]?.GetValue<string>());
        var previous = await host.ScalarTextAsync("SELECT \"PreviousHash\" FROM \"AuditRecords\" WHERE \"Sequence\" = 6");
        var hash = AuditChain.ComputeHash(6, DateTimeOffset.Parse(record.Str("at"), CultureInfo.InvariantCulture), forged, previous);

        // The forged record matches its own hash; the next record still names the hash it replaced.
        await host.ExecuteSqlAsync($"UPDATE \"AuditRecords\" SET \"UserName\" = 'someone-else', \"Hash\" = '{hash}' WHERE \"Sequence\" = 6");

        var result = await host.VerifyAsync();
        Assert.False(result["intact"]!.GetValue<bool>());
        Assert.Equal(6, result["firstBrokenSequence"]!.GetValue<long>());
        Assert.Equal("ALTERED", result.Str("problem"));
        Assert.Contains("not chained", result.Str("message"));
    }

    [Fact]
    public async Task A_removed_middle_record_is_detected()
    {
        using var host = await StartedHostAsync();

        await host.ExecuteSqlAsync("DELETE FROM \"AuditRecords\" WHERE \"Sequence\" = 7");

        var result = await host.VerifyAsync();
        Assert.False(result["intact"]!.GetValue<bool>());
        Assert.Equal(7, result["firstBrokenSequence"]!.GetValue<long>());
        Assert.Equal("REMOVED", result.Str("problem"));
    }

    [Fact]
    public async Task Two_swapped_records_are_detected_as_reordered()
    {
        using var host = await StartedHostAsync();

        await host.ExecuteSqlAsync("""
            UPDATE "AuditRecords" SET "Sequence" = -1 WHERE "Sequence" = 4;
            UPDATE "AuditRecords" SET "Sequence" = 4 WHERE "Sequence" = 8;
            UPDATE "AuditRecords" SET "Sequence" = 8 WHERE "Sequence" = -1;
            """);

        var result = await host.VerifyAsync();
        Assert.False(result["intact"]!.GetValue<bool>());
        Assert.Equal(4, result["firstBrokenSequence"]!.GetValue<long>());
        Assert.Equal("REORDERED", result.Str("problem"));
        Assert.Contains("written as number 8", result.Str("message"));
    }

    [Fact]
    public async Task Removing_the_newest_records_is_detected_against_the_head_this_host_wrote_and_against_an_anchor()
    {
        using var host = await StartedHostAsync();
        var head = await host.VerifyAsync();
        var sequence = head["headSequence"]!.GetValue<long>();
        Assert.Equal(sequence, head["highestSequenceWrittenByThisProcess"]!.GetValue<long>());

        await host.ExecuteSqlAsync($"DELETE FROM \"AuditRecords\" WHERE \"Sequence\" >= {sequence - 1}");

        var result = await host.VerifyAsync();
        Assert.False(result["intact"]!.GetValue<bool>());
        Assert.Equal("TRUNCATED", result.Str("problem"));
        Assert.Equal(sequence - 1, result["firstBrokenSequence"]!.GetValue<long>());

        // After a restart only an anchor kept outside the database can tell: here, the head noted before.
        var anchored = await host.VerifyAsync($"(anchor: {{ sequence: {sequence}, hash: \"{head.Str("headHash")}\" }})");
        Assert.Equal("TRUNCATED", anchored.Str("problem"));
        Assert.Contains($"before the anchored record {sequence}", await VerdictOfACopyAsync(host, sequence, head.Str("headHash")));
    }

    [Fact]
    public async Task An_intact_trail_verifies_and_a_wrong_anchor_does_not()
    {
        using var host = await StartedHostAsync();
        var head = await host.VerifyAsync();

        var anchored = await host.VerifyAsync($"(anchor: {{ sequence: {head["headSequence"]}, hash: \"{head.Str("headHash")}\" }})");
        var wrong = await host.VerifyAsync($"(anchor: {{ sequence: 3, hash: \"{new string('a', 64)}\" }})");

        Assert.True(anchored["intact"]!.GetValue<bool>(), anchored.ToJsonString());
        Assert.False(wrong["intact"]!.GetValue<bool>());
        Assert.Equal(3, wrong["firstBrokenSequence"]!.GetValue<long>());
    }

    /// <summary>
    /// The anchor's verdict on a copy of the database: as a restarted host would give it, knowing nothing of
    /// what it wrote before.
    /// </summary>
    private static async Task<string> VerdictOfACopyAsync(TestHost host, long sequence, string hash)
    {
        var copy = Path.Combine(Path.GetDirectoryName(host.DatabaseFile)!, "copy-" + Guid.NewGuid().ToString("N") + ".db");
        await using (var source = new SqliteConnection($"Data Source={host.DatabaseFile};Pooling=False"))
        await using (var target = new SqliteConnection($"Data Source={copy};Pooling=False"))
        {
            await source.OpenAsync();
            await target.OpenAsync();
            source.BackupDatabase(target);
        }

        var verifier = new AuditVerifier(new SenDatabase(new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={copy};Pooling=False")));

        var verdict = await verifier.VerifyAsync(new AuditAnchor(sequence, hash), CancellationToken.None);
        var unanchored = await verifier.VerifyAsync(null, CancellationToken.None);

        Assert.Equal(AuditProblem.Truncated, verdict.Problem);
        Assert.True(unanchored.Intact); // the limit: without an anchor, a truncated trail looks complete
        return verdict.Message;
    }
}
