using MedMassage.Referral.Api.Domain;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Referral.Api.Infrastructure.References;

/// <summary>Draws the next reference from the database's sequence, which every replica shares.</summary>
internal static class ReferenceNumbers
{
    public static async Task<ReferralReference> NextAsync(this ReferralDbContext db, CancellationToken ct) =>
        ReferralReference.FromNumber(await db.Database.SqlQuery<long>($"SELECT nextval('referral_reference_seq') AS \"Value\"").SingleAsync(ct));
}
