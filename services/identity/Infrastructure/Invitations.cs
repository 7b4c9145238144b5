using MedMassage.Identity.Api.Apis.Contracts;
using MedMassage.Identity.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MedMassage.Identity.Api.Infrastructure;

/// <summary>Issues an invitation link (replacing the person's earlier ones) and saves it with any pending change.</summary>
public sealed class Invitations(IdentityDbContext db, TimeProvider time, IOptions<TokenIssuerOptions> options)
{
    public async Task<InvitationView> IssueAsync(StaffMember member, HttpContext http, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await db.Invitations.Where(i => i.StaffId == member.Id && i.UsedAt == null).ExecuteUpdateAsync(i => i.SetProperty(x => x.UsedAt, now), ct);
        var (invitation, token) = StaffInvitation.Issue(member.Id, now);
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(ct);
        // The link is opened in a browser, through the gateway: the public issuer address, else this request's own.
        var publicBase = options.Value.Issuer ?? new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/");
        return new InvitationView(StaffAccountView.From(member), new Uri(publicBase, $"account/invitation/{token}"), invitation.ExpiresAt);
    }
}
