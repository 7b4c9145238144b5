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
        var uptown = Guid.Parse("b5bc387d-4108-4330-9e39-4a50749e13e4"); // the seeded clinic admin's location
        var referral = SampleReferral.Submission(physicianEmail, uptown);
        using var office = suite.GatewayAs(await SuiteTokens.WithClientSecretAsync(
            suite.GatewayUrl, "physician-office-dev", "dev-office-secret", "system/ServiceRequest.write"));

        using var submitted = await office.PostAsJsonAsync("/api/referrals", referral);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);

        // The notification service consumed ReferralReceived and delivered the acknowledgement over SMTP;
        // the location's clinic admin sees it in the delivery log.
        using var admin = suite.GatewayAs(await SuiteTokens.StaffAsync(suite.GatewayUrl, "admin", "dev-admin"));
        var sent = await Eventually.WaitAsync(
            () => admin.GetStringAsync($"/api/notifications/messages?recipient={Uri.EscapeDataString(physicianEmail)}"),
            body => JsonDocument.Parse(body).RootElement.EnumerateArray().Any(m => m.GetProperty("status").GetString() == "sent"),
            TimeSpan.FromSeconds(60), "acknowledgement sent");
        Assert.Contains("\"channel\":\"Email\"", sent, StringComparison.OrdinalIgnoreCase);

        var mail = await Eventually.WaitAsync(
            () => Task.FromResult(suite.Mailbox().FirstOrDefault(m => m.Contains(physicianEmail, StringComparison.OrdinalIgnoreCase))),
            m => m is not null, TimeSpan.FromSeconds(30), "email in the SMTP mailbox");
        Assert.DoesNotContain("M54.50", mail, StringComparison.Ordinal); // no diagnosis in an email body (PHI minimum)
    }
}
