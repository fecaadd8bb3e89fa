using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SenGraph.Contracts.Auditing;
using SenGraph.Contracts.Persistence;
using SenGraph.Host.Storage;

namespace SenGraph.Host.Kernel.Database;

/// <summary>
/// Creates <see cref="SenDbContext"/>s for the configured <see cref="DatabaseSettings"/>: the
/// SQLite, SQL Server or PostgreSQL derived context, each with its own migrations and the host's history table, and
/// audited like every module's (<see cref="AuditSaveChangesInterceptor"/>).
/// </summary>
public sealed class SenDatabase : IDbContextFactory<SenDbContext>
{
    private readonly Func<SenDbContext> _create;

    /// <param name="commits">The host's (<see cref="AuditCommits"/>); null: a database object of its own (tools, tests).</param>
    public SenDatabase(DatabaseSettings settings, AuditCommits? commits = null)
    {
        Settings = settings;
        AuditCommits = commits ?? new AuditCommits();
        var audit = new AuditSaveChangesInterceptor(AuditCommits);
        switch (settings.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = new DbContextOptionsBuilder<SqliteSenDbContext>()
                    .UseSqlite(settings.ConnectionString, x => x.MigrationsHistoryTable(SenDbContext.HistoryTable))
                    .AddInterceptors(audit).Options;
                _create = () => new SqliteSenDbContext(sqlite);
                break;
            case DatabaseProvider.SqlServer:
                var sqlServer = new DbContextOptionsBuilder<SqlServerSenDbContext>()
                    .UseSqlServer(settings.ConnectionString, x => x.MigrationsHistoryTable(SenDbContext.HistoryTable))
                    .AddInterceptors(audit).Options;
                _create = () => new SqlServerSenDbContext(sqlServer);
                break;
            case DatabaseProvider.PostgreSql:
                var postgreSql = new DbContextOptionsBuilder<PostgreSqlSenDbContext>()
                    .UseNpgsql(settings.ConnectionString, x => x.MigrationsHistoryTable(SenDbContext.HistoryTable))
                    .AddInterceptors(audit).Options;
                _create = () => new PostgreSqlSenDbContext(postgreSql);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(settings), settings.Provider, "Unknown database provider.");
        }
    }

    /// <summary>The audit sequences committed through this database's contexts and the host's own appends.</summary>
    public AuditCommits AuditCommits { get; }

    public DatabaseSettings Settings { get; }

    public SenDbContext CreateDbContext() => _create();

    /// <summary>Applies every pending host migration (on SQLite, after switching the file to WAL: <see cref="SqliteTuning"/>).</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var context = CreateDbContext();
        if (Settings.Provider == DatabaseProvider.Sqlite) await SqliteTuning.UseWriteAheadLogAsync(context.Database, cancellationToken);
        await context.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>The idempotent SQL script of the host's migrations, for the configured provider (needs no server).</summary>
    public string GenerateMigrationScript()
    {
        using var context = CreateDbContext();
        return context.Database.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
    }
}
