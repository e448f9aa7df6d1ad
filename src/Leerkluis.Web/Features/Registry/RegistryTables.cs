using Leerkluis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Leerkluis.Web.Features.Registry;

/// <summary>
/// The registry's tables as its public query surface: other capabilities write <c>db.Learners</c> as they always did,
/// while the kernel's context no longer names a registry type. Extension properties cannot appear inside an expression
/// tree (CS9296), so inside a query lambda use a local (<c>var enrolments = db.Enrolments;</c>) or <c>db.Set&lt;Enrolment&gt;()</c>:
/// EF Core inlines either into the same SQL statement (RegistryTablesTests counts the statements).
/// </summary>
public static class RegistryTables
{
    extension(LeerkluisDb db)
    {
        public DbSet<Board> Boards => db.Set<Board>();
        public DbSet<School> Schools => db.Set<School>();
        public DbSet<Group> Groups => db.Set<Group>();
        public DbSet<Staff> Staff => db.Set<Staff>();
        public DbSet<StaffGroup> StaffGroups => db.Set<StaffGroup>();
        public DbSet<Learner> Learners => db.Set<Learner>();
        public DbSet<PersonalNumberClaim> PersonalNumberClaims => db.Set<PersonalNumberClaim>();
        public DbSet<Guardian> Guardians => db.Set<Guardian>();
        public DbSet<Organisation> Organisations => db.Set<Organisation>();
        public DbSet<LearnerGuardian> LearnerGuardians => db.Set<LearnerGuardian>();
        public DbSet<Enrolment> Enrolments => db.Set<Enrolment>();
        public DbSet<GroupMembership> GroupMemberships => db.Set<GroupMembership>();
    }
}
