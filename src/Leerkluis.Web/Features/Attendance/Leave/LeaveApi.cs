using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Errors;

namespace Leerkluis.Web.Features.Attendance.Leave;

/// <summary>/api/v1/learners/{id}/leave-requests (guardian asks, decider decides) and /api/v1/leave-requests (the decider's queue).</summary>
public static class LeaveApi
{
    public static RouteGroupBuilder MapLeaveApi(this RouteGroupBuilder api)
    {
        var leave = api.MapGroup("/learners/{learnerId:guid}/leave-requests").WithTags("Leave").RequireAuthorization(Policies.Dossier);
        leave.MapPost("", async (Guid learnerId, HttpRequest request, LeaveRequests requests, CancellationToken ct) =>
        {
            var command = await ReadFormAsync(request, ct);
            var id = await requests.SubmitAsync(learnerId, command, ct);
            return TypedResults.Created($"/api/v1/learners/{learnerId}/leave-requests/{id}", new { id });
        }).DisableAntiforgery();
        leave.MapGet("", async (Guid learnerId, LeaveRequests requests, CancellationToken ct) =>
            TypedResults.Ok(await requests.ForLearnerAsync(learnerId, ct)));
        leave.MapGet("/{id:guid}", async (Guid learnerId, Guid id, LeaveRequests requests, CancellationToken ct) =>
            TypedResults.Ok(await requests.GetAsync(learnerId, id, ct)));
        leave.MapGet("/{id:guid}/evidence", async (Guid learnerId, Guid id, LeaveRequests requests, CancellationToken ct) =>
        {
            var e = await requests.EvidenceAsync(learnerId, id, ct);
            return TypedResults.File(e.Content, e.ContentType, e.FileName);
        });
        leave.MapPost("/{id:guid}/withdraw", async (Guid learnerId, Guid id, LeaveRequests requests, CancellationToken ct) =>
        {
            await requests.WithdrawAsync(learnerId, id, ct);
            return TypedResults.NoContent();
        });
        leave.MapPost("/{id:guid}/decision", async (Guid learnerId, Guid id, DecideLeaveCommand command, LeaveRequests requests, CancellationToken ct) =>
            TypedResults.Ok(await requests.DecideAsync(learnerId, id, command, ct)));

        // The queue of whoever decides: a school admin (the head) or an attendance officer; anyone else 404.
        api.MapGet("/leave-requests", async (string? status, LeaveRequests requests, CancellationToken ct) =>
                TypedResults.Ok(await requests.QueueAsync(status == "decided", ct)))
            .WithTags("Leave").RequireAuthorization(Policies.Dossier);
        return api;
    }

    /// <summary>multipart/form-data (or a plain form): kind, from, to (yyyy-MM-dd or dd-MM-yyyy), reason, evidence (file, optional).</summary>
    private static async Task<SubmitLeaveCommand> ReadFormAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType)
            throw ValidationFailedException.For("kind", "Stuur de aanvraag als multipart/form-data met de velden kind, from, to, reason en eventueel evidence.");
        IFormCollection form;
        try { form = await request.ReadFormAsync(ct); }
        catch (InvalidDataException) { throw ValidationFailedException.For("evidence", "Het bewijsstuk is groter dan 5 MB. Maak een kleinere scan of foto."); }
        var v = new Validation();
        var from = Date(form, "from", v);
        var to = Date(form, "to", v);
        v.ThrowIfInvalid();
        EvidenceUpload? evidence = null;
        if (form.Files.GetFile("evidence") is { Length: > 0 } file)
        {
            if (file.Length > EvidenceFile.MaxBytes) throw ValidationFailedException.For("evidence", "Het bewijsstuk is groter dan 5 MB. Maak een kleinere scan of foto.");
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            evidence = new EvidenceUpload(file.FileName, buffer.ToArray());
        }
        return new SubmitLeaveCommand(form["kind"], from, to, form["reason"], evidence);
    }

    private static DateOnly? Date(IFormCollection form, string field, Validation v)
    {
        var text = form[field].ToString();
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (Platform.Time.Amsterdam.TryParseDate(text.Trim(), out var d)) return d;
        v.Add(field, "Vul de datum in als jjjj-mm-dd of dd-mm-jjjj.");
        return null;
    }
}
