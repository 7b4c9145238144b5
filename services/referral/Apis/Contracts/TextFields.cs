namespace MedMassage.Referral.Api.Apis.Contracts;

/// <summary>The text checks a referral's fields need.</summary>
public static class TextFields
{
    /// <summary>Adds an error and returns null when the text is missing; otherwise returns it trimmed.</summary>
    public static string? Required(this FieldErrors errors, string field, string? value, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, "Required.");
            return null;
        }
        return errors.MaxLength(field, value, maxLength);
    }

    public static string? Optional(this FieldErrors errors, string field, string? value, int maxLength = 200) =>
        string.IsNullOrWhiteSpace(value) ? null : errors.MaxLength(field, value, maxLength);

    private static string MaxLength(this FieldErrors errors, string field, string value, int maxLength)
    {
        var trimmed = value.Trim();
        errors.When(trimmed.Length > maxLength, field, $"At most {maxLength} characters.");
        return trimmed;
    }
}
