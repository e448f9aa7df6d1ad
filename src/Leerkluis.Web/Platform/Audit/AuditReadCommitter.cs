using Leerkluis.Web.Platform.Data;

namespace Leerkluis.Web.Platform.Audit;

/// <summary>
/// Group commit for the audit entries of reads: a request that only read a dossier hands its entries here and waits
/// until they are committed, as before; requests that arrive while a commit is running share the next one (one
/// transaction, one lock statement for all their learners' chain heads, one insert batch). The guarantee stays the
/// same (the entries are in the learners' chains before the data is returned) at a fraction of the round trips when
/// many people read at once, such as every teacher opening a roll call on Monday at 08:00. With one reader at a time
/// each commit holds just its own entries. If a shared commit fails, each request's entries are tried on their own,
/// so one bad entry does not fail the others.
/// </summary>
public sealed class AuditReadCommitter(IServiceScopeFactory scopes, ILogger<AuditReadCommitter> log)
{
    /// <summary>Upper bound of entries in one transaction; the rest waits for the next.</summary>
    public const int MaxEntriesPerCommit = 500;

    private sealed record Waiting(IReadOnlyList<AuditEntry> Entries, TaskCompletionSource Done);

    private readonly Lock _gate = new();
    private readonly Queue<Waiting> _queue = new();
    private bool _committing;

    /// <summary>Commits the entries (not tracked by any context) into their learners' chains; completes when they are durable.</summary>
    public Task CommitAsync(IReadOnlyList<AuditEntry> entries)
    {
        if (entries.Count == 0) return Task.CompletedTask;
        var waiting = new Waiting(entries, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        bool lead;
        lock (_gate)
        {
            _queue.Enqueue(waiting);
            lead = !_committing;
            _committing = true;
        }
        // The first caller starts the loop, which runs until the queue is empty; later callers just wait.
        if (lead) _ = Task.Run(CommitLoopAsync);
        return waiting.Done.Task;
    }

    private async Task CommitLoopAsync()
    {
        while (true)
        {
            var batch = new List<Waiting>();
            lock (_gate)
            {
                var count = 0;
                while (_queue.Count > 0 && (batch.Count == 0 || count + _queue.Peek().Entries.Count <= MaxEntriesPerCommit))
                {
                    var next = _queue.Dequeue();
                    batch.Add(next);
                    count += next.Entries.Count;
                }
                if (batch.Count == 0)
                {
                    _committing = false;
                    return;
                }
            }
            await CommitTogetherAsync(batch.Select(w => (w.Entries, w.Done)).ToList());
        }
    }

    /// <summary>One shared commit; when it fails, each request's entries on their own. Completes every request's task.</summary>
    internal async Task CommitTogetherAsync(IReadOnlyList<(IReadOnlyList<AuditEntry> Entries, TaskCompletionSource Done)> batch)
    {
        try
        {
            await WriteAsync(batch.SelectMany(w => w.Entries));
            foreach (var w in batch) w.Done.TrySetResult();
        }
        catch (Exception shared) when (batch.Count > 1)
        {
            log.SharedCommitFailed(shared, batch.Count);
            foreach (var w in batch)
            {
                try
                {
                    await WriteAsync(w.Entries);
                    w.Done.TrySetResult();
                }
                catch (Exception own)
                {
                    w.Done.TrySetException(own);
                }
            }
        }
        catch (Exception alone)
        {
            foreach (var w in batch) w.Done.TrySetException(alone);
        }
    }

    private async Task WriteAsync(IEnumerable<AuditEntry> entries)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
        var provisional = 0L;
        foreach (var entry in entries)
        {
            // A fresh copy: a failed attempt must leave the caller's objects as they were for the retry.
            db.AuditEntries.Add(new AuditEntry
            {
                LearnerId = entry.LearnerId, Sequence = --provisional, AtUtc = entry.AtUtc, ActorUserId = entry.ActorUserId,
                ActorRole = entry.ActorRole, OrganisationId = entry.OrganisationId, Basis = entry.Basis, Section = entry.Section,
                Operation = entry.Operation, Allowed = entry.Allowed, Action = entry.Action, ClientAddress = entry.ClientAddress,
                PreviousHash = "", Hash = "",
            });
        }
        // No cancellation: the entries describe reads that may already be on their way to the reader.
        await db.SaveChangesAsync(CancellationToken.None);
    }
}

/// <summary>Source-generated log messages (no boxing or formatting when the level is off).</summary>
internal static partial class AuditReadCommitterLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "A shared commit of {Requests} requests' read audit entries failed; committing each on its own")]
    public static partial void SharedCommitFailed(this ILogger log, Exception exception, int requests);
}
