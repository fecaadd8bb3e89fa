using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SenGraph.Tests.Infrastructure;

/// <summary>
/// Counts the SQL commands EF Core executes against one database file, from every context in the
/// process (the host's and every module's): EF Core reports each through its DiagnosticSource.
/// Other tests running in parallel use other database files, so they do not count.
/// </summary>
public sealed class SqlStatementCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly string _databaseFile;
    private readonly IDisposable _allListeners;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly List<string> _statements = [];
    private readonly List<(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters)> _commands = [];
    private readonly Lock _lock = new();

    public SqlStatementCounter(string databaseFile)
    {
        _databaseFile = Path.GetFullPath(databaseFile);
        _allListeners = DiagnosticListener.AllListeners.Subscribe(this);
    }

    /// <summary>The statements seen since the last <see cref="Reset"/>.</summary>
    public IReadOnlyList<string> Statements
    {
        get { lock (_lock) return [.. _statements]; }
    }

    /// <summary>The statements seen since the last <see cref="Reset"/>, with their parameters (to explain them again).</summary>
    public IReadOnlyList<(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters)> Commands
    {
        get { lock (_lock) return [.. _commands]; }
    }

    public void Reset()
    {
        lock (_lock)
        {
            _statements.Clear();
            _commands.Clear();
        }
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name != DbLoggerCategory.Name) return;
        lock (_lock) _subscriptions.Add(listener.Subscribe(this));
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key != RelationalEventId.CommandExecuted.Name || value.Value is not CommandExecutedEventData executed) return;
        var dataSource = executed.Command.Connection?.DataSource;
        if (dataSource is null || Path.GetFullPath(dataSource) != _databaseFile) return;
        var parameters = executed.Command.Parameters.Cast<System.Data.Common.DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList();
        lock (_lock)
        {
            _statements.Add(executed.Command.CommandText);
            _commands.Add((executed.Command.CommandText, parameters));
        }
    }

    void IObserver<DiagnosticListener>.OnCompleted() { }

    void IObserver<DiagnosticListener>.OnError(Exception error) { }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted() { }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error) { }

    public void Dispose()
    {
        _allListeners.Dispose();
        lock (_lock) _subscriptions.ForEach(s => s.Dispose());
    }
}
