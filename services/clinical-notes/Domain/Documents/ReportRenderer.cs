using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using MedMassage.ClinicalNotes.Api.Domain.Outcomes;

namespace MedMassage.ClinicalNotes.Api.Domain.Documents;

/// <summary>Renders reports as self-contained, printable HTML (the browser's print-to-PDF gives the PDF).</summary>
public static class ReportRenderer
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string ProgressReport(CourseOfCare care, DateTimeOffset issuedAt) =>
        Render("Progress report", care, issuedAt, null);

    public static string DischargeSummary(CourseOfCare care, string reason, DateTimeOffset issuedAt) =>
        Render("Discharge summary", care, issuedAt, reason);

    private static string Render(string title, CourseOfCare care, DateTimeOffset issuedAt, string? dischargeReason)
    {
        var h = HtmlEncoder.Default;
        var r = care.Referral;
        var html = new StringBuilder();
        html.Append(Invariant, $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{h.Encode(title)}</title>")
            .Append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #999;padding:4px 8px}@media print{body{margin:0}}</style></head><body>")
            .Append(Invariant, $"<h1>{h.Encode(title)}</h1>")
            .Append(Invariant, $"<p>Patient: {h.Encode(r.PatientName)}<br>Referring physician: {h.Encode(r.PhysicianName)} (NPI {h.Encode(r.PhysicianNpi)})<br>")
            .Append(Invariant, $"Diagnoses: {h.Encode(string.Join(", ", r.DiagnosisCodes))}<br>Issued: {issuedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC</p>");
        if (dischargeReason is not null)
        {
            html.Append(Invariant, $"<p>Reason for discharge: {h.Encode(dischargeReason)}</p>");
        }
        if (care.Plan is { } plan)
        {
            html.Append(Invariant, $"<h2>Plan of care (version {plan.Version})</h2><p>{h.Encode(string.Join(", ", plan.Terms.Techniques))} to {h.Encode(string.Join(", ", plan.Terms.BodyRegions))}; ")
                .Append(Invariant, $"{plan.Terms.SessionsPerWeek} per week for {plan.Terms.Weeks} weeks, {plan.Terms.VisitCount} visits.</p>");
        }
        html.Append(Invariant, $"<h2>Visits</h2><p>{care.Notes.Count} signed visit notes; {care.Evaluations.Count} signed evaluations.</p>");
        html.Append("<h2>Outcomes</h2><table><tr><th>Measure</th><th>Baseline</th><th>Latest</th><th>Change</th><th>Goal</th><th>Reached</th></tr>");
        foreach (var t in care.Trends)
        {
            html.Append(Invariant, $"<tr><td>{h.Encode(t.Metric)}</td><td>{t.Baseline:0.##}</td><td>{t.Latest:0.##}</td><td>{t.Change:+0.##;-0.##;0}</td>")
                .Append(Invariant, $"<td>{t.Target?.ToString("0.##", Invariant) ?? ""}</td><td>{(t.GoalReached is { } g ? (g ? "yes" : "no") : "")}</td></tr>");
        }
        html.Append("</table><h2>Visit log</h2><table><tr><th>#</th><th>Date</th><th>Techniques</th><th>Pain before/after</th><th>Tolerance</th><th>Assessment</th></tr>");
        foreach (var n in care.Notes)
        {
            var techniques = string.Join(", ", n.Content.Techniques.Select(t => $"{t.Technique} {t.Minutes} min"));
            html.Append(Invariant, $"<tr><td>{n.VisitNumber}</td><td>{n.SignedAt!.Value.UtcDateTime:yyyy-MM-dd}</td><td>{h.Encode(techniques)}</td>")
                .Append(Invariant, $"<td>{n.Content.PainBefore} / {n.Content.PainAfter}</td><td>{n.Content.Tolerance}</td><td>{h.Encode(n.Content.Assessment)}</td></tr>");
        }
        html.Append("</table>");
        var latestAssessment = care.Evaluations.LastOrDefault()?.Content.Assessment;
        if (latestAssessment is not null)
        {
            html.Append(Invariant, $"<h2>Assessment</h2><p>{h.Encode(latestAssessment)}</p>");
        }
        html.Append(Invariant, $"<p>Goals reached: {(OutcomeTrend.AllGoalsReached(care.Trends) ? "all" : "not all")}.</p></body></html>");
        return html.ToString();
    }
}
