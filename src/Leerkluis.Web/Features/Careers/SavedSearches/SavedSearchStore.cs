using Leerkluis.Web.Platform.Audit;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Errors;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leerkluis.Web.Features.Careers.SavedSearches;

/// <summary>An advisor's named filter set for the candidate list (the page's query string), private to that advisor.</summary>
public sealed class SavedSearch
{
    public Guid Id { get; set; }
    public Guid OwnerUserId { get; set; }
    public required string Name { get; set; }
    public required string Query { get; set; }
    public DateTime CreatedUtc { get; set; }
}

internal sealed class SavedSearchConfiguration : IEntityTypeConfiguration<SavedSearch>
{
    public void Configure(EntityTypeBuilder<SavedSearch> b)
    {
        b.ToTable("CareerSavedSearches");
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Query).HasMaxLength(1000);
        b.HasIndex(x => new { x.OwnerUserId, x.Name }).IsUnique();
    }
}

public sealed record SaveSearchCommand(string? Name, string? Query);
public sealed record SavedSearchView(Guid Id, string Name, string Query);

public sealed class SavedSearchStore(LeerkluisDb db, CareerScope scope, TimeProvider clock)
{
    /// <summary>The list page's filter names; anything else in a saved query is dropped.</summary>
    public static readonly string[] Keys = ["q", "vak", "sector", "fase", "regio", "eigenaar", "beschikbaar", "weergave"];

    /// <summary>Keeps only the list's filters, in a fixed order, re-encoded: a saved search can only ever reopen the list.</summary>
    public static string Normalise(string? query)
    {
        var parsed = QueryHelpers.ParseQuery(query is null ? "" : query.TrimStart('?'));
        var parts = new List<string>();
        foreach (var key in Keys)
            if (parsed.TryGetValue(key, out var values) && values.LastOrDefault() is { Length: > 0 } value)
                parts.Add($"{key}={Uri.EscapeDataString(value.Trim())}");
        return string.Join("&", parts);
    }

    public async Task<IReadOnlyList<SavedSearchView>> MineAsync(CancellationToken ct)
    {
        var owner = Owner();
        return await db.Set<SavedSearch>().Where(s => s.OwnerUserId == owner).OrderBy(s => s.Name).Select(s => new SavedSearchView(s.Id, s.Name, s.Query)).ToListAsync(ct);
    }

    public async Task<SavedSearch> SaveAsync(SaveSearchCommand c, CancellationToken ct)
    {
        var owner = Owner();
        var query = Normalise(c.Query);
        var v = new Validation().Require("name", c.Name, "De naam van de zoekopdracht", 100);
        if (query.Length == 0) v.Add("query", "Kies eerst een of meer filters om te bewaren.");
        else if (query.Length > 1000) v.Add("query", "De zoekopdracht is te lang om te bewaren.");
        v.ThrowIfInvalid();
        var name = c.Name!.Trim();
        if (await db.Set<SavedSearch>().AnyAsync(s => s.OwnerUserId == owner && s.Name == name, ct))
            throw ValidationFailedException.For("name", $"U heeft al een zoekopdracht met de naam \"{name}\". Kies een andere naam.");
        var saved = new SavedSearch { Id = Guid.CreateVersion7(), OwnerUserId = owner, Name = name, Query = query, CreatedUtc = clock.GetUtcNow().UtcDateTime };
        db.Add(saved);
        await db.SaveChangesAsync(ct);
        return saved;
    }

    public async Task DeleteAsync(Guid id, CancellationToken ct)
    {
        var owner = Owner();
        if (await db.Set<SavedSearch>().Where(s => s.Id == id && s.OwnerUserId == owner).ExecuteDeleteAsync(ct) == 0) throw new NotFoundException();
    }

    private Guid Owner() => scope.Actor.UserId ?? throw new NotFoundException();
}
