using System.Net;
using MedMassage.Referral.Api.Tests.Support;
using MedMassage.Testing;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Referral.Api.Tests.Security;

/// <summary>
/// A NUL inside an otherwise valid submission reached PostgreSQL, which cannot store it, and came back as a 500. Text
/// with a NUL is now refused as unreadable before anything runs (400), and nothing is stored.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class UnstorableTextTests(InfrastructureFixture infrastructure)
{
    [Theory]
    [InlineData("notes")]
    [InlineData("patient name")]
    public async Task A_valid_referral_with_a_NUL_in_its_text_is_refused_and_nothing_is_stored(string where)
    {
        await using var app = await ReferralService.StartAsync(infrastructure);
        var valid = TestReferrals.Valid(TestReferrals.Today());
        var submission = where == "notes"
            ? valid with { Notes = "Evaluate\u0000 and treat." }
            : valid with { Patient = valid.Patient! with { FirstName = "Ma\u0000ria" } };

        var response = await app.SubmitAsync(submission);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("NUL", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryAsync(db => db.Referrals.CountAsync()));
    }
}
