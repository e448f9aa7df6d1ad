using System.Threading.Channels;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Registry.Edexml;

/// <summary>
/// Imports run here, off the request and one at a time, as the actor who asked for them: the page queues and shows
/// progress (<see cref="PendingImport"/>), the API queues and waits for the result.
/// </summary>
public sealed class ImportQueue
{
    private readonly Channel<ImportJob> _channel = Channel.CreateUnbounded<ImportJob>();

    /// <summary>Queues a <see cref="PendingImportStatus.Queued"/> import; its status and outcome are on the <see cref="PendingImport"/>.</summary>
    public async ValueTask EnqueueAsync(Guid importId, Actor actor, CancellationToken ct) => await QueueAsync(importId, actor, ct);

    /// <summary>Queues a <see cref="PendingImportStatus.Queued"/> import and waits until it has run.</summary>
    public async Task<EdexmlImportResult> RunAsync(Guid importId, Actor actor, CancellationToken ct) =>
        await (await QueueAsync(importId, actor, ct)).Result.Task.WaitAsync(ct);

    private async ValueTask<ImportJob> QueueAsync(Guid importId, Actor actor, CancellationToken ct)
    {
        var job = new ImportJob(importId, actor, new TaskCompletionSource<EdexmlImportResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        await _channel.Writer.WriteAsync(job, ct);
        return job;
    }

    internal ChannelReader<ImportJob> Reader => _channel.Reader;
}

/// <summary>The actor is the one of the request that queued the import: the worker acts, and is audited, as them.</summary>
internal sealed record ImportJob(Guid ImportId, Actor Actor, TaskCompletionSource<EdexmlImportResult> Result);

/// <summary>
/// Runs queued imports one at a time as the actor who queued them (that actor is audited). The import is one
/// transaction, so a crash leaves nothing half-written; an import that was running when the node stopped is
/// marked failed at the next start.
/// </summary>
internal sealed class ImportWorker(ImportQueue queue, IServiceScopeFactory scopes, TimeProvider clock, ILogger<ImportWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await MarkInterruptedAsync(stoppingToken);
        await foreach (var job in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                if (await RunAsync(job, stoppingToken) is { } result) job.Result.TrySetResult(result);
                else job.Result.TrySetException(new NotFoundException());
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.ImportFailed(e, job.ImportId);
                await SetStatusAsync(job.ImportId, PendingImportStatus.Failed, "Het importeren is mislukt; er is niets opgeslagen. Probeer het opnieuw.", stoppingToken);
                job.Result.TrySetException(e);
            }
        }
    }

    private async Task<EdexmlImportResult?> RunAsync(ImportJob job, CancellationToken ct)
    {
        var id = job.ImportId;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
        var pending = await db.Set<PendingImport>().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (pending is null || pending.Status != PendingImportStatus.Queued) return null;
        pending.Status = PendingImportStatus.Running;
        await db.SaveChangesAsync(ct);

        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(job.Actor);
        var importer = scope.ServiceProvider.GetRequiredService<EdexmlImporter>();
        // SQLite has one writer: a progress write would wait for the import's transaction, and hold up its commit while it waits.
        var progress = new ProgressWriter(scopes, id, live: !db.Database.IsSqlite());
        var result = await importer.ImportAsync(new MemoryStream(pending.Content), pending.SchoolId, pending.SkipInvalid, progress, ct);
        await progress.FlushAsync(ct);

        await db.Entry(pending).ReloadAsync(ct);
        pending.Status = result.Written ? PendingImportStatus.Done : PendingImportStatus.Refused;
        pending.Created = result.Created; pending.Updated = result.Updated; pending.Unchanged = result.Unchanged; pending.Skipped = result.Skipped;
        pending.ProblemText = string.Join('\n', result.Problems.Select(p => p.ToString()));
        pending.Content = []; // the file's personal data is not kept once imported
        pending.Done = pending.Total;
        await db.SaveChangesAsync(ct);
        return result;
    }

    private async Task MarkInterruptedAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        try
        {
            await db.Set<PendingImport>().Where(p => p.Status == PendingImportStatus.Running || p.Status == PendingImportStatus.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PendingImportStatus.Failed)
                    .SetProperty(p => p.ProblemText, "Het importeren werd onderbroken; er is niets opgeslagen. Probeer het opnieuw."), ct);
            // Uploads nobody imported are not kept longer than a day.
            await db.Set<PendingImport>().Where(p => p.CreatedUtc < cutoff).ExecuteDeleteAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.TidyFailed(e);
        }
    }

    private async Task SetStatusAsync(Guid id, PendingImportStatus status, string text, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
        await db.Set<PendingImport>().Where(p => p.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.Status, status).SetProperty(p => p.ProblemText, text).SetProperty(p => p.Content, Array.Empty<byte>()), ct);
    }

    /// <summary>
    /// Writes progress in its own connection (the import's transaction is not visible until it commits), at most every
    /// 250 ms; when not <paramref name="live"/>, only the last report, once the import has run.
    /// </summary>
    private sealed class ProgressWriter(IServiceScopeFactory scopes, Guid id, bool live) : IProgress<ImportProgress>
    {
        private ImportProgress? _latest;
        private long _lastWrite;
        private Task _writing = Task.CompletedTask;

        public void Report(ImportProgress value)
        {
            _latest = value;
            if (!live) return;
            var now = Environment.TickCount64;
            if (now - _lastWrite < 250 || !_writing.IsCompleted) return;
            _lastWrite = now;
            _writing = WriteAsync(value, CancellationToken.None);
        }

        public async Task FlushAsync(CancellationToken ct)
        {
            await _writing;
            if (_latest is { } last) await WriteAsync(last, ct);
        }

        private async Task WriteAsync(ImportProgress p, CancellationToken ct)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
                await db.Set<PendingImport>().Where(x => x.Id == id)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.Done, p.Done).SetProperty(x => x.Total, p.Total), ct);
            }
            catch (System.Data.Common.DbException)
            {
                // Progress is a courtesy: the import goes on without it.
            }
        }
    }
}

/// <summary>Source-generated log messages (no boxing or formatting when the level is off).</summary>
internal static partial class ImportWorkerLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Edexml import {ImportId} failed")]
    public static partial void ImportFailed(this ILogger log, Exception exception, Guid importId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tidy pending imports at start")]
    public static partial void TidyFailed(this ILogger log, Exception exception);
}
