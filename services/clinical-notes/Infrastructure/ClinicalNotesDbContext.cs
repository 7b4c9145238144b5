using MedMassage.ClinicalNotes.Api.Domain.Appointments;
using MedMassage.ClinicalNotes.Api.Domain.Audit;
using MedMassage.ClinicalNotes.Api.Domain.Documents;
using MedMassage.ClinicalNotes.Api.Domain.Evaluations;
using MedMassage.ClinicalNotes.Api.Domain.Notes;
using MedMassage.ClinicalNotes.Api.Domain.Plans;
using MedMassage.ClinicalNotes.Api.Domain.Referrals;
using MedMassage.Messaging;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.ClinicalNotes.Api.Infrastructure;

public sealed class ClinicalNotesDbContext(DbContextOptions<ClinicalNotesDbContext> options) : ServiceDbContext(options)
{
    public DbSet<CareReferral> Referrals => Set<CareReferral>();
    public DbSet<ClinicAppointment> Appointments => Set<ClinicAppointment>();
    public DbSet<Evaluation> Evaluations => Set<Evaluation>();
    public DbSet<TreatmentPlan> TreatmentPlans => Set<TreatmentPlan>();
    public DbSet<VisitNote> VisitNotes => Set<VisitNote>();
    public DbSet<Addendum> Addenda => Set<Addendum>();
    public DbSet<ClinicalDocument> Documents => Set<ClinicalDocument>();
    public DbSet<ClinicalAuditEntry> AuditEntries => Set<ClinicalAuditEntry>();
}
