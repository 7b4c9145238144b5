using System.Net;
using System.Net.Http.Json;
using MedMassage.Testing;

namespace MedMassage.EndToEnd.Tests;

/// <summary>
/// The whole care journey through the gateway, as its people do it: an office system refers; the clinic accepts,
/// evaluates (a finding needs the physician's clearance), the physician clears it and certifies the plan from the
/// e-mails, the clinic books a series, treats, reports and discharges; the office reads the outcome. Every service ends
/// up agreeing on the referral.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class CareJourneyTests(SuiteFixture suite)
{
    private static readonly Guid Riverside = Guid.Parse("b5bc387d-4108-4330-9e39-4a50749e13e4"); // the seeded admin's and therapist's

    [Fact]
    public async Task A_referral_travels_from_the_physician_office_to_the_discharge_summary_and_every_service_agrees()
    {
        var physician = $"dr-{Guid.NewGuid():N}@clinic.example";
        using var office = suite.GatewayAs(await SuiteTokens.WithClientSecretAsync(suite.GatewayUrl, "physician-office-dev", "dev-office-secret",
            "system/ServiceRequest.write system/ServiceRequest.read system/DiagnosticReport.read"));
        using var admin = suite.GatewayAs(await SuiteTokens.StaffAsync(suite.GatewayUrl, "admin", "dev-admin"));
        using var therapist = suite.GatewayAs(await SuiteTokens.StaffAsync(suite.GatewayUrl, "therapist", "dev-therapist"));
        using var browser = new HttpClient { BaseAddress = suite.GatewayUrl }; // the physician, signed in nowhere
        var theo = await Journey.SetUpClinicAsync(admin, Riverside);

        // The office refers; the clinic accepts.
        var referral = await Journey.ReadAsync(await office.PostAsJsonAsync("/api/referrals", SampleReferral.Submission(physician, Riverside)), HttpStatusCode.Created);
        var id = referral.GetProperty("id").GetGuid();
        var reference = referral.GetProperty("reference").GetString()!;
        await Journey.ReadAsync(await admin.PostAsync($"/api/referrals/{id}/accept", null), HttpStatusCode.OK);
        await Journey.UntilAsync(admin, $"/api/scheduling/referrals/{id}", r => r.GetProperty("status").GetString() == "accepted");

        // The evaluation finds an unhealed scar on the neck that needs the physician's clearance: treatment waits for it.
        var evaluationVisit = await Journey.BookAsync(admin, id, theo, "evaluation", DateTimeOffset.UtcNow.AddSeconds(20));
        var evaluation = await Journey.EvaluateAsync(therapist, id, evaluationVisit.Id, new { name = "Unhealed scar", effect = "NeedsPhysicianClearance", bodyRegion = "neck" });
        await Journey.UntilAsync(admin, $"/api/referrals/{id}", r => r.GetProperty("awaitingClearance").GetArrayLength() == 1);
        await Journey.PlanAsync(therapist, evaluation);
        await Journey.UntilAsync(admin, $"/api/scheduling/referrals/{id}", r => r.GetProperty("awaitingClearance").GetArrayLength() == 1
            && r.GetProperty("hasActivePlan").GetBoolean());
        var tooSoon = await admin.PostAsJsonAsync("/api/scheduling/appointments", Journey.Booking(id, theo, "treatment-45", DateTimeOffset.UtcNow.AddHours(1)));
        Assert.Contains("awaiting-clearance", await tooSoon.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The physician reads the evaluation and gives the clearance from the e-mails, without signing in.
        Assert.Contains("Evaluation summary", await browser.GetStringAsync(await suite.LinkAsync(physician, $"Evaluation completed for referral {reference}")), StringComparison.Ordinal);
        var clearance = await suite.LinkAsync(physician, $"Clearance requested for referral {reference}");
        Assert.Contains("Unhealed scar (neck)", await browser.GetStringAsync(clearance), StringComparison.Ordinal);
        await Journey.ReadHtmlAsync(await browser.PostAsync(clearance, new FormUrlEncodedContent([new("subject", "Unhealed scar")])));
        await Journey.UntilAsync(admin, $"/api/referrals/{id}", r => r.GetProperty("awaitingClearance").GetArrayLength() == 0);
        await Journey.UntilAsync(admin, $"/api/scheduling/referrals/{id}", r => r.GetProperty("awaitingClearance").GetArrayLength() == 0);
        await Journey.UntilAsync(therapist, $"/api/clinical-notes/referrals/{id}", r => r.GetProperty("pendingClearances").GetArrayLength() == 0);

        // The plan of care is certified by the physician from the e-mail too.
        var certify = await suite.LinkAsync(physician, $"Plan of care for referral {reference}");
        Assert.Contains("Certify this plan of care", await browser.GetStringAsync(certify), StringComparison.Ordinal);
        await Journey.ReadHtmlAsync(await browser.PostAsync($"{certify}/certify", new FormUrlEncodedContent([])));
        await Journey.UntilAsync(admin, $"/api/referrals/{id}", r => r.GetProperty("plan").GetProperty("status").GetString() == "certified");

        // A weekly series from next week, and a treatment today that is documented and signed.
        var series = await Journey.ReadAsync(await admin.PostAsJsonAsync("/api/scheduling/series", Journey.Series(id, theo)), HttpStatusCode.Created);
        Assert.Equal(2, series.GetProperty("succeeded").GetInt32());
        var tess = await Journey.TherapistAsync(admin, "Tess Reyes"); // Theo is still in the evaluation hour
        var treatment = await Journey.BookAsync(admin, id, tess, "treatment-45", DateTimeOffset.UtcNow.AddSeconds(20));
        await Journey.AttendAsync(admin, evaluationVisit);
        // Tess keeps paper notes today: Theo may not write them (not his visit); the clinic admin enters them, saying why.
        var notTheirs = await Eventually.WaitAsync(() => therapist.PostAsJsonAsync("/api/clinical-notes/visit-notes", Journey.Note(treatment.Id)),
            r => r.StatusCode != HttpStatusCode.NotFound, TimeSpan.FromSeconds(30), "visit known to clinical notes");
        Assert.Equal(HttpStatusCode.Forbidden, notTheirs.StatusCode);
        await Journey.DocumentAsync(admin, treatment.Id, "Entered from Tess Reyes's paper note");
        await Journey.AttendAsync(admin, treatment);
        await Journey.UntilAsync(admin, $"/api/referrals/{id}", r => r.GetProperty("visits").GetProperty("used").GetInt32() == 2);

        // A progress report and the discharge, each opened by the physician from the e-mail.
        await Journey.ReadAsync(await therapist.PostAsync($"/api/clinical-notes/referrals/{id}/progress-reports", null), HttpStatusCode.Created);
        Assert.Contains("Progress report", await browser.GetStringAsync(await suite.LinkAsync(physician, $"Progress report for referral {reference}")), StringComparison.Ordinal);
        var summary = await Journey.ReadAsync(await therapist.PostAsJsonAsync($"/api/clinical-notes/referrals/{id}/discharge", new { reason = "Goals met" }), HttpStatusCode.Created);
        Assert.Contains("Discharge summary", await browser.GetStringAsync(await suite.LinkAsync(physician, $"Discharge summary for referral {reference}")), StringComparison.Ordinal);

        // Every service agrees: the referral is completed, and the series' visits still to come were cancelled, not left booked.
        await Journey.UntilAsync(admin, $"/api/referrals/{id}", r => r.GetProperty("status").GetString() == "completed");
        await Journey.UntilAsync(admin, $"/api/scheduling/referrals/{id}", r => r.GetProperty("status").GetString() == "completed");
        var appointments = await Journey.UntilAsync(admin, $"/api/scheduling/appointments?referralId={id}",
            a => a.EnumerateArray().Count(x => x.GetProperty("status").GetString() == "cancelled") == 2);
        Assert.Equal(["cancelled", "cancelled", "completed", "completed"], appointments.EnumerateArray().Select(a => a.GetProperty("status").GetString()).Order());
        Assert.Equal("completed", (await Journey.UntilAsync(therapist, $"/api/clinical-notes/referrals/{id}", _ => true)).GetProperty("status").GetString());

        // The office reads the referral it sent, and its discharge summary.
        var seen = await Journey.UntilAsync(office, $"/api/referrals/{id}", r => r.GetProperty("status").GetString() == "completed");
        Assert.Equal(reference, seen.GetProperty("reference").GetString());
        var document = await office.GetAsync($"/api/clinical-notes/documents/{summary.GetProperty("id").GetGuid()}");
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Assert.Contains("Discharge summary", await document.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
