using System.Net;
using System.Net.Http.Json;
using MedMassage.Referral.Api.Apis.Contracts;
using MedMassage.Referral.Api.Domain.Audit;
using MedMassage.Referral.Api.Tests.Support;
using MedMassage.ServiceDefaults.Identity;
using MedMassage.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MedMassage.Referral.Api.Tests.Authorization;

/// <summary>
/// Every referral read (opened, or shown as an inbox row) and every change is written down: who, in which role,
/// through which client, when, which referral, what. The database itself keeps the trail append-only, and clinic
/// admins review it for their locations.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class AuditTrailTests(InfrastructureFixture infrastructure)
{
    private static readonly Guid Downtown = Guid.NewGuid();
    private static readonly Guid Uptown = Guid.NewGuid();

    [Fact]
    public async Task Reads_and_changes_are_audited_with_who_role_client_record_and_action()
    {
        var hospital = TestCaller.Integration("st-mary-ehr", "system/ServiceRequest.write");
        await using var app = await ReferralService.StartAsync(infrastructure, caller: hospital);
        var started = DateTimeOffset.UtcNow;
        var referral = await app.SubmitValidAsync(TestReferrals.Valid(TestReferrals.Today(), Downtown));
        var other = await app.SubmitValidAsync(TestReferrals.Valid(TestReferrals.Today(), Downtown) with { Notes = "second" });
        var frontDesk = TestCaller.FrontDesk(Downtown) with { ClientId = "staff-web" };
        using var desk = app.CreateClientAs(frontDesk);

        Assert.Equal(HttpStatusCode.OK, (await desk.GetAsync($"/api/referrals/{referral.Id}")).StatusCode);
        var page = (await desk.GetFromJsonAsync<PagedList<ReferralSummary>>("/api/referrals?pageSize=1"))!;
        Assert.Equal(HttpStatusCode.OK, (await desk.PostAsync($"/api/referrals/{referral.Id}/accept", null)).StatusCode);

        var trail = await app.QueryAsync(db => db.Audit.OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(
            [
                ("st-mary-ehr", Roles.IntegrationClient, "st-mary-ehr", referral.Id, ReferralAuditActions.Submit),
                ("st-mary-ehr", Roles.IntegrationClient, "st-mary-ehr", other.Id, ReferralAuditActions.Submit),
                (frontDesk.Subject, Roles.FrontDesk, "staff-web", referral.Id, ReferralAuditActions.Read),
                (frontDesk.Subject, Roles.FrontDesk, "staff-web", page.Items.Single().Id, ReferralAuditActions.Listed),
                (frontDesk.Subject, Roles.FrontDesk, "staff-web", referral.Id, ReferralAuditActions.Accept),
            ],
            trail.Select(e => (e.UserId, e.Role!, e.ClientId!, e.ReferralId, e.Action)));
        Assert.All(trail, e => Assert.InRange(e.At, started, DateTimeOffset.UtcNow));
        Assert.All(trail, e => Assert.Equal(Downtown, e.LocationId));
        Assert.Equal("Fran Desk", trail[^1].UserName);
    }

    [Fact]
    public async Task A_refused_read_or_change_leaves_no_trail_of_the_record()
    {
        await using var app = await ReferralService.StartAsync(infrastructure, caller: TestCaller.ClinicAdmin(Uptown));
        var referral = await app.SubmitValidAsync(TestReferrals.Valid(TestReferrals.Today(), Uptown));
        using var elsewhere = app.CreateClientAs(TestCaller.FrontDesk(Downtown));

        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync($"/api/referrals/{referral.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.PostAsync($"/api/referrals/{referral.Id}/accept", null)).StatusCode);
        Assert.Empty((await elsewhere.GetFromJsonAsync<PagedList<ReferralSummary>>("/api/referrals"))!.Items);

        Assert.Equal([ReferralAuditActions.Submit], await app.QueryAsync(db => db.Audit.Select(e => e.Action).ToListAsync()));
    }

    [Fact]
    public async Task The_database_refuses_to_update_delete_or_truncate_the_trail()
    {
        await using var app = await ReferralService.StartAsync(infrastructure, caller: TestCaller.ClinicAdmin(Uptown));
        var referral = await app.SubmitValidAsync(TestReferrals.Valid(TestReferrals.Today(), Uptown));
        await app.GetAsync(referral.Id);
        var before = await app.QueryAsync(db => db.Audit.AsNoTracking().OrderBy(e => e.Id).Select(e => new { e.Id, e.UserId, e.Action }).ToListAsync());

        // The triggers refuse row changes; the service's own login may not truncate at all (DatabaseRoles).
        foreach (var (sql, refusal) in new[]
        {
            ("UPDATE referral_audit SET user_id = 'someone-else'", PostgresErrorCodes.IntegrityConstraintViolation),
            ("DELETE FROM referral_audit", PostgresErrorCodes.IntegrityConstraintViolation),
            ("TRUNCATE referral_audit", PostgresErrorCodes.InsufficientPrivilege),
            ("UPDATE referral_history SET actor_id = 'someone-else'", PostgresErrorCodes.IntegrityConstraintViolation),
            ("DELETE FROM referral_history", PostgresErrorCodes.IntegrityConstraintViolation),
        })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => app.QueryAsync(db => db.Database.ExecuteSqlRawAsync(sql)));
            Assert.Equal(refusal, refused.SqlState);
        }

        Assert.Equal(2, before.Count);
        Assert.Equal(before, await app.QueryAsync(db => db.Audit.AsNoTracking().OrderBy(e => e.Id).Select(e => new { e.Id, e.UserId, e.Action }).ToListAsync()));
        Assert.Equal(app.Caller.Subject, (await app.GetAsync(referral.Id)).History.Single().ActorId);
    }

    [Fact]
    public async Task Clinic_admins_review_the_trail_of_their_own_locations()
    {
        await using var app = await ReferralService.StartAsync(infrastructure, caller: TestCaller.ClinicAdmin(Downtown, Uptown));
        var downtown = await app.SubmitValidAsync(TestReferrals.Valid(TestReferrals.Today(), Downtown));
        var uptown = await app.SubmitValidAsync(TestReferrals.Valid(TestReferrals.Today(), Uptown));
        var therapist = TestCaller.Therapist(Downtown);
        using (var reader = app.CreateClientAs(therapist))
        {
            await reader.GetAsync($"/api/referrals/{downtown.Id}");
        }
        using var downtownAdmin = app.CreateClientAs(TestCaller.ClinicAdmin(Downtown));

        var all = (await downtownAdmin.GetFromJsonAsync<PagedList<AuditEntryView>>("/api/referrals/audit"))!;
        var reads = (await downtownAdmin.GetFromJsonAsync<PagedList<AuditEntryView>>($"/api/referrals/audit?referralId={downtown.Id}&action=read"))!;
        var ofUptown = (await downtownAdmin.GetFromJsonAsync<PagedList<AuditEntryView>>($"/api/referrals/audit?referralId={uptown.Id}"))!;
        var badFilter = await downtownAdmin.GetAsync("/api/referrals/audit?from=2026-02-01&to=2026-01-01&pageSize=0");

        Assert.Equal([downtown.Id, downtown.Id], all.Items.Select(e => e.ReferralId));
        Assert.Equal((therapist.Subject, Roles.Therapist), (reads.Items.Single().UserId, reads.Items.Single().Role));
        Assert.Equal(0, ofUptown.Total);
        Assert.Equal(HttpStatusCode.BadRequest, badFilter.StatusCode);
    }
}
