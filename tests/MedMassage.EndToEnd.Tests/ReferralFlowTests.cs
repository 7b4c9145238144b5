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
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var referral = new
        {
            patient = new
            {
                firstName = "Maria", lastName = "Lopez", dateOfBirth = new DateOnly(1980, 4, 12), sex = "female",
                phone = "+1 555 0100", email = "maria@example.org", preferredChannel = "email", language = "en-US",
                identifiers = Array.Empty<object>(),
            },
            physician = new { name = "Dr. John Carter", npi = "1234567893", organization = "St. Mary Orthopedics", phone = "+1 555 0199", fax = "+1 555 0198", email = physicianEmail },
            diagnoses = new[] { "M54.50" },
            techniques = new[] { "myofascial-release" },
            bodyRegions = new[] { "lower-back" },
            sessionsPerWeek = 2,
            weeks = 6,
            authorizedVisits = 12,
            validFrom = today,
            validUntil = today.AddDays(60),
            precautions = Array.Empty<object>(),
            insurance = new { payer = "Acme Health", memberId = "ACM-123", authorizationNumber = "AUTH-9", authorizedVisits = 12 },
            locationId = Guid.NewGuid(),
            priority = "routine",
        };

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
