using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SenGraph.Contracts.Persistence;
using SenGraph.Host.Kernel.Database;
using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.Sir;

/// <summary>Upgrading the SIR module from 1.x (drafts in its own SirReports table) keeps every draft.</summary>
public sealed class SirUpgradeTests
{
    [Fact]
    public async Task Drafts_written_by_sir_1_x_are_moved_onto_the_report_envelope_and_stay_editable()
    {
        using var host = new TestHost(new PluginsFolder().WithShippedModules());
        // The database as SIR 1.0.0 left it: the host's tables, and SirReports with its first migration applied.
        await new SenDatabase(new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={host.DatabaseFile}")).MigrateAsync(CancellationToken.None);
        var id = Guid.NewGuid();
        var eventAt = new DateTimeOffset(2026, 11, 20, 14, 30, 0, TimeSpan.Zero);
        var toBinary = new DateTimeOffsetToBinaryConverter();
        await using (var connection = new SqliteConnection($"Data Source={host.DatabaseFile}"))
        {
            await connection.OpenAsync();
            var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE "__Migrations_sir" ("MigrationId" TEXT NOT NULL CONSTRAINT "PK___Migrations_sir" PRIMARY KEY, "ProductVersion" TEXT NOT NULL);
                INSERT INTO "__Migrations_sir" VALUES ('20261123104756_InitialCreate', '10.0.14');
                CREATE TABLE "SirReports" ("Id" TEXT NOT NULL CONSTRAINT "PK_SirReports" PRIMARY KEY, "Status" TEXT NOT NULL, "Title" TEXT NOT NULL,
                    "Narrative" TEXT NULL, "EventAt" INTEGER NULL, "EventCity" TEXT NULL, "EventState" TEXT NULL, "Author" TEXT NOT NULL,
                    "Office" TEXT NOT NULL, "CreatedAt" INTEGER NOT NULL, "UpdatedAt" INTEGER NOT NULL, "Version" INTEGER NOT NULL);
                INSERT INTO "SirReports" VALUES ($id, 'Draft', 'Written by 1.0', 'Subject detained at the gate.', $eventAt, 'New York', 'NY',
                    'alice', 'SAC-NYC', $eventAt, $eventAt, 3);
                """;
            command.Parameters.AddWithValue("$id", id.ToString().ToUpperInvariant());
            command.Parameters.AddWithValue("$eventAt", toBinary.ConvertToProvider(eventAt));
            await command.ExecuteNonQueryAsync();
        }

        var alice = host.Token("alice", "Agent", "SAC-NYC");
        var sir = await host.SirAsync(alice, id.ToString(), "title status author originatingOffice eventAt eventCity eventState version category narratives { text }");

        Assert.NotNull(sir);
        Assert.Equal("Written by 1.0", sir["title"]!.GetValue<string>());
        Assert.Equal("DRAFT", sir["status"]!.GetValue<string>());
        Assert.Equal(("alice", "SAC-NYC"), (sir["author"]!.GetValue<string>(), sir["originatingOffice"]!.GetValue<string>()));
        Assert.Equal(eventAt, DateTimeOffset.Parse(sir["eventAt"]!.GetValue<string>()));
        Assert.Equal(("New York", "NY"), (sir["eventCity"]!.GetValue<string>(), sir["eventState"]!.GetValue<string>()));
        Assert.Equal(3, sir["version"]!.GetValue<int>());
        Assert.Equal("OTHER", sir["category"]!.GetValue<string>());
        Assert.Equal(["Subject detained at the gate."], sir["narratives"]!.AsArray().Select(n => n!["text"]!.GetValue<string>()));

        var edited = await host.UpdateAsync(alice, SirApi.Input("Written by 1.0, edited by 2.0", ("id", id.ToString()), ("expectedVersion", 3)));
        Assert.Empty(edited.ErrorCodes());
        Assert.Equal(4, edited["sir"]!["version"]!.GetValue<int>());
    }
}
