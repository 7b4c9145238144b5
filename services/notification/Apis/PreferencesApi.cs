using System.Globalization;
using MedMassage.Notification.Api.Apis.Contracts;
using MedMassage.Notification.Api.Application.Access;
using MedMassage.Notification.Api.Domain.Messages;
using MedMassage.Notification.Api.Domain.Preferences;
using MedMassage.Notification.Api.Infrastructure;
using MedMassage.ServiceDefaults;
using MedMassage.ServiceDefaults.Identity;
using MedMassage.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// A patient's contact preferences: channel, language, opt-outs and quiet hours. They apply when a message is sent.
/// The front desk and clinic admins keep them, for patients of their locations (see <see cref="NotificationAccess"/>).
/// </summary>
public static class PreferencesApi
{
    public static RouteGroupBuilder MapPreferencesApi(this RouteGroupBuilder api)
    {
        var preferences = api.MapGroup("/preferences/{patientId:guid}").WithTag("Preferences", "How a patient wants to be contacted: channel, language, opt-outs and quiet hours.").RequireAuthorization(Policies.FrontDesk);
        preferences.MapGet("/", GetAsync).WithName("GetContactPreferences")
            .WithSummary("A patient's contact preferences")
            .WithDescription("Channel, language, opt-outs and quiet hours of a patient of the caller's locations; 404 for anyone else's patient.");
        preferences.MapPut("/", PutAsync).WithName("SetContactPreferences").WithRequestExample(NotificationExamples.Preferences)
            .WithSummary("Set a patient's contact preferences")
            .WithDescription("Replaces the patient's preferences; they apply to every message sent from then on. Unknown channels, languages or times are refused with 400.");
        return api;
    }

    private static async Task<Results<Ok<PreferencesResponse>, NotFound>> GetAsync(
        NotificationDbContext db, NotificationAccess access, Guid patientId, CancellationToken ct)
    {
        if (!await access.MayManagePatientAsync(patientId, ct))
        {
            return TypedResults.NotFound();
        }
        var preferences = await db.Preferences.FindAsync([patientId], ct);
        return preferences is null ? TypedResults.NotFound() : TypedResults.Ok(ToResponse(preferences));
    }

    private static async Task<Results<Ok<PreferencesResponse>, NotFound, ValidationProblem>> PutAsync(
        NotificationDbContext db, NotificationAccess access, TimeProvider time, Guid patientId, PreferencesRequest request, CancellationToken ct)
    {
        if (!await access.MayManagePatientAsync(patientId, ct))
        {
            return TypedResults.NotFound();
        }
        var errors = new Dictionary<string, string[]>();
        var channel = MessagesApi.ParseEnum<Channel>(request.Channel ?? "", "channel", errors);
        if (request.Language is null || !PatientPreferences.Languages.Contains(request.Language))
        {
            errors["language"] = [$"language must be one of {string.Join(", ", PatientPreferences.Languages)}."];
        }
        var start = ParseTime(request.QuietHoursStart, "quietHoursStart", errors);
        var end = ParseTime(request.QuietHoursEnd, "quietHoursEnd", errors);
        if ((start is null) != (end is null) && !errors.ContainsKey("quietHoursStart") && !errors.ContainsKey("quietHoursEnd"))
        {
            errors["quietHours"] = ["quietHoursStart and quietHoursEnd are given together or not at all."];
        }
        else if (start is not null && start == end)
        {
            errors["quietHours"] = ["quiet hours must start and end at different times."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var preferences = await db.Preferences.FindAsync([patientId], ct);
        if (preferences is null)
        {
            preferences = PatientPreferences.For(patientId);
            db.Preferences.Add(preferences);
        }
        var quiet = start is { } s && end is { } e ? new QuietHours(s, e) : null;
        preferences.Update(channel!.Value, request.Language!, request.RemindersOptedOut, request.ClinicalOptedOut, quiet, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToResponse(preferences));
    }

    private static TimeOnly? ParseTime(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return null;
        }
        if (TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }
        errors[field] = [$"{field} must be a local time as HH:mm."];
        return null;
    }

    private static PreferencesResponse ToResponse(PatientPreferences p) => new(
        p.PatientId, p.Channel.WireName(), p.Language, p.RemindersOptedOut, p.ClinicalOptedOut,
        p.QuietHoursStart?.ToString("HH:mm", CultureInfo.InvariantCulture), p.QuietHoursEnd?.ToString("HH:mm", CultureInfo.InvariantCulture), p.UpdatedAt);
}
