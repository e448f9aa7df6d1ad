using System.Diagnostics;
using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Demo;

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
        var accounts = new List<DemoAccountSpec>();
        var tally = new Tally();
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
                tally.Add(part);
                accounts.AddRange(part.Accounts);
                generation.Start();
            }
            generation.Stop();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return new DemoSummary(tally.Boards, tally.Schools, tally.Groups, tally.Staff, tally.Learners, tally.Guardians, tally.Enrolments,
            tally.GroupMemberships, tally.LearnerGuardians, generation.Elapsed, insert.Elapsed, accounts);
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

    private sealed class Tally
    {
        public int Boards, Schools, Groups, Staff, Learners, Guardians, Enrolments, GroupMemberships, LearnerGuardians;

        public void Add(DemoDataSet d)
        {
            Boards += d.Boards.Count; Schools += d.Schools.Count; Groups += d.Groups.Count; Staff += d.Staff.Count;
            Learners += d.Learners.Count; Guardians += d.Guardians.Count; Enrolments += d.Enrolments.Count;
            GroupMemberships += d.GroupMemberships.Count; LearnerGuardians += d.LearnerGuardians.Count;
        }
    }
}
