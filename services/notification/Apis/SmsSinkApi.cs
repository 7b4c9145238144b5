using MedMassage.Notification.Api.Apis.Contracts;
using MedMassage.Notification.Api.Application;
using MedMassage.Notification.Api.Application.Access;
using MedMassage.Notification.Api.Infrastructure;
using MedMassage.Notification.Api.Infrastructure.Delivery;
using MedMassage.ServiceDefaults.Identity;
using MedMassage.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// A stand-in SMS provider for local runs and tests: it accepts what a provider's send API would and keeps it in
/// memory, so sent SMS can be read at GET /api/notifications/dev/sms. Mapped only when enabled, which only
/// Development allows (see AddApplicationServices). Reading it shows patients' phone numbers and texts, so it
/// follows the delivery log's rules: Operations policy, content per <see cref="NotificationAccess"/>, audited.
/// </summary>
public static class SmsSinkApi
{
    /// <summary>Posting is for this service's own SMS sender, which holds the sink's key; no user posts SMS.</summary>
    public const string SenderPolicy = "sms-sink-sender";

    public static AuthorizationBuilder AddSmsSinkSenderPolicy(this AuthorizationBuilder authorization) =>
        authorization.AddPolicy(SenderPolicy, p => p.RequireAssertion(c =>
            c.Resource is HttpContext http && http.RequestServices.GetRequiredService<SmsSink>().Admits(http.Request.Headers[SmsSink.KeyHeader])));

    public static RouteGroupBuilder MapSmsSinkApi(this RouteGroupBuilder api)
    {
        if (!((IEndpointRouteBuilder)api).ServiceProvider.GetRequiredService<IOptions<NotificationOptions>>().Value.SmsSinkEnabled)
        {
            return api;
        }
        var sink = api.MapGroup("/dev/sms").WithTag("Development SMS sink", "Stands in for an SMS provider in development: receives what the SMS sender would send, for checking.");
        sink.MapPost("/", Receive).WithName("ReceiveSms").WithRequestExample(NotificationExamples.Sms).RequireAuthorization(SenderPolicy)
            .WithSummary("Receive an SMS (development sink)")
            .WithDescription("Where this service's own SMS sender delivers in development, instead of a provider; it needs the sink's key.");
        sink.MapGet("/", ListAsync).WithName("ListReceivedSms").RequireAuthorization(Policies.Operations)
            .WithSummary("SMS received by the development sink")
            .WithDescription("Every SMS the development sink received, newest first, for checking what patients would get.");
        return api;
    }

    private static Results<Accepted, ValidationProblem> Receive(SmsSink received, SmsRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.To) || string.IsNullOrWhiteSpace(request.Body))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["to"] = ["to and body are required."] });
        }
        received.Add(request);
        return TypedResults.Accepted((string?)null);
    }

    /// <summary>The SMS of messages in the caller's delivery log; number and text only where the caller may read the message.</summary>
    private static async Task<Ok<IReadOnlyList<SmsSinkEntry>>> ListAsync(
        SmsSink received, NotificationDbContext db, NotificationAccess access, ContactAudit audit, CancellationToken ct)
    {
        var all = received.All;
        var ids = all.Select(s => Guid.TryParse(s.Reference, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList();
        var messages = await access.DeliveryLog(db.Messages.AsNoTracking()).Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id.ToString(), ct);
        var withContent = messages.Values.Where(access.ShowsContentOf).Select(m => m.Id.ToString()).ToHashSet();
        await audit.RecipientsShownAsync(messages.Values.Where(m => withContent.Contains(m.Id.ToString())), ContactAudit.SmsRecord, ct);
        return TypedResults.Ok<IReadOnlyList<SmsSinkEntry>>([.. all.Where(s => messages.ContainsKey(s.Reference)).Select(s =>
            withContent.Contains(s.Reference) ? new SmsSinkEntry(s.To, s.Body, s.Reference) : new SmsSinkEntry(null, null, s.Reference))]);
    }
}
