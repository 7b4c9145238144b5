using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using MedMassage.ClinicalNotes.Api.Domain.Evaluations;
using MedMassage.ClinicalNotes.Api.Domain.Plans;
using MedMassage.ClinicalNotes.Api.Domain.Referrals;

namespace MedMassage.ClinicalNotes.Api.Domain.Documents;

/// <summary>What a referring physician sees from an e-mail link: the evaluation summary, and a plan to certify.</summary>
public static class PhysicianPages
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly HtmlEncoder H = HtmlEncoder.Default;

    public static string Evaluation(Evaluation e, CareReferral r)
    {
        var c = e.Content;
        var html = Start("Evaluation summary", r)
            .Append(Invariant, $"<p>Signed {e.SignedAt?.UtcDateTime:yyyy-MM-dd} · pain {c.PainScore}/10")
            .Append(c.Outcome is { } o ? $" · {H.Encode(o.Measure.ToString())} {o.Score.ToString(Invariant)}" : "")
            .Append("</p><h2>Assessment</h2><p>").Append(H.Encode(c.Assessment)).Append("</p><h2>Findings</h2><ul>");
        foreach (var f in c.Findings)
        {
            html.Append(Invariant, $"<li>{H.Encode(f.Name)}{(f.BodyRegion is null ? "" : $" ({H.Encode(f.BodyRegion)})")}: {H.Encode(f.Effect.ToString())}</li>");
        }
        html.Append("</ul><h2>Goals</h2><ul>");
        foreach (var g in c.Goals)
        {
            html.Append(Invariant, $"<li>{H.Encode(g.Description)}</li>");
        }
        return html.Append("</ul></body></html>").ToString();
    }

    /// <summary>The plan version and, while it is not certified, a form that certifies it through the same link.</summary>
    public static string Plan(TreatmentPlan p, CareReferral r, string certifyAction, string? message = null)
    {
        var t = p.Terms;
        var html = Start($"Treatment plan, version {p.Version}", r);
        if (message is not null)
        {
            html.Append(Invariant, $"<p><strong>{H.Encode(message)}</strong></p>");
        }
        html.Append(Invariant, $"<p>{H.Encode(string.Join(", ", t.Techniques))} to {H.Encode(string.Join(", ", t.BodyRegions))}; ")
            .Append(Invariant, $"{t.SessionsPerWeek} per week for {t.Weeks} weeks, {t.VisitCount} visits.</p><h2>Goals</h2><ul>");
        foreach (var g in t.Goals)
        {
            html.Append(Invariant, $"<li>{H.Encode(g.Description)}</li>");
        }
        html.Append("</ul>");
        // Recertification is due periodically, so the form stays: a certified plan can be certified again.
        if (p.LatestCertification is { } c)
        {
            html.Append(Invariant, $"<p>Certified by {H.Encode(c.CertifiedBy)} on {c.CertifiedAt.UtcDateTime:yyyy-MM-dd}; due again by {c.RecertificationDueBy:yyyy-MM-dd}.</p>");
        }
        html.Append(Invariant, $"<form method=\"post\" action=\"{H.Encode(certifyAction)}\"><button type=\"submit\">Certify this plan of care</button></form>");
        return html.Append("</body></html>").ToString();
    }

    private static StringBuilder Start(string title, CareReferral r) => new StringBuilder()
        .Append(Invariant, $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{H.Encode(title)}</title>")
        .Append("<style>body{font-family:sans-serif;margin:2em;max-width:50em}</style></head><body>")
        .Append(Invariant, $"<h1>{H.Encode(title)}</h1><p>Referral {H.Encode(r.Reference)} · patient {H.Encode(r.PatientName)} · ")
        .Append(Invariant, $"{H.Encode(r.PhysicianName)} (NPI {H.Encode(r.PhysicianNpi)})</p>");
}
