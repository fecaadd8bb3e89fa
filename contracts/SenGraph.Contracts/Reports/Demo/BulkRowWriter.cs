using System.Collections;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SenGraph.Contracts.Auditing;
using SenGraph.Contracts.Persistence;

namespace SenGraph.Contracts.Reports.Demo;

/// <summary>
/// Bulk writing (<c>seed generate</c>) on SQLite: stores a graph of new entities (reports with their people, contacts,
/// narratives, revisions; queue entries) without EF Core's change tracker or update pipeline. The graph is walked through
/// the model's navigations, keys and foreign keys are taken from the objects, and the rows of each table go in multi-row
/// <c>INSERT</c>s, every parameter made by its column's own type mapping, so values are stored exactly as
/// <c>SaveChanges</c> stores them. One audit record per row, the record <see cref="AuditSaveChangesInterceptor"/> would
/// write (insert, the row's tables joined with <c>+</c>, its key), is appended with <see cref="AuditChain.AppendAsync"/> in
/// the caller's open transaction. Foreign keys are checked at commit (<c>defer_foreign_keys</c>), so tables go in any order.
/// As <c>Add</c> would, an empty Guid key gets a new value and a dependent reached from its principal takes the principal's
/// key as its foreign key. <see cref="TryInsertAsync"/> declines (returns false, nothing written) for another provider, a key
/// the database generates, a foreign key that disagrees with a navigation to its principal, a shadow or indexer property, a
/// column with a database default or computed value, or a table shared with another entity: the caller then saves
/// through EF Core.
/// </summary>
internal static class BulkRowWriter
{
    private const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";

    /// <summary>
    /// Bound parameters per statement, far under SQLite's limit (999 in any build): Microsoft.Data.Sqlite binds each parameter by
    /// name, and SQLite finds a name by comparing it with every name of the statement, so binding costs grow with the square of
    /// this (at 999, string comparisons were a fifth of the writer's CPU; perf, bench/RESULTS.md).
    /// </summary>
    private const int MaxParameters = 100;

    /// <summary>Rows per statement at most.</summary>
    private const int MaxRowsPerStatement = 20;

    private sealed record Column(IProperty Property, IClrPropertyGetter Getter, RelationalTypeMapping Mapping, bool Nullable);

    private sealed record TableInsert(string Prefix, IReadOnlyList<Column> Columns)
    {
        public int RowsPerStatement => Math.Max(1, Math.Min(MaxRowsPerStatement, MaxParameters / Columns.Count));

        public string Sql(int rows, int columns) =>
            new StringBuilder(Prefix).AppendJoin(", ", Enumerable.Range(0, rows).Select(r =>
                "(" + string.Join(", ", Enumerable.Range(0, columns).Select(c => Name(r * columns + c))) + ")")).ToString();
    }

    private sealed record Link(INavigationBase Navigation, IClrPropertyGetter Getter, IForeignKey ForeignKey, bool ToDependents);

    private sealed record EntityPlan(IReadOnlyList<TableInsert> Tables, string Entity, IReadOnlyList<(IProperty Property, IClrPropertyGetter Getter)> Key,
        IReadOnlyList<Link> Links);

    public static async Task<bool> TryInsertAsync(DbContext db, IEnumerable<object> roots, CancellationToken cancellationToken)
    {
        if (db.Database.ProviderName != SqliteProvider) return false;
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Bulk rows are inserted inside the caller's transaction; none is open.");
        var scope = AuditScope.Current
            ?? throw new AuditException($"{db.GetType().Name}: bulk insert outside an audit scope: every write must name who makes it (AuditScope.Begin).");

        var rows = Walk(db.Model, roots);
        if (rows is null) return false;
        if (rows.Count == 0) return true;

        var byTable = new Dictionary<TableInsert, List<object>>();
        var audit = new List<AuditEntry>(rows.Count);
        foreach (var (entity, plan) in rows)
        {
            foreach (var table in plan.Tables)
            {
                if (!byTable.TryGetValue(table, out var list)) byTable[table] = list = [];
                list.Add(entity);
            }

            audit.Add(new AuditEntry(scope.UserName, AuditActions.Insert, plan.Entity, KeyOf(entity, plan), scope.OperationName, scope.RequestId, null, null));
        }

        await db.Database.ExecuteSqlRawAsync("PRAGMA defer_foreign_keys = ON", cancellationToken);
        var connection = db.Database.GetDbConnection();
        var dbTransaction = transaction.GetDbTransaction();
        foreach (var (table, entities) in byTable) Insert(connection, dbTransaction, table, entities);
        await AuditChain.AppendAsync(db.Database, audit, DateTimeOffset.UtcNow, cancellationToken);
        return true;
    }

