using MedMassage.ClinicalNotes.Api.Domain.Documents;
using MedMassage.ClinicalNotes.Api.Domain.Evaluations;
using MedMassage.ClinicalNotes.Api.Domain.Notes;
using MedMassage.ClinicalNotes.Api.Domain.Plans;
using MedMassage.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MedMassage.ClinicalNotes.Api.Infrastructure.EntityConfigurations;

internal sealed class EvaluationConfiguration : IEntityTypeConfiguration<Evaluation>
{
    public void Configure(EntityTypeBuilder<Evaluation> e)
    {
        e.ToTable("evaluations");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Kind).HasConversion<string>();
        e.Property(x => x.Content).IsJson();
        e.Ignore(x => x.IsSigned);
        e.Ignore(x => x.BlocksAllTreatment);
        e.Ignore(x => x.FindingsNeedingClearance);
    }
}

internal sealed class TreatmentPlanConfiguration : IEntityTypeConfiguration<TreatmentPlan>
{
    public void Configure(EntityTypeBuilder<TreatmentPlan> e)
    {
        e.ToTable("treatment_plans");
        e.HasKey(x => new { x.Id, x.Version });
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Version).ValueGeneratedNever();
        e.Property(x => x.Status).HasConversion<string>();
        e.Property(x => x.Terms).IsJson();
        e.Property(x => x.Certifications).IsJson();
        e.Ignore(x => x.LatestCertification);
        e.Ignore(x => x.CertificationDeadline);
    }
}

internal sealed class VisitNoteConfiguration : IEntityTypeConfiguration<VisitNote>
{
    public void Configure(EntityTypeBuilder<VisitNote> e)
    {
        e.ToTable("visit_notes");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Version).IsRowVersion().HasColumnName("xmin").HasColumnType("xid");
        e.Property(x => x.Content).IsJson();
        e.Property(x => x.Units).IsJson();
        e.Ignore(x => x.IsSigned);
    }
}

internal sealed class AddendumConfiguration : IEntityTypeConfiguration<Addendum>
{
    public void Configure(EntityTypeBuilder<Addendum> e)
    {
        e.ToTable("addenda");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
    }
}

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<ClinicalDocument>
{
    public void Configure(EntityTypeBuilder<ClinicalDocument> e)
    {
        e.ToTable("clinical_documents");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Kind).HasConversion<string>();
    }
}
