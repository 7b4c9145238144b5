using MedMassage.ClinicalNotes.Api.Domain.Audit;
using MedMassage.ServiceDefaults.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MedMassage.ClinicalNotes.Api.Infrastructure.EntityConfigurations;

internal sealed class AuditConfiguration : IEntityTypeConfiguration<ClinicalAuditEntry>
{
    public void Configure(EntityTypeBuilder<ClinicalAuditEntry> e)
    {
        e.IsAccessAudit("audit_entries");
    }
}
