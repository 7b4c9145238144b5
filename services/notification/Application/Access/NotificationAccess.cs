using System.Linq.Expressions;
using MedMassage.Notification.Api.Domain.Referrals;
using MedMassage.Notification.Api.Domain.Messages;
using MedMassage.Notification.Api.Infrastructure;
using MedMassage.ServiceDefaults.Identity;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Notification.Api.Application.Access;

/// <summary>
/// The one place that decides which notifications a caller sees, and how much of them. Read from the validated
/// token (<see cref="ICurrentUser"/>), never from request headers. What is outside a caller's view is answered 404
/// as a single record and left out of lists, so its existence is not disclosed.
/// <list type="bullet">
/// <item>Content (subject, body, the recipient's email or phone): front desk, therapists and clinic admins, for
/// messages of their locations; chain-wide messages (no location: chain-wide alerts, referrals not assigned to a
/// location yet) for clinic admins only.</item>
/// <item>The delivery log: the same, and ops see every message's delivery status and metadata, never its content.</item>
/// <item>A patient's preferences: staff of a location the patient is known at (through their messages and
/// referrals). The preferences carry no location of their own, and the front desk may record them at intake before
/// any event has told this service about the patient, so a patient known nowhere yet is open to every front desk.</item>
/// </list>
/// </summary>
public sealed class NotificationAccess(ICurrentUser user, NotificationDbContext db)
{
    private Expression<Func<Message, bool>>? _contentScope;
    private Func<Message, bool>? _showsContent;

    private Expression<Func<Message, bool>> ContentScope => _contentScope ??= BuildContentScope();

    /// <summary>Messages whose content the caller may read.</summary>
    public IQueryable<Message> Readable(IQueryable<Message> messages) => messages.Where(ContentScope);

    /// <summary>
    /// A staff inbox, as far as the caller may read it. Patients' own inboxes are for a patient portal, which has no
    /// role in this suite yet: they show staff nothing.
    /// </summary>
    public IQueryable<Message> Inbox(IQueryable<Message> messages, string recipientKey) =>
        Recipient.IsStaffKey(recipientKey)
            ? Readable(messages).Where(m => m.Channel == Channel.InApp && m.RecipientKey == recipientKey && m.Status == MessageStatus.Sent)
            : messages.Where(m => false);

    /// <summary>The delivery log: ops see every message (without content, see <see cref="ShowsContentOf"/>), staff the ones they may read.</summary>
    public IQueryable<Message> DeliveryLog(IQueryable<Message> messages) =>
        user.IsInRole(Roles.Ops) ? messages : Readable(messages);

    /// <summary>
    /// Over FHIR an integrated system reads the patient messages about the referrals it submitted (their patients);
    /// physician and staff messages are not part of it.
    /// </summary>
    public IQueryable<ReferralContact> SubmittedReferrals
    {
        get
        {
            var system = user.IntegratedSystem();
            return db.ReferralContacts.Where(r => system != null && r.SubmitterClientId == system);
        }
    }

    public bool ShowsContentOf(Message message) => (_showsContent ??= ContentScope.Compile())(message);

    public async Task<bool> MayManagePatientAsync(Guid patientId, CancellationToken ct)
    {
        var knownAt = await db.Messages.Where(m => m.PatientId == patientId && m.LocationId != null).Select(m => m.LocationId!.Value)
            .Union(db.ReferralContacts.Where(c => c.PatientId == patientId && c.LocationId != null).Select(c => c.LocationId!.Value))
            .ToListAsync(ct);
        return user.IsLocationBound() && (knownAt.Count == 0 || knownAt.Any(user.WorksAt));
    }

    private Expression<Func<Message, bool>> BuildContentScope()
    {
        if (!user.IsLocationBound())
        {
            return m => false;
        }
        var locations = user.Locations.ToList();
        var chainWide = user.IsInRole(Roles.ClinicAdmin);
        return m => (m.LocationId == null && chainWide) || (m.LocationId != null && locations.Contains(m.LocationId.Value));
    }
}
