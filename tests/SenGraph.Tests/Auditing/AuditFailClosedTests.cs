using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Auditing;
using SenGraph.Host.Kernel.Database;
using SenGraph.Tests.Infrastructure;
using SenGraph.Tests.Sir;

namespace SenGraph.Tests.Auditing;

/// <summary>
/// The README's fail-closed promises of the audit trail: a save outside an audit scope and a synchronous save are
/// refused before anything is written, and a read whose views cannot be recorded shows nothing (AUDIT_UNAVAILABLE).
/// </summary>
public sealed class AuditFailClosedTests(ShippedModulesHost host) : IClassFixture<ShippedModulesHost>
{
    private static Office NewOffice(string code) =>
        new() { Code = code, Name = "Audit probe " + code, Kind = OfficeKind.Hq, OrganisationCode = "HSI" };

    private async Task<long> OfficesNamedAsync(string code) =>
        await host.ScalarAsync($"SELECT COUNT(*) FROM \"Offices\" WHERE \"Code\" = '{code}'");

    [Fact]
    public async Task SaveChangesAsync_outside_an_audit_scope_is_refused_and_writes_nothing()
    {
        await host.VerifyAsync(); // the host is up and migrated
        Assert.Null(AuditScope.Current);
        await using var db = host.Services.GetRequiredService<SenDatabase>().CreateDbContext();
        db.Offices.Add(NewOffice("HQ-NOSCOPE"));

        var refused = await Assert.ThrowsAsync<AuditException>(() => db.SaveChangesAsync());

        Assert.Contains("outside an audit scope", refused.Message);
        Assert.Equal(0, await OfficesNamedAsync("HQ-NOSCOPE"));
    }

    [Fact]
    public async Task Synchronous_SaveChanges_is_refused_even_inside_an_audit_scope_and_writes_nothing()
    {
        await host.VerifyAsync();
        await using var db = host.Services.GetRequiredService<SenDatabase>().CreateDbContext();
        db.Offices.Add(NewOffice("HQ-SYNC"));
        using var scope = AuditScope.Begin(new AuditContext("sync-writer", "test"));

        var refused = Assert.Throws<AuditException>(() => db.SaveChanges());

        Assert.Contains("SaveChangesAsync", refused.Message);
        Assert.Equal(0, await OfficesNamedAsync("HQ-SYNC"));
        Assert.Equal(0, await host.ScalarAsync("SELECT COUNT(*) FROM \"AuditRecords\" WHERE \"UserName\" = 'sync-writer'"));
    }

    [Fact]
    public async Task The_same_save_inside_an_audit_scope_is_written_with_its_record()
    {
        // The control for the two refusals above: the entity and the context are fine, only the scope was missing.
        await using var db = host.Services.GetRequiredService<SenDatabase>().CreateDbContext();
        db.Offices.Add(NewOffice("HQ-SCOPED"));
        using (AuditScope.Begin(new AuditContext("scoped-writer", "test")))
            await db.SaveChangesAsync();

        Assert.Equal(1, await OfficesNamedAsync("HQ-SCOPED"));
        Assert.Equal(1, await host.ScalarAsync(
            "SELECT COUNT(*) FROM \"AuditRecords\" WHERE \"UserName\" = 'scoped-writer' AND \"Action\" = 'Insert' AND \"RecordId\" = 'HQ-SCOPED'"));
    }

    [Theory]
    [InlineData(TestHost.GraphQLResponseJson, HttpStatusCode.ServiceUnavailable)]
    [InlineData("application/json", HttpStatusCode.OK)]
    public async Task A_read_whose_views_cannot_be_recorded_withholds_the_data(string accept, HttpStatusCode status)
    {
        var reader = "unrecorded-" + (status == HttpStatusCode.OK ? "json" : "gql");
        var token = host.Token(reader, "Agent", "SAC-BOS");
        var (id, _) = await host.DraftAsync(token, "Withheld when unrecorded");
        // The reader's views cannot be written from now on; everything else still can.
        await host.ExecuteSqlAsync($"""
            CREATE TRIGGER "FailReadsOf_{reader.Replace('-', '_')}" BEFORE INSERT ON "AuditRecords"
            WHEN NEW."UserName" = '{reader}' AND NEW."Action" = 'Read'
            BEGIN SELECT RAISE(ABORT, 'forced read audit failure'); END;
            """);
        try
        {
            var response = await host.PostAsync("query Peek($id: ID!) { sir(id: $id) { id title people { lastName } } }", new { id }, token, accept);

            Assert.Equal(status, response.Status);
            Assert.Equal(["AUDIT_UNAVAILABLE"], response.ErrorCodes);
            Assert.Null(response.Data);
            Assert.DoesNotContain("Withheld when unrecorded", response.Body);
            Assert.DoesNotContain(id, response.Body);
            Assert.DoesNotContain("forced read audit failure", response.Body);
        }
        finally
        {
            await host.ExecuteSqlAsync($"DROP TRIGGER \"FailReadsOf_{reader.Replace('-', '_')}\";");
        }

        // Once the views can be recorded again, the same read answers.
        var again = (await host.PostAsync("query Peek($id: ID!) { sir(id: $id) { title } }", new { id }, token)).ShouldSucceed();
        Assert.Equal("Withheld when unrecorded", again.Data!["sir"]!["title"]!.GetValue<string>());
    }
}
