using Leerkluis.Web.Platform.Audit;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Leerkluis.Web.Platform.Errors;

/// <summary>A rule of the domain was broken by the input; carries field → messages for problem details and forms.</summary>
public sealed class ValidationFailedException(IDictionary<string, string[]> errors, string? title = null)
    : Exception(title ?? "De invoer is niet geldig.")
{
    public IDictionary<string, string[]> Errors { get; } = errors;

    public static ValidationFailedException For(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>Collects field errors, then throws once.</summary>
public sealed class Validation
{
    private readonly Dictionary<string, List<string>> _errors = new();
    public bool IsValid => _errors.Count == 0;
    public Validation Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
        return this;
    }
    public Validation Require(string field, string? value, string label, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, $"{label} is verplicht.");
        else if (value.Length > maxLength) Add(field, $"{label} mag hoogstens {maxLength} tekens lang zijn.");
        return this;
    }
    public Validation Max(string field, string? value, string label, int maxLength)
    {
        if (value is not null && value.Length > maxLength) Add(field, $"{label} mag hoogstens {maxLength} tekens lang zijn.");
        return this;
    }
    public IDictionary<string, string[]> Errors => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    public void ThrowIfInvalid()
    {
        if (!IsValid) throw new ValidationFailedException(Errors);
    }
}

/// <summary>Maps domain exceptions to RFC 7807 problem details; anything else becomes a 500 without a stack trace.</summary>
internal sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problems, ILogger<ProblemDetailsExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        ProblemDetails details;
        switch (exception)
        {
            case ValidationFailedException v:
                http.Response.StatusCode = StatusCodes.Status400BadRequest;
                details = new HttpValidationProblemDetails(v.Errors) { Title = v.Message, Status = 400 };
                break;
            case NotFoundException:
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                details = new ProblemDetails { Title = "Niet gevonden.", Status = 404 };
                break;
            case BadHttpRequestException b:
                http.Response.StatusCode = b.StatusCode;
                details = new ProblemDetails { Title = "Het verzoek kon niet gelezen worden.", Detail = b.Message, Status = b.StatusCode };
                break;
            default:
                log.UnhandledError(exception, http.Request.Path);
                http.Response.StatusCode = StatusCodes.Status500InternalServerError;
                details = new ProblemDetails { Title = "Er ging iets mis. Probeer het later opnieuw.", Status = 500 };
                break;
        }
        if (!http.Request.Path.StartsWithSegments("/api"))
        {
            // Pages turn these into page results (PageExceptionFilter); what reaches here gets a plain page.
            http.Response.ContentType = "text/html; charset=utf-8";
            var title = System.Net.WebUtility.HtmlEncode(details.Title);
            await http.Response.WriteAsync($"<!doctype html><html lang=\"nl\"><title>{title}</title><main><h1>{title}</h1><p><a href=\"/\">Naar de startpagina</a></p></main></html>", ct);
            return true;
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = details, Exception = exception });
    }
}

/// <summary>On pages, a denial or unknown record renders the 404 page; invalid input returns to the form with its messages.</summary>
internal sealed class PageExceptionFilter : Microsoft.AspNetCore.Mvc.Filters.IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context,
        Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        switch (executed.Exception)
        {
            case NotFoundException:
                executed.Result = new NotFoundResult();
                executed.ExceptionHandled = true;
                break;
            case ValidationFailedException v:
                foreach (var (field, messages) in v.Errors)
                    foreach (var m in messages) executed.ModelState.AddModelError(field, m);
                executed.Result = new Microsoft.AspNetCore.Mvc.RazorPages.PageResult();
                executed.ExceptionHandled = true;
                break;
        }
    }
}

/// <summary>Source-generated log messages (no boxing or formatting when the level is off).</summary>
internal static partial class ProblemsLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Path}")]
    public static partial void UnhandledError(this ILogger log, Exception exception, PathString path);
}
