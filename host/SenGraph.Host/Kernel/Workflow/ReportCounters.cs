using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Reports;
using SenGraph.Host.Kernel.Database;

namespace SenGraph.Host.Kernel.Workflow;

/// <summary>The last number given to a report type in a fiscal year (table <c>ReportCounters</c>).</summary>
public sealed class ReportCounter
{
    public required string Type { get; set; }

    public int FiscalYear { get; set; }

    /// <summary>The sequence of the last number given (the next is one more).</summary>
    public int Last { get; set; }
}

/// <summary>
/// Report numbers come from one counter row per type and fiscal year, incremented in the submitting
/// transaction: concurrent submissions queue on the row (SQLite's write lock, SQL Server's row lock held to
/// commit, PostgreSQL's row lock taken by <c>ON CONFLICT DO UPDATE</c> and held to commit, across processes too), so numbers never collide, and a submission that rolls back gives its number back (no gaps).
/// </summary>
public static class ReportCounters
{
    public const string TableName = "ReportCounters";

    public static ModelBuilder ApplyReportCounters(this ModelBuilder modelBuilder)
    {
        var counter = modelBuilder.Entity<ReportCounter>();
        counter.ToTable(TableName);
        counter.HasKey(c => new { c.Type, c.FiscalYear });
        counter.Property(c => c.Type).HasMaxLength(16);
        return modelBuilder;
    }

    /// <summary>
    /// The next number of <paramref name="type"/> in the fiscal year of <paramref name="at"/>, allocated in the
    /// context's current transaction, which this begins when none is open (the caller commits it with its changes).
    /// </summary>
    public static async Task<string> NextNumberAsync(SenDbContext db, string type, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null) await db.Database.BeginTransactionAsync(cancellationToken);
        var fiscalYear = ReportNumber.FiscalYear(at);
        var sql = db.Database.ProviderName?.EndsWith(".SqlServer", StringComparison.Ordinal) == true
            ? """
              MERGE [ReportCounters] WITH (HOLDLOCK) AS c
              USING (SELECT {0} AS [Type], {1} AS [FiscalYear]) AS n ON c.[Type] = n.[Type] AND c.[FiscalYear] = n.[FiscalYear]
              WHEN MATCHED THEN UPDATE SET [Last] = c.[Last] + 1
              WHEN NOT MATCHED THEN INSERT ([Type], [FiscalYear], [Last]) VALUES (n.[Type], n.[FiscalYear], 1)
              OUTPUT inserted.[Last] AS [Value];
              """
            : """
              INSERT INTO "ReportCounters" ("Type", "FiscalYear", "Last") VALUES ({0}, {1}, 1)
              ON CONFLICT ("Type", "FiscalYear") DO UPDATE SET "Last" = "ReportCounters"."Last" + 1
              RETURNING "Last" AS "Value"
              """;
        var sequence = (await db.Database.SqlQueryRaw<int>(sql, type, fiscalYear).ToListAsync(cancellationToken)).Single();
        return ReportNumber.Format(type, fiscalYear, sequence);
    }
}