    /// <summary>Every entity reachable from <paramref name="roots"/>, each once, in the order found; null when one cannot be written plainly.</summary>
    private static List<(object Entity, EntityPlan Plan)>? Walk(IModel model, IEnumerable<object> roots)
    {
        var plans = new Dictionary<Type, EntityPlan?>();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var rows = new List<(object, EntityPlan)>();
        var pending = new Stack<object>();
        foreach (var root in roots.Reverse()) pending.Push(root);
        while (pending.Count > 0)
        {
            var entity = pending.Pop();
            if (!seen.Add(entity)) continue;
            if (!plans.TryGetValue(entity.GetType(), out var plan)) plans[entity.GetType()] = plan = Plan(model, entity.GetType());
            if (plan is null) return null;
            // As Add does: a Guid key left empty gets a new value (a key the database generates cannot be written here).
            foreach (var (property, getter) in plan.Key)
            {
                if (property.ValueGenerated == ValueGenerated.Never || !IsDefault(getter.GetClrValueUsingContainingEntity(entity), property.ClrType)) continue;
                if (property.ClrType != typeof(Guid) || property.IsForeignKey() || !TrySet(property, entity, RowKeys.New())) return null;
            }

            rows.Add((entity, plan));
            foreach (var link in plan.Links)
            {
                var value = link.Getter.GetClrValueUsingContainingEntity(entity);
                if (value is null) continue;
                foreach (var other in link.Navigation.IsCollection ? ((IEnumerable)value).Cast<object>() : [value])
                {
                    // Add's fix-up: a dependent reached from its principal takes the principal's key as its foreign key.
                    if (link.ToDependents ? !FixUp(link.ForeignKey, entity, other) : !ForeignKeyMatches(link.ForeignKey, other, entity)) return null;
                    pending.Push(other);
                }
            }
        }

        return rows;
    }

    private static bool ForeignKeyMatches(IForeignKey foreignKey, object principal, object dependent)
    {
        for (var i = 0; i < foreignKey.Properties.Count; i++)
        {
            var key = foreignKey.PrincipalKey.Properties[i].GetGetter().GetClrValueUsingContainingEntity(principal);
            var value = foreignKey.Properties[i].GetGetter().GetClrValueUsingContainingEntity(dependent);
            if (!Equals(key, value)) return false;
        }

        return true;
    }

    private static bool FixUp(IForeignKey foreignKey, object principal, object dependent)
    {
        for (var i = 0; i < foreignKey.Properties.Count; i++)
        {
            var key = foreignKey.PrincipalKey.Properties[i].GetGetter().GetClrValueUsingContainingEntity(principal);
            var property = foreignKey.Properties[i];
            if (!Equals(key, property.GetGetter().GetClrValueUsingContainingEntity(dependent)) && !TrySet(property, dependent, key)) return false;
        }

        return true;
    }

    private static bool TrySet(IProperty property, object entity, object? value)
    {
        if (property.PropertyInfo is { CanWrite: true } setter) setter.SetValue(entity, value);
        else if (property.FieldInfo is { } field) field.SetValue(entity, value);
        else return false;
        return true;
    }

    private static bool IsDefault(object? value, Type type) =>
        value is null || type.IsValueType && Nullable.GetUnderlyingType(type) is null && value.Equals(Activator.CreateInstance(type));

