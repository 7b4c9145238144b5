using MedMassage.ClinicalNotes.Api.Application;
using MedMassage.ClinicalNotes.Api.Application.Access;
using MedMassage.ClinicalNotes.Api.Domain.Appointments;
using MedMassage.ClinicalNotes.Api.Infrastructure;
using MedMassage.Messaging.Outbox;
using MedMassage.ServiceDefaults.Identity;

namespace MedMassage.ClinicalNotes.Api.Apis;

/// <summary>What the clinical endpoints share, injected as one parameter.</summary>
public sealed class ClinicalServices(
    ClinicalNotesDbContext db,
    ClinicalNotesAccess scope,
    CareRecords records,
    ClinicalAudit audit,
    IIntegrationEventOutbox outbox,
    ICurrentUser user,
    DocumentLinks links,
    TimeProvider time)
{
    public ClinicalNotesDbContext Db { get; } = db;

    /// <summary>The records the caller may see and change; records are looked up by id through it, never through <see cref="Db"/>.</summary>
    public ClinicalNotesAccess Scope { get; } = scope;
    public CareRecords Records { get; } = records;
    public ClinicalAudit Audit { get; } = audit;
    public IIntegrationEventOutbox Outbox { get; } = outbox;
    public ICurrentUser User { get; } = user;
    public DocumentLinks Links { get; } = links;
    public TimeProvider Time { get; } = time;
    public DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>May the caller document this appointment (<see cref="Authorship.For"/> decides); throws when not.</summary>
    public Authorship AuthorOf(ClinicAppointment appointment, string? onBehalfReason) =>
        Authorship.For(appointment, new Documenter(User.Id, User.IsInRole(Roles.ClinicAdmin)), onBehalfReason);
}
