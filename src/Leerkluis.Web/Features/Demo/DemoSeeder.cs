using System.Diagnostics;
using Leerkluis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Demo;

/// <summary>Generates the demo or bench data region by region and writes each region in one transaction.</summary>
public static class DemoSeeder
{
    public static async Task<DemoSummary> SeedAsync(LeerkluisDb db, DemoOptions options, CancellationToken ct = default)
    {
        if (await db.Learners.AnyAsync(ct))
            throw new InvalidOperationException("De database bevat al leerlingen; demodata gaat alleen in een lege database.");

        var generator = new DemoDataGenerator(options);
        var generation = new Stopwatch();
        var insert = new Stopwatch();
        var total = new DemoDataSet();
        var counts = new int[9];
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            generation.Start();
            foreach (var part in generator.GenerateRegions())
            {
                generation.Stop();
                insert.Start();
                await WriteAsync(db, part, ct);
                insert.Stop();
                Count(counts, part);
                total.Accounts.AddRange(part.Accounts);
                generation.Start();
            }
            generation.Stop();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return new DemoSummary(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6], counts[7], counts[8],
            generation.Elapsed, insert.Elapsed, total.Accounts);
    }

    /// <summary>Writes one data set (parents before children) in one transaction.</summary>
    internal static async Task WriteAsync(LeerkluisDb db, DemoDataSet data, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await BulkInsert.WriteAsync(db, data.Boards, ct);
        await BulkInsert.WriteAsync(db, data.Schools, ct);
        await BulkInsert.WriteAsync(db, data.Groups, ct);
        await BulkInsert.WriteAsync(db, data.Staff, ct);
        await BulkInsert.WriteAsync(db, data.StaffGroups, ct);
        await BulkInsert.WriteAsync(db, data.Guardians, ct);
        await BulkInsert.WriteAsync(db, data.Learners, ct);
        await BulkInsert.WriteAsync(db, data.PersonalNumberClaims, ct);
        await BulkInsert.WriteAsync(db, data.LearnerGuardians, ct);
        await BulkInsert.WriteAsync(db, data.Enrolments, ct);
        await BulkInsert.WriteAsync(db, data.GroupMemberships, ct);
        await tx.CommitAsync(ct);
    }

    private static void Count(int[] c, DemoDataSet d)
    {
        c[0] += d.Boards.Count; c[1] += d.Schools.Count; c[2] += d.Groups.Count; c[3] += d.Staff.Count; c[4] += d.Learners.Count;
        c[5] += d.Guardians.Count; c[6] += d.Enrolments.Count; c[7] += d.GroupMemberships.Count; c[8] += d.LearnerGuardians.Count;
    }
}
