using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Leerkluis.Tests.Infrastructure;

/// <summary>Counts the EF commands sent to this fixture's database (other test classes use other databases).</summary>
public sealed class CommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly string _connectionString;
    private readonly IDisposable _all;
    private readonly List<IDisposable> _listeners = [];
    public List<string> Texts { get; } = [];
    public int Count { get { lock (Texts) return Texts.Count; } }

    public CommandCounter(string connectionString)
    {
        _connectionString = connectionString;
        _all = DiagnosticListener.AllListeners.Subscribe(this);
    }

    private bool Mine(DbCommand command) => command.Connection is { } c
        && (_connectionString.Contains(c.DataSource, StringComparison.Ordinal) || (c.Database != "main" && _connectionString.Contains($"Database={c.Database}", StringComparison.Ordinal)));

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name) lock (_listeners) _listeners.Add(listener.Subscribe(this));
    }

    public void OnNext(KeyValuePair<string, object?> e)
    {
        if (e.Key == RelationalEventId.CommandExecuted.Name && e.Value is CommandExecutedEventData d && Mine(d.Command))
            lock (Texts) Texts.Add(d.Command.CommandText);
    }

    public void OnCompleted() { }
    public void OnError(Exception error) { }

    public void Dispose()
    {
        _all.Dispose();
        lock (_listeners) _listeners.ForEach(l => l.Dispose());
    }
}
