using Leerkluis.Tests.Infrastructure;
using Leerkluis.Web.Features.CompulsoryEducation;
using Leerkluis.Web.Features.Registry;
using Leerkluis.Web.Platform.Access;
using Leerkluis.Web.Platform.Data;
using Leerkluis.Web.Platform.Identity;
using Leerkluis.Web.Platform.Jobs;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Leerkluis.Tests.CompulsoryEducation;

/// <summary>Arrangement for the leerplicht tests: municipalities with an attendance officer, learners with or without enrolment.</summary>
public static class LeerplichtArrange
{
    public static async Task<TestUser> OfficerAsync(IServiceProvider services, string municipalityCode, string name)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var org = new Organisation { Id = Guid.NewGuid(), Name = $"Gemeente {name}", Kind = OrganisationKind.Municipality, MunicipalityCode = municipalityCode };
        db.Add(org);
        await db.SaveChangesAsync();
        var email = $"leerplicht.{municipalityCode}.{Guid.NewGuid():N}@test.invalid";
        return await TestWorld.CreateUserAsync(users, email, Roles.AttendanceOfficer, twoFactor: true, u => u.OrganisationId = org.Id, $"Leerplicht {name}");
    }

    /// <summary>A learner living in <paramref name="municipalityCode"/>; enrolled at <paramref name="school"/> from <paramref name="from"/> (to <paramref name="until"/>) when given.</summary>
    public static async Task<Learner> LearnerAsync(IServiceProvider services, string lastName, DateOnly born, string municipalityCode,
        string? number = null, School? school = null, DateOnly? from = null, DateOnly? until = null, EnrolmentKind kind = EnrolmentKind.Main, Group? group = null)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
        var learner = new Learner
        {
            Id = Guid.CreateVersion7(), FirstNames = "Kim", LastName = lastName, BirthDate = born, PersonalNumber = number,
            PersonalNumberKind = number is null ? null : PersonalNumberKind.Bsn, PersonalNumberLastFour = number?[^4..],
            Address = new Address { Street = "Kerkstraat", HouseNumber = "5", PostalCode = "1234 AB", City = "Testdorp", MunicipalityCode = municipalityCode },
        };
        db.Add(learner);
        if (number is not null) db.Add(new PersonalNumberClaim { PersonalNumber = number, LearnerId = learner.Id });
        if (school is not null)
            db.Add(new Enrolment { LearnerId = learner.Id, Id = Guid.CreateVersion7(), SchoolId = school.Id, StartDate = from ?? TestWorld.Today.AddYears(-1), EndDate = until, Kind = kind });
        if (group is not null) db.Add(new GroupMembership { LearnerId = learner.Id, Id = Guid.CreateVersion7(), GroupId = group.Id });
        await db.SaveChangesAsync();
        return learner;
    }

    public static async Task EnrolAsync(IServiceProvider services, Guid learnerId, School school, DateOnly from)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
        db.Add(new Enrolment { LearnerId = learnerId, Id = Guid.CreateVersion7(), SchoolId = school.Id, StartDate = from });
        await db.SaveChangesAsync();
    }

    public static async Task QualifyAsync(IServiceProvider services, Guid learnerId, DateOnly on)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeerkluisDb>();
        db.Add(new QualificationObtained { LearnerId = learnerId, Id = Guid.CreateVersion7(), Date = on, Kind = QualificationKind.Havo });
        await db.SaveChangesAsync();
    }

    /// <summary>Runs the nightly sweep directly for a day, as the job runner does (system actor, own scope).</summary>
    public static async Task<string> SweepAsync(IServiceProvider services, DateOnly day)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(Actor.System());
        var job = scope.ServiceProvider.GetServices<IDailyJob>().Single(j => j.Name == LeerplichtSweep.JobName);
        return await job.RunAsync(day, CancellationToken.None);
    }
}
