using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MedMassage.Testing;

namespace MedMassage.EndToEnd.Tests;

/// <summary>A referral crosses the suite: gateway → referral service → RabbitMQ → notification service → SMTP.</summary>
[Collection(SuiteCollection.Name)]
public sealed class ReferralFlowTests(SuiteFixture suite)
{
    [Fact]
    public async Task A_referral_submitted_through_the_gateway_is_acknowledged_to_the_physician_by_email()
    {
        var physicianEmail = $"dr-{Guid.NewGuid():N}@clinic.example";
        var referral = SampleReferral.Submission(physicianEmail);

        using var submitted = await suite.Gateway.PostAsJsonAsync("/api/referrals", referral);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);

        // The notification service consumed ReferralReceived and delivered the acknowledgement over SMTP.
        var sent = await Eventually.WaitAsync(
            () => suite.Gateway.GetStringAsync($"/api/notifications/messages?recipient={Uri.EscapeDataString(physicianEmail)}"),
            body => JsonDocument.Parse(body).RootElement.EnumerateArray().Any(m => m.GetProperty("status").GetString() == "Sent"),
            TimeSpan.FromSeconds(60), "acknowledgement sent");
        Assert.Contains("\"channel\":\"Email\"", sent, StringComparison.OrdinalIgnoreCase);

        var mail = await Eventually.WaitAsync(
            () => Task.FromResult(suite.Mailbox().FirstOrDefault(m => m.Contains(physicianEmail, StringComparison.OrdinalIgnoreCase))),
            m => m is not null, TimeSpan.FromSeconds(30), "email in the SMTP mailbox");
        Assert.DoesNotContain("M54.50", mail, StringComparison.Ordinal); // no diagnosis in an email body (PHI minimum)
    }
}
