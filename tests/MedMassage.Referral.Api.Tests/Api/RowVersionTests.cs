using MedMassage.Referral.Api.Domain;
using MedMassage.Referral.Api.Tests.Support;
using MedMassage.Testing;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Referral.Api.Tests.Api;

[Collection(InfrastructureCollection.Name)]
public sealed class RowVersionTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Two_changes_made_from_the_same_read_cannot_both_be_saved()
    {
        await using var app = await ReferralService.StartAsync(infrastructure);
        var referral = await app.SubmitValidAsync(TestReferrals.Valid(TestReferrals.Today()));
        var staff = new Actor("u-1", "Front desk");

        await app.QueryAsync(async first =>
            await app.QueryAsync(async second =>
            {
                var a = await first.Referrals.SingleAsync(r => r.Id == referral.Id);
                var b = await second.Referrals.SingleAsync(r => r.Id == referral.Id);
                a.Accept(staff, DateTimeOffset.UtcNow);
                b.Reject("not ours", staff, DateTimeOffset.UtcNow);

                await first.SaveChangesAsync();
                await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
                return true;
            }));

        Assert.Equal("accepted", (await app.GetAsync(referral.Id)).Status);
    }
}