    private static void Insert(DbConnection connection, DbTransaction transaction, TableInsert table, List<object> entities)
    {
        var columns = table.Columns.Count;
        var perStatement = table.RowsPerStatement;
        using var full = connection.CreateCommand();
        full.CommandText = table.Sql(perStatement, columns);
        full.Transaction = transaction;
        for (var start = 0; start < entities.Count; start += perStatement)
        {
            var count = Math.Min(perStatement, entities.Count - start);
            using var rest = count < perStatement ? connection.CreateCommand() : null;
            var command = rest ?? full;
            if (rest is not null)
            {
                rest.CommandText = table.Sql(count, columns);
                rest.Transaction = transaction;
            }

            command.Parameters.Clear();
            for (var r = 0; r < count; r++)
            {
                var entity = entities[start + r];
                for (var c = 0; c < columns; c++)
                {
                    var column = table.Columns[c];
                    command.Parameters.Add(column.Mapping.CreateParameter(command, Name(r * columns + c), column.Getter.GetClrValueUsingContainingEntity(entity), column.Nullable));
                }
            }

            command.ExecuteNonQuery(); // SQLite runs synchronously anyway
        }
    }

    private static readonly string[] Names = [.. Enumerable.Range(0, MaxParameters).Select(i => "@p" + i.ToString(CultureInfo.InvariantCulture))];

    private static string Name(int i) => i < Names.Length ? Names[i] : "@p" + i.ToString(CultureInfo.InvariantCulture);

    /// <summary>The INSERTs and links of one CLR type, or null when it is not a plain entity of the model (the caller saves through EF Core then).</summary>
    private static EntityPlan? Plan(IModel model, Type clrType)
    {
        var type = model.FindEntityType(clrType);
        if (type is null || type.HasSharedClrType || type.GetSkipNavigations().Any()) return null;
        var key = type.FindPrimaryKey();
        if (key is null) return null;
        var tables = new List<TableInsert>();
        var names = new List<string>();
        foreach (var mapping in type.GetTableMappings())
        {
            if (mapping.Table.Name == AuditChain.TableName)
                throw new AuditException("The audit trail is append-only and written by AuditChain, never through a context's change tracker.");
            // A table shared with another hierarchy (table splitting, owned types) holds one row for several entities.
            if (mapping.Table.EntityTypeMappings.Any(m => m.TypeBase is not IEntityType other || other.GetRootType() != type.GetRootType()))
                return null;
            var columns = new List<Column>();
            foreach (var columnMapping in mapping.ColumnMappings)
            {
                var property = columnMapping.Property;
                // A shadow value (a discriminator, a shadow foreign key) lives only in the change tracker; a default or computed
                // column would need SaveChanges' rule for when to send a value.
                if (property.IsShadowProperty() || property.IsIndexerProperty() || property.GetComputedColumnSql() is not null
                    || property.GetDefaultValueSql() is not null || property.TryGetDefaultValue(out _))
                    return null;
                columns.Add(new Column(property, property.GetGetter(), columnMapping.TypeMapping, columnMapping.Column.IsNullable));
            }

            var schema = mapping.Table.Schema is { } s ? Quote(s) + "." : "";
            var prefix = new StringBuilder("INSERT INTO ").Append(schema).Append(Quote(mapping.Table.Name)).Append(" (")
                .AppendJoin(", ", columns.Select(c => Quote(c.Property.GetColumnName(StoreObjectIdentifier.Table(mapping.Table.Name, mapping.Table.Schema))!)))
                .Append(") VALUES ").ToString();
            tables.Add(new TableInsert(prefix, columns));
            if (!names.Contains(mapping.Table.Name)) names.Add(mapping.Table.Name);
        }

        if (tables.Count == 0) return null;
        var links = new List<Link>();
        foreach (var navigation in type.GetNavigations())
        {
            if (navigation.PropertyInfo is null && navigation.FieldInfo is null) return null;
            links.Add(new Link(navigation, navigation.GetGetter(), navigation.ForeignKey, ToDependents: !navigation.IsOnDependent));
        }

        return new EntityPlan(tables, string.Join("+", names), [.. key.Properties.Select(p => (p, p.GetGetter()))], links);
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    // As AuditSaveChangesInterceptor.KeyOf.
    private static string KeyOf(object entity, EntityPlan plan) =>
        string.Join(",", plan.Key.Select(k => Convert.ToString(k.Getter.GetClrValueUsingContainingEntity(entity), CultureInfo.InvariantCulture)));
}
