using MedMassage.Messaging;
using MedMassage.Notification.Api.Domain.Audit;
using MedMassage.Notification.Api.Domain.Directory;
using MedMassage.Notification.Api.Domain.Referrals;
using MedMassage.Notification.Api.Domain.Messages;
using MedMassage.Notification.Api.Domain.Preferences;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Notification.Api.Infrastructure;

public sealed class NotificationDbContext(DbContextOptions<NotificationDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<MessageLogEntry> MessageLog => Set<MessageLogEntry>();
    public DbSet<PatientPreferences> Preferences => Set<PatientPreferences>();
    public DbSet<ReferralContact> ReferralContacts => Set<ReferralContact>();
    public DbSet<KnownLocation> Locations => Set<KnownLocation>();
    public DbSet<ContactAuditEntry> ContactAudit => Set<ContactAuditEntry>();
}
