using System.Net;
using System.Text.Json;
using MedMassage.ClinicalNotes.Api.Apis.Contracts;
using MedMassage.Testing;

namespace MedMassage.ClinicalNotes.Api.Tests.Api;

[Collection(InfrastructureCollection.Name)]
public sealed class ReportAccessTests(InfrastructureFixture infrastructure)
{
    private const string ReportScope = "system/DiagnosticReport.read";

    [Fact]
    public async Task A_system_with_the_report_scope_reads_the_reports_of_the_referrals_it_submitted_and_no_others()
    {
        await using var clinic = await Clinic.OpenAsync(infrastructure);
        var ours = await clinic.AcceptReferralAsync(submitterClientId: "hospital-a");
        var theirs = await clinic.AcceptReferralAsync(submitterClientId: "hospital-b");
        var ourReport = await ReportAsync(clinic, ours);
        var theirReport = await ReportAsync(clinic, theirs);

        using var hospital = clinic.Service.CreateClientAs(System("hospital-a", ReportScope));
        var read = await hospital.GetAsync($"/api/clinical-notes/documents/{ourReport}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Contains("<h1>Progress report</h1>", await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await hospital.GetAsync($"/api/clinical-notes/documents/{theirReport}")).StatusCode);

        using var withoutScope = clinic.Service.CreateClientAs(System("hospital-a", "system/ServiceRequest.read"));
        Assert.Equal(HttpStatusCode.Forbidden, (await withoutScope.GetAsync($"/api/clinical-notes/documents/{ourReport}")).StatusCode);
        // A report is all it reads: the chart stays closed to it.
        Assert.Equal(HttpStatusCode.Forbidden, (await hospital.GetAsync($"/api/clinical-notes/referrals/{ours}")).StatusCode);
    }

    [Fact]
    public async Task The_api_description_of_a_report_names_every_answer_it_gives()
    {
        await using var clinic = await Clinic.OpenAsync(infrastructure);

        var document = JsonDocument.Parse(await clinic.Therapist.GetStringAsync("/openapi/v1.json")).RootElement;
        var responses = document.GetProperty("paths").GetProperty("/api/clinical-notes/documents/{id}").GetProperty("get").GetProperty("responses");

        Assert.Equal(["200", "401", "403", "404"], responses.EnumerateObject().Select(r => r.Name).Order());
        Assert.True(responses.GetProperty("200").GetProperty("content").TryGetProperty("text/html", out _));
    }

    private static TestCaller System(string clientId, string scope) => new("integration-client", [], "Hospital system", ClientId: clientId, Scopes: [scope]);

    private static async Task<Guid> ReportAsync(Clinic clinic, Guid referralId)
    {
        await CourseOfCareTests.EvaluatedAsync(clinic.Therapist, referralId, (await clinic.BookAsync(referralId, "evaluation"))[0]);
        var report = await Clinic.ReadAsync<DocumentResponse>(
            await clinic.Therapist.PostAsync(new Uri($"/api/clinical-notes/referrals/{referralId}/progress-reports", UriKind.Relative), null), HttpStatusCode.Created);
        return report.Id;
    }
}
