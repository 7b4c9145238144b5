using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using MedMassage.Scheduling.Api.Application.Access;
using MedMassage.Scheduling.Api.Domain.Appointments;
using MedMassage.Scheduling.Api.Infrastructure;
using MedMassage.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Scheduling.Api.Apis;

/// <summary>The address a calendar app subscribes to; it is the credential, so it is shown once, when issued.</summary>
public sealed record CalendarFeedView(Guid TherapistId, string Url, DateTimeOffset ExpiresAt);

public static class CalendarFeedApi
{
    /// <summary>How far back and ahead the feed reaches; calendar clients poll it, so it stays small.</summary>
    private static readonly TimeSpan Past = TimeSpan.FromDays(30);
    private static readonly TimeSpan Ahead = TimeSpan.FromDays(180);

    public static RouteGroupBuilder MapCalendarFeedApi(this RouteGroupBuilder api)
    {
        api.MapPost("/therapists/{id:guid}/calendar-feed", IssueAsync).WithName("IssueCalendarFeed").WithTags("Therapists").RequireAuthorization(Policies.Clinician)
            .WithSummary("Issue or rotate a therapist's calendar feed")
            .WithDescription("By the therapist themselves or a clinic admin of their locations; the previous address stops working. The address is the credential, shown once, and expires after `Scheduling:CalendarFeedLifetime` (180 days).");
        // Calendar apps poll without a bearer token: the secret key in the address is the credential here.
        api.MapGet("/calendar-feeds/{id:guid}/{key}.ics", FeedAsync).WithName("GetCalendarFeed").WithTags("Therapists").AllowAnonymous()
            .WithSummary("A therapist's visits as an iCalendar feed (the secret key is the access)")
            .WithDescription("For calendar apps: the therapist's visits of the last 30 and the next 180 days as `text/calendar`. Anonymous: the key in the address is the credential; 404 for a wrong or expired key, exactly as for an unknown therapist.")
            .Produces(StatusCodes.Status200OK, typeof(string), "text/calendar");
        return api;
    }

    /// <summary>
    /// Issues (or replaces) the secret feed address of a therapist at the caller's locations: only the therapist
    /// (their account's id is their profile's) or a clinic admin may, since whoever holds it reads their book.
    /// </summary>
    public static async Task<Results<Ok<CalendarFeedView>, NotFound, ForbidHttpResult>> IssueAsync(
        Guid id, SchedulingAccess scope, ICurrentUser user, SchedulingDbContext db, TimeProvider time, IConfiguration configuration, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.ClinicAdmin) && user.Id != id.ToString())
        {
            return TypedResults.Forbid();
        }
        var therapist = await scope.Therapists.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (therapist is null)
        {
            return TypedResults.NotFound();
        }
        var expiresAt = time.GetUtcNow() + configuration.GetValue("Scheduling:CalendarFeedLifetime", DefaultLifetime);
        var key = therapist.IssueCalendarFeedKey(scope.LocationIds, expiresAt);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new CalendarFeedView(id, $"/api/scheduling/calendar-feeds/{id}/{key}.ics", expiresAt));
    }

    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(180);

    /// <summary>
    /// A therapist's live appointments at the feed's locations as iCalendar. Times are written in UTC, which every client converts to
    /// its own zone; the location's zone is named in the description. Patient names stay out of the feed
    /// (it may sit in a personal calendar): the summary is the visit type and the appointment id.
    /// </summary>
    public static async Task<Results<FileContentHttpResult, NotFound>> FeedAsync(
        Guid id, string key, SchedulingDbContext db, TimeProvider time, CancellationToken ct)
    {
        var therapist = await db.Therapists.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        // A wrong key looks exactly like an unknown therapist.
        if (therapist is null || !therapist.OpensCalendarFeed(key, time.GetUtcNow()))
        {
            return TypedResults.NotFound();
        }
        var now = time.GetUtcNow();
        var (from, to) = (now - Past, now + Ahead);
        var shown = therapist.CalendarFeedLocationIds;
        var appointments = await db.Appointments.AsNoTracking()
            .Where(a => a.TherapistId == id && shown.Contains(a.LocationId) && a.Status != AppointmentStatus.Cancelled && a.StartsAt < to && a.EndsAt > from)
            .OrderBy(a => a.StartsAt).ToListAsync(ct);
        var locationIds = appointments.Select(a => a.LocationId).Distinct().ToList();
        var locations = await db.Locations.AsNoTracking().Where(l => locationIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, ct);

        var calendar = new Calendar();
        calendar.AddProperty("X-WR-CALNAME", $"{therapist.Name} — appointments");
        foreach (var a in appointments)
        {
            var location = locations[a.LocationId];
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{a.Id}@scheduling.medmassage",
                Summary = $"{a.TypeCode} ({a.Status})",
                Location = $"{location.Name}, {location.Address}",
                Description = $"Appointment {a.Id}; referral {a.ReferralId}; local time zone {location.TimeZone}.",
                DtStart = new CalDateTime(a.StartsAt.UtcDateTime),
                DtEnd = new CalDateTime(a.EndsAt.UtcDateTime),
                DtStamp = new CalDateTime(now.UtcDateTime),
                Status = a.Status is AppointmentStatus.NoShow ? EventStatus.Cancelled : EventStatus.Confirmed,
            });
        }
        var text = new CalendarSerializer().SerializeToString(calendar) ?? "";
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(text), "text/calendar; charset=utf-8", $"therapist-{id}.ics");
    }
}
