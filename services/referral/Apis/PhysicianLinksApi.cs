using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using MedMassage.Referral.Api.Application;
using MedMassage.Referral.Api.Domain;
using MedMassage.ServiceDefaults.OpenApi;
using MedMassage.ServiceDefaults.PhysicianLinks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Referral.Api.Apis;

using Page = Results<ContentHttpResult, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult>;

/// <summary>
/// The referring physician gives a clearance from the e-mail that asked for it, without signing in: the link's token is
/// the credential, good for this referral's clearances until it expires. Openings and clearances are audited.
/// </summary>
internal static class PhysicianLinksApi
{
    public static void MapPhysicianLinks(this RouteGroupBuilder api)
    {
        var links = api.MapGroup("/links").AllowAnonymous()
            .WithTag("Physician links", "Pages the referring physician opens from an e-mail without signing in: the link's token is the credential, for one referral, until it expires.")
            .ProducesHtmlPage()
            .ProducesProblem(StatusCodes.Status410Gone);
        links.MapGet("/clearances/{token}", ShowAsync).WithName("OpenClearanceLink").WithSummary("What awaits the physician's clearance, opened from their e-mail")
            .WithDescription("An HTML page listing the techniques and findings of the referral that await the physician's clearance, each with a button to clear it. Anonymous: the token is the credential. 404 for a token that is not genuine or a referral now with another physician, 410 once the link has expired. Audited under the physician's NPI.");
        // A form post from the page above; the token in the path is the credential and no cookie is involved, so no antiforgery token.
        links.MapPost("/clearances/{token}", ClearAsync).WithName("ClearByLink").DisableAntiforgery().WithSummary("The physician clears one thing awaiting clearance")
            .WithRequestExample(new { Subject = "scar-tissue-release" })
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithDescription("The form post of the page above (`subject`: the technique or finding cleared), recorded as cleared by the physician of the link, now; answers the page again. 400 without a subject, 409 when nothing of that name awaits clearance or the referral changed meanwhile, 404 and 410 as for the page.");
    }

    public static async Task<Page> ShowAsync(string token, PhysicianLinks links, ReferralServices s, ReferralAudit audit, CancellationToken ct)
    {
        var (link, referral, refusal) = await OpenAsync(token, links, s, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        audit.RecordByLink(link!, referral!, "physician-link-opened");
        await s.Db.SaveChangesAsync(ct);
        return Html(referral!, null);
    }

    public static async Task<Page> ClearAsync(string token, [FromForm] string? subject, PhysicianLinks links, ReferralServices s, ReferralAudit audit, CancellationToken ct)
    {
        var (link, referral, refusal) = await OpenAsync(token, links, s, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        if (string.IsNullOrWhiteSpace(subject))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["subject"] = ["Name what you clear."] });
        }
        var now = s.Time.GetUtcNow();
        try
        {
            referral!.RecordClearance(subject, $"{link!.PhysicianName} (NPI {link.PhysicianNpi})", now, $"physician-link:{link.Id}",
                new Actor($"physician:{link.PhysicianNpi}", link.PhysicianName), now);
            audit.RecordByLink(link, referral, "physician-clearance");
            await s.SaveAsync(referral, ct);
        }
        catch (RuleViolation violation)
        {
            return TypedResults.Problem(violation.Refusal.ToProblem(StatusCodes.Status409Conflict, "Nothing to clear"));
        }
        catch (DbUpdateConcurrencyException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The referral changed", detail: "Reload the page and try again.");
        }
        return Html(referral, $"Thank you: {subject.Trim()} is cleared.");
    }

    // The link must be genuine and current, and the referral's physician must still be the one it was sent to.
    private static async Task<(PhysicianLink?, Domain.Referral?, Page?)> OpenAsync(string token, PhysicianLinks links, ReferralServices s, CancellationToken ct)
    {
        var reading = links.Read(PhysicianLinkPurposes.GrantClearance, token);
        if (reading.Problem == LinkProblem.Expired)
        {
            return (null, null, TypedResults.Problem(statusCode: StatusCodes.Status410Gone, title: "This link has expired",
                detail: "Links in e-mails work for a limited time; ask the clinic to send a new one."));
        }
        var referral = reading.Link is { } link ? await s.Db.Referrals.FirstOrDefaultAsync(r => r.Id == link.ReferralId, ct) : null;
        return referral is not null && referral.PhysicianNpi == reading.Link!.PhysicianNpi
            ? (reading.Link, referral, null)
            : (null, null, TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "This link is not valid." }));
    }

    private static ContentHttpResult Html(Domain.Referral r, string? message)
    {
        var h = HtmlEncoder.Default;
        var html = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Clearance for referral {h.Encode(r.Reference)}</title>")
            .Append("<style>body{font-family:sans-serif;margin:2em;max-width:50em}</style></head><body>")
            .Append(CultureInfo.InvariantCulture, $"<h1>Clearance for referral {h.Encode(r.Reference)}</h1><p>Patient {h.Encode(r.Patient.FullName)}</p>");
        if (message is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p><strong>{h.Encode(message)}</strong></p>");
        }
        html.Append(r.AwaitingClearance.Count == 0 ? "<p>Nothing awaits your clearance.</p>" : "<ul>");
        foreach (var a in r.AwaitingClearance)
        {
            var what = a.BodyRegion is null ? a.Subject : $"{a.Subject} ({a.BodyRegion})";
            html.Append(CultureInfo.InvariantCulture, $"<li>{h.Encode(what)} <form method=\"post\" style=\"display:inline\">")
                .Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"subject\" value=\"{h.Encode(a.Subject)}\"><button type=\"submit\">Clear</button></form></li>");
        }
        return TypedResults.Text(html.Append(r.AwaitingClearance.Count == 0 ? "" : "</ul>").Append("</body></html>").ToString(), "text/html; charset=utf-8");
    }
}
