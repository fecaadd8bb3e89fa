using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SenGraph.Contracts.Auditing;

namespace SenGraph.Contracts.Reports.Demo;

/// <summary>
/// Bulk writing (<c>seed generate</c>) on SQLite: stores the rows a context tracks as added without EF Core's update
/// pipeline, with one prepared <c>INSERT</c> per table and column set reused for every row (parameters made by each
/// column's own type mapping, so values are stored exactly as <c>SaveChanges</c> stores them), and appends one audit
/// record per row with <see cref="AuditChain.AppendAsync"/>, the record <see cref="AuditSaveChangesInterceptor"/> would
/// write (insert, the row's tables joined with <c>+</c>, its key), in the caller's open transaction. Foreign keys are
/// checked at commit (<c>defer_foreign_keys</c>), so rows go in the change tracker's order.
/// <see cref="TryInsertAsync"/> declines (returns false, nothing written) for another provider, a tracked change that
/// is not an insert, a key the database generates or a column with a database default or computed value: the caller
/// then saves through EF Core.
/// </summary>
internal static class TrackedRowWriter
{
    private const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";

    private sealed record Column(IProperty Property, RelationalTypeMapping Mapping, bool Nullable);

    private sealed record TableInsert(string Sql, IReadOnlyList<Column> Columns);

    private sealed record EntityPlan(IReadOnlyList<TableInsert> Tables, string Entity, IKey Key);

    public static async Task<bool> TryInsertAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.ProviderName != SqliteProvider) return false;
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Bulk rows are inserted inside the caller's transaction; none is open.");
        var scope = AuditScope.Current
            ?? throw new AuditException($"{db.GetType().Name}: bulk insert outside an audit scope: every write must name who makes it (AuditScope.Begin).");

        var entries = new List<(EntityEntry Entry, EntityPlan Plan)>();
        var plans = new Dictionary<IEntityType, EntityPlan?>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Unchanged || entry.State == EntityState.Detached) continue;
            if (entry.State != EntityState.Added) return false;
            if (!plans.TryGetValue(entry.Metadata, out var plan)) plans[entry.Metadata] = plan = Plan(entry.Metadata);
            if (plan is null || entry.Properties.Any(p => p.IsTemporary)) return false;
            entries.Add((entry, plan));
        }

        if (entries.Count == 0) return true;
        var connection = db.Database.GetDbConnection();
        var dbTransaction = transaction.GetDbTransaction();
        await db.Database.ExecuteSqlRawAsync("PRAGMA defer_foreign_keys = ON", cancellationToken);

        var commands = new Dictionary<TableInsert, DbCommand>();
        var audit = new List<AuditEntry>(entries.Count);
        try
        {
            foreach (var (entry, plan) in entries)
            {
                foreach (var table in plan.Tables)
                {
                    if (!commands.TryGetValue(table, out var command))
                    {
                        command = connection.CreateCommand();
                        command.CommandText = table.Sql;
                        command.Transaction = dbTransaction;
                        commands[table] = command;
                    }

                    command.Parameters.Clear();
                    for (var i = 0; i < table.Columns.Count; i++)
                    {
                        var column = table.Columns[i];
                        command.Parameters.Add(column.Mapping.CreateParameter(command, Name(i), entry.CurrentValues[column.Property], column.Nullable));
                    }

                    command.ExecuteNonQuery(); // SQLite runs synchronously anyway
                }

                audit.Add(new AuditEntry(scope.UserName, AuditActions.Insert, plan.Entity, KeyOf(entry, plan.Key), scope.OperationName, scope.RequestId, null, null));
            }
        }
        finally
        {
            foreach (var command in commands.Values) await command.DisposeAsync();
        }

        await AuditChain.AppendAsync(db.Database, audit, DateTimeOffset.UtcNow, cancellationToken);
        // What SaveChanges would have done: the rows are now stored.
        foreach (var (entry, _) in entries) entry.State = EntityState.Unchanged;
        return true;
    }

    private static readonly string[] Names = [.. Enumerable.Range(0, 256).Select(i => "@p" + i.ToString(CultureInfo.InvariantCulture))];

    private static string Name(int i) => i < Names.Length ? Names[i] : "@p" + i.ToString(CultureInfo.InvariantCulture);

    /// <summary>The INSERTs of one entity type, or null when a column is not a plain stored value (the caller saves through EF Core then).</summary>
    private static EntityPlan? Plan(IEntityType type)
    {
        var key = type.FindPrimaryKey();
        if (key is null) return null;
        var tables = new List<TableInsert>();
        var names = new List<string>();
        foreach (var mapping in type.GetTableMappings())
        {
            if (mapping.Table.Name == AuditChain.TableName)
                throw new AuditException("The audit trail is append-only and written by AuditChain, never through a context's change tracker.");
            // A table shared with another hierarchy (table splitting, owned types) holds one row for several entries.
            if (mapping.Table.EntityTypeMappings.Any(m => m.TypeBase is not IEntityType other || other.GetRootType() != type.GetRootType()))
                return null;
            var columns = new List<Column>();
            foreach (var columnMapping in mapping.ColumnMappings)
            {
                var property = columnMapping.Property;
                // Keys the database generates show as temporary values (checked per row); a default or computed column would
                // need SaveChanges' rule for when to send a value.
                if (property.GetComputedColumnSql() is not null || property.GetDefaultValueSql() is not null || property.TryGetDefaultValue(out _))
                    return null;
                columns.Add(new Column(property, columnMapping.TypeMapping, columnMapping.Column.IsNullable));
            }

            var schema = mapping.Table.Schema is { } s ? Quote(s) + "." : "";
            var sql = new StringBuilder("INSERT INTO ").Append(schema).Append(Quote(mapping.Table.Name)).Append(" (")
                .AppendJoin(", ", columns.Select(c => Quote(c.Property.GetColumnName(StoreObjectIdentifier.Table(mapping.Table.Name, mapping.Table.Schema))!)))
                .Append(") VALUES (").AppendJoin(", ", columns.Select((_, i) => Name(i))).Append(')').ToString();
            tables.Add(new TableInsert(sql, columns));
            if (!names.Contains(mapping.Table.Name)) names.Add(mapping.Table.Name);
        }

        return tables.Count == 0 ? null : new EntityPlan(tables, string.Join("+", names), key);
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    // As AuditSaveChangesInterceptor.KeyOf.
    private static string KeyOf(EntityEntry entry, IKey key) =>
        string.Join(",", key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture)));
}
