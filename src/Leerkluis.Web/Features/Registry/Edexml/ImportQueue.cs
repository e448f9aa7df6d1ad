using System.Threading.Channels;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Registry.Edexml;

/// <summary>Imports started from the page run here, off the request, so the page can show progress.</summary>
public sealed class ImportQueue
{
    private readonly Channel<Guid> _channel = Channel.CreateUnbounded<Guid>();
    public ValueTask EnqueueAsync(Guid importId, CancellationToken ct) => _channel.Writer.WriteAsync(importId, ct);
    internal ChannelReader<Guid> Reader => _channel.Reader;
}

/// <summary>
/// Runs queued imports one at a time as the admin who started them (their actor is audited). The import is one
/// transaction, so a crash leaves nothing half-written; an import that was running when the node stopped is
/// marked failed at the next start.
/// </summary>
internal sealed class ImportWorker(ImportQueue queue, IServiceScopeFactory scopes, TimeProvider clock, ILogger<ImportWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await MarkInterruptedAsync(stoppingToken);
        await foreach (var id in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try { await RunAsync(id, stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Edexml import {ImportId} failed", id);
                await SetStatusAsync(id, PendingImportStatus.Failed, "Het importeren is mislukt; er is niets opgeslagen. Probeer het opnieuw.", stoppingToken);
            }
        }
    }

    private async Task RunAsync(Guid id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
        var pending = await db.Set<PendingImport>().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (pending is null || pending.Status != PendingImportStatus.Queued) return;
        pending.Status = PendingImportStatus.Running;
        await db.SaveChangesAsync(ct);

        scope.ServiceProvider.GetRequiredService<CurrentActor>()
            .Set(new Actor(pending.UserId, Roles.SchoolAdmin, pending.StaffId, pending.SchoolId, null, null, "import"));
        var importer = scope.ServiceProvider.GetRequiredService<EdexmlImporter>();
        var progress = new ProgressWriter(scopes, id);
        var result = await importer.ImportAsync(new MemoryStream(pending.Content), pending.SchoolId, pending.SkipInvalid, progress, ct);
        await progress.FlushAsync(ct);

        await db.Entry(pending).ReloadAsync(ct);
        pending.Status = result.Written ? PendingImportStatus.Done : PendingImportStatus.Refused;
        pending.Created = result.Created; pending.Updated = result.Updated; pending.Unchanged = result.Unchanged; pending.Skipped = result.Skipped;
        pending.ProblemText = string.Join('\n', result.Problems.Select(p => p.ToString()));
        pending.Content = []; // the file's personal data is not kept once imported
        pending.Done = pending.Total;
        await db.SaveChangesAsync(ct);
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
            log.LogWarning(e, "Could not tidy pending imports at start");
        }
    }

    private async Task SetStatusAsync(Guid id, PendingImportStatus status, string text, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
        await db.Set<PendingImport>().Where(p => p.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.Status, status).SetProperty(p => p.ProblemText, text).SetProperty(p => p.Content, Array.Empty<byte>()), ct);
    }

    /// <summary>Writes progress in its own connection (the import's transaction is not visible until it commits), at most every 250 ms.</summary>
    private sealed class ProgressWriter(IServiceScopeFactory scopes, Guid id) : IProgress<ImportProgress>
    {
        private ImportProgress? _latest;
        private long _lastWrite;
        private Task _writing = Task.CompletedTask;

        public void Report(ImportProgress value)
        {
            _latest = value;
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
                // Progress is a courtesy: SQLite may be busy with the import's own transaction. The import goes on.
            }
        }
    }
}
