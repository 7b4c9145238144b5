using System.Globalization;
using MedMassage.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace MedMassage.Scheduling.Api.Apis;

/// <summary>The checks scheduling's requests need, each adding to the one list of bad fields.</summary>
public static class RequestChecks
{
    public static T? Required<T>(this FieldErrors problems, string field, T? value) where T : struct
    {
        if (value is null)
        {
            problems.Add(field, $"{field} is required.");
        }
        return value;
    }

    /// <summary>A required instant within a sane range (far-off dates would overflow time arithmetic).</summary>
    public static DateTimeOffset? Instant(this FieldErrors problems, string field, DateTimeOffset? value)
    {
        if (problems.Required(field, value) is { } instant && instant.UtcDateTime.Year is < 2000 or > 2200)
        {
            problems.Add(field, $"{field} must be between the years 2000 and 2200.");
            return null;
        }
        return value;
    }

    public static string Text(this FieldErrors problems, string field, string? value, int max = 200)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(field, $"{field} is required.");
            return "";
        }
        if (value.Length > max)
        {
            problems.Add(field, $"{field} must be at most {max} characters.");
        }
        return value.Trim();
    }

    public static TimeOnly Time(this FieldErrors problems, string field, string? value)
    {
        if (TimeOnly.TryParseExact(value, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }
        problems.Add(field, $"{field} must be a local time such as 09:00.");
        return default;
    }

    public static DayOfWeek Day(this FieldErrors problems, string field, string? value)
    {
        if (ApiJson.TryParse<DayOfWeek>(value, out var day))
        {
            return day;
        }
        problems.Add(field, $"{field} must be a day of the week such as monday.");
        return default;
    }

    public static ValidationProblem ToResult(this FieldErrors problems) => TypedResults.ValidationProblem(problems.ToDictionary());
}

public static class RefusalResults
{
    public static Conflict<ProblemDetails> Conflict(Refusal refusal) => refusal.ToConflict("The request breaks a scheduling rule.");

    public static NotFound<ProblemDetails> NotFound(Refusal refusal) => refusal.ToNotFound();
}
