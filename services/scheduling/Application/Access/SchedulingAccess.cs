using MedMassage.Scheduling.Api.Domain.Appointments;
using MedMassage.Scheduling.Api.Domain.Locations;
using MedMassage.Scheduling.Api.Domain.Referrals;
using MedMassage.Scheduling.Api.Domain.Therapists;
using MedMassage.Scheduling.Api.Domain.Waitlist;
using MedMassage.Scheduling.Api.Infrastructure;
using MedMassage.ServiceDefaults.Identity;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Scheduling.Api.Application.Access;

/// <summary>
/// The one place that decides which records a caller may see and change: clinic staff work with the records of
/// the locations in their token only. Endpoints read through these sets, so a record of another location looks
/// exactly like an unknown one (404) and lists simply leave it out.
/// </summary>
public sealed class SchedulingAccess(SchedulingDbContext db, ICurrentUser user)
{
    private readonly List<Guid> _locations = [.. user.Locations];

    // An integrated system works with the referrals it submitted, wherever they are booked, and nothing else.
    private readonly string? _system = user.IntegratedSystem();

    public IReadOnlyList<Guid> LocationIds => _locations;

    public bool Covers(Guid locationId) => _locations.Contains(locationId);

    /// <summary>
    /// The one answer for a referral that does not exist or is not the caller's, and for a location they do not work
    /// at: the same words and status, so none of them can be told apart.
    /// </summary>
    public static Refusal UnknownReferral => Refusal.NotFound("The referral or location");

    public IQueryable<Location> Locations => db.Locations.Where(l => _locations.Contains(l.Id));

    /// <summary>A therapist is visible where they work; a therapist of several locations, to the staff of any of them.</summary>
    public IQueryable<Therapist> Therapists => db.Therapists.Where(t => t.LocationIds.Any(l => _locations.Contains(l)));

    public IQueryable<Appointment> Appointments => db.Appointments.Where(a => _locations.Contains(a.LocationId));

    public IQueryable<WaitlistEntry> Waitlist => db.Waitlist.Where(w => _locations.Contains(w.LocationId));

    /// <summary>
    /// A referral sent to a location belongs to it; one sent without a location is for the chain to schedule
    /// wherever suits the patient, so every clinic's staff may see and book it.
    /// </summary>
    public IQueryable<BookingReferral> Referrals => db.Referrals.Where(r => r.LocationId == null || _locations.Contains(r.LocationId.Value));

    /// <summary>The referrals an integrated system submitted (none for anyone else).</summary>
    public IQueryable<BookingReferral> SubmittedReferrals
    {
        get
        {
            var system = _system;
            return db.Referrals.Where(r => system != null && r.SubmitterClientId == system);
        }
    }

    /// <summary>The visits of <see cref="SubmittedReferrals"/>.</summary>
    public IQueryable<Appointment> SubmittedAppointments
    {
        get
        {
            var referrals = SubmittedReferrals;
            return db.Appointments.Where(a => referrals.Any(r => r.Id == a.ReferralId));
        }
    }

    /// <summary>
    /// One referral through <see cref="Referrals"/>, untracked, with its appointments and the appointment type
    /// <paramref name="appointmentType"/>: what a slot search judges the referral by, read in one round trip.
    /// </summary>
    public Task<ReferralContext?> FindReferralContextAsync(Guid id, string appointmentType, CancellationToken ct) => _system is { } system
        ? SubmittedReferralContext(db, id, system, appointmentType, ct)
        : VisibleReferralContext(db, id, _locationArray ??= [.. _locations], appointmentType, ct);

    private Guid[]? _locationArray;

    private static readonly Func<SchedulingDbContext, Guid, string, string, CancellationToken, Task<ReferralContext?>> SubmittedReferralContext =
        EF.CompileAsyncQuery((SchedulingDbContext db, Guid id, string system, string code, CancellationToken ct) =>
            db.Referrals.AsNoTracking()
                .Where(r => r.Id == id && r.SubmitterClientId == system)
                .Select(r => new ReferralContext(
                    r,
                    db.Appointments.AsNoTracking().Where(a => a.ReferralId == r.Id).ToList(),
                    db.AppointmentTypes.AsNoTracking().FirstOrDefault(t => t.Code == code)))
                .FirstOrDefault());

    // The same rule as Referrals; a compiled query cannot reuse that expression, so the two stand side by side.
    // Precompiled because every slot search runs it.
    private static readonly Func<SchedulingDbContext, Guid, Guid[], string, CancellationToken, Task<ReferralContext?>> VisibleReferralContext =
        EF.CompileAsyncQuery((SchedulingDbContext db, Guid id, Guid[] locations, string code, CancellationToken ct) =>
            db.Referrals.AsNoTracking()
                .Where(r => r.Id == id && (r.LocationId == null || locations.Contains(r.LocationId.Value)))
                .Select(r => new ReferralContext(
                    r,
                    db.Appointments.AsNoTracking().Where(a => a.ReferralId == r.Id).ToList(),
                    db.AppointmentTypes.AsNoTracking().FirstOrDefault(t => t.Code == code)))
                .FirstOrDefault());

    /// <summary>Whether the caller may see a referral already loaded: the in-memory form of <see cref="Referrals"/>.</summary>
    public bool MaySee(BookingReferral referral) => MaySee(_locations, referral);

    /// <summary><see cref="MaySee(BookingReferral)"/> for a caller known only by their locations (a request queued for a batch).</summary>
    public static bool MaySee(IReadOnlyList<Guid> callerLocations, BookingReferral referral) =>
        referral.LocationId is not { } location || callerLocations.Contains(location);

    /// <summary>Whether the caller may book for this referral at these locations: they see the referral and work at every location.</summary>
    public async Task<bool> MayBookAsync(Guid referralId, IEnumerable<Guid> locationIds, CancellationToken ct) =>
        locationIds.All(Covers) && await Referrals.AnyAsync(r => r.Id == referralId, ct);
}

/// <summary>A referral, all its appointments, and the type of visit being looked for (null when there is no such type).</summary>
public sealed record ReferralContext(BookingReferral Referral, IReadOnlyList<Appointment> Appointments, AppointmentType? Type);
