using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MedMassage.ServiceDefaults.Audit;

public static class AccessAuditMapping
{
    /// <summary>Maps an audit entry to its insert-only table, numbered by the database.</summary>
    public static EntityTypeBuilder<T> IsAccessAudit<T>(this EntityTypeBuilder<T> builder, string table) where T : AccessAuditEntry
    {
        builder.ToTable(table);
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).UseIdentityAlwaysColumn();
        return builder;
    }
}
