using System.Globalization;
using MedMassage.Scheduling.Api.Domain;
using MedMassage.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace MedMassage.Scheduling.Api.Apis;

/// <summary>Collects every problem with a request, so one answer names all bad fields.</summary>
public sealed class Problems
{
    private readonly Dictionary<string, List<string>> _errors = [];

    public bool Any => _errors.Count > 0;

    public Problems Add(string field, string message)
    {
        (_errors.TryGetValue(field, out var list) ? list : _errors[field] = []).Add(message);
        return this;
    }

    public T? Required<T>(string field, T? value) where T : struct
    {
        if (value is null)
        {
            Add(field, $"{field} is required.");
        }
        return value;
    }

    /// <summary>A required instant within a sane range (far-off dates would overflow time arithmetic).</summary>
    public DateTimeOffset? Instant(string field, DateTimeOffset? value)
    {
        if (Required(field, value) is { } instant && instant.UtcDateTime.Year is < 2000 or > 2200)
        {
            Add(field, $"{field} must be between the years 2000 and 2200.");
            return null;
        }
        return value;
    }

    public string Text(string field, string? value, int max = 200)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, $"{field} is required.");
            return "";
        }
        if (value.Length > max)
        {
            Add(field, $"{field} must be at most {max} characters.");
        }
        return value.Trim();
    }

    public TimeOnly Time(string field, string? value)
    {
        if (TimeOnly.TryParseExact(value, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }
        Add(field, $"{field} must be a local time such as 09:00.");
        return default;
    }

    public DayOfWeek Day(string field, string? value)
    {
        if (ApiJson.TryParse<DayOfWeek>(value, out var day))
        {
            return day;
        }
        Add(field, $"{field} must be a day of the week such as monday.");
        return default;
    }

    public ValidationProblem ToResult() =>
        TypedResults.ValidationProblem(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
}

public static class RefusalResults
{
    public static Conflict<ProblemDetails> Conflict(Refusal refusal) => TypedResults.Conflict(new ProblemDetails
    {
        Status = StatusCodes.Status409Conflict,
        Title = "The request breaks a scheduling rule.",
        Detail = refusal.Reason,
        Type = $"https://medmassage.example/problems/{refusal.Rule}",
        Extensions = { ["rule"] = refusal.Rule },
    });

    public static NotFound<ProblemDetails> NotFound(Refusal refusal) => TypedResults.NotFound(new ProblemDetails
    {
        Status = StatusCodes.Status404NotFound,
        Title = "Not found.",
        Detail = refusal.Reason,
    });
}
