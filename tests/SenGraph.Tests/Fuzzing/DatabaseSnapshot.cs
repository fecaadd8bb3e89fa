using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace SenGraph.Tests.Fuzzing;

/// <summary>
/// A canonical dump of every table of a SQLite file, read directly (not through the host): each row rendered
/// with its column names and typed values, rows sorted, so two dumps are equal exactly when the stored data is.
/// Left out: SQLite's own tables, migration history (<c>__EFMigrationsHistory</c>, <c>__Migrations_&lt;module&gt;</c>,
/// anything starting with <c>__</c>) and every table whose name starts with <c>Audit</c> (an audit trail records
/// refused requests too).
/// </summary>
public sealed class DatabaseSnapshot
{
    private DatabaseSnapshot(IReadOnlyDictionary<string, IReadOnlyList<string>> tables) => Tables = tables;

    /// <summary>Table name → its rows, each rendered canonically, sorted ordinally.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Tables { get; }

    public static bool IsCompared(string table) =>
        !table.StartsWith("sqlite_", StringComparison.OrdinalIgnoreCase)
        && !table.StartsWith("__", StringComparison.Ordinal)
        && !table.StartsWith("Audit", StringComparison.OrdinalIgnoreCase);

    public static DatabaseSnapshot Take(string databaseFile)
    {
        if (!File.Exists(databaseFile)) throw new FileNotFoundException("No database to dump.", databaseFile);
        // Read-only, unpooled: the running host keeps writing its own connections; ours closes with the dump.
        var connectionString = new SqliteConnectionStringBuilder { DataSource = databaseFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction(); // one consistent read of every table

        var names = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.Transaction = transaction;
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read()) names.Add(reader.GetString(0));
        }

        var tables = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var name in names.Where(IsCompared))
        {
            using var select = connection.CreateCommand();
            select.Transaction = transaction;
            select.CommandText = $"SELECT * FROM \"{name.Replace("\"", "\"\"")}\"";
            using var reader = select.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read())
            {
                var row = new StringBuilder();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (i > 0) row.Append(" | ");
                    row.Append(reader.GetName(i)).Append('=').Append(Render(reader, i));
                }

                rows.Add(row.ToString());
            }

            rows.Sort(StringComparer.Ordinal);
            tables[name] = rows;
        }

        return new DatabaseSnapshot(tables);
    }

    /// <summary>Whether a row that is new or changed since <paramref name="before"/> has a text cell exactly equal to <paramref name="text"/>.</summary>
    public bool StoredSince(DatabaseSnapshot before, string text)
    {
        var cell = "=text:\"" + Escape(text) + "\"";
        foreach (var (table, rows) in Tables)
        {
            var old = before.Tables.GetValueOrDefault(table) ?? [];
            foreach (var row in Except(rows, old))
            {
                for (var at = row.IndexOf(cell, StringComparison.Ordinal); at >= 0; at = row.IndexOf(cell, at + 1, StringComparison.Ordinal))
                {
                    var end = at + cell.Length;
                    if (end == row.Length || row.AsSpan(end).StartsWith(" | ")) return true;
                }
            }
        }

        return false;
    }

    /// <summary>What differs from <paramref name="before"/>: rows gone and rows new, per table; empty when equal.</summary>
    public IReadOnlyList<string> DifferencesFrom(DatabaseSnapshot before)
    {
        var differences = new List<string>();
        foreach (var table in before.Tables.Keys.Union(Tables.Keys).Order(StringComparer.Ordinal))
        {
            var old = before.Tables.GetValueOrDefault(table);
            var now = Tables.GetValueOrDefault(table);
            if (old is null) { differences.Add($"table {table} appeared"); continue; }
            if (now is null) { differences.Add($"table {table} disappeared"); continue; }
            foreach (var row in Except(old, now)) differences.Add($"{table}: row gone: {Shorten(row)}");
            foreach (var row in Except(now, old)) differences.Add($"{table}: row new: {Shorten(row)}");
        }

        return differences;
    }

    /// <summary>Rows of <paramref name="rows"/> not in <paramref name="other"/>, as a multiset difference.</summary>
    private static IEnumerable<string> Except(IReadOnlyList<string> rows, IReadOnlyList<string> other)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in other) counts[row] = counts.GetValueOrDefault(row) + 1;
        foreach (var row in rows)
        {
            if (counts.GetValueOrDefault(row) > 0) counts[row]--;
            else yield return row;
        }
    }

    /// <summary>A cell as type and value: <c>null</c>, <c>int:5</c>, <c>real:1.5</c>, <c>text:"…"</c> (escaped so every character shows), <c>blob:ab01</c>.</summary>
    private static string Render(SqliteDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal)) return "null";
        var type = reader.GetFieldType(ordinal);
        if (type == typeof(long)) return "int:" + reader.GetInt64(ordinal).ToString(CultureInfo.InvariantCulture);
        if (type == typeof(double)) return "real:" + reader.GetDouble(ordinal).ToString("R", CultureInfo.InvariantCulture);
        if (type == typeof(byte[])) return "blob:" + Convert.ToHexString((byte[])reader.GetValue(ordinal));
        return "text:\"" + Escape(reader.GetString(ordinal)) + "\"";
    }

    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 2);
        foreach (var c in text)
        {
            if (c is '"' or '\\') escaped.Append('\\').Append(c);
            else if (c < 0x20 || c >= 0x7F) escaped.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            else escaped.Append(c);
        }

        return escaped.ToString();
    }

    private static string Shorten(string row) => row.Length <= 400 ? row : row[..400] + $"… ({row.Length} characters)";
}
