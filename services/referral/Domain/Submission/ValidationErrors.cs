namespace MedMassage.Referral.Api.Domain.Submission;

/// <summary>Every problem found in a request, by the JSON path of the field ("patient.dateOfBirth", "diagnoses[1]").</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }
        list.Add(message);
    }

    /// <summary>Adds an error and returns null when the text is missing; otherwise returns it trimmed.</summary>
    public string? Required(string field, string? value, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "Required.");
            return null;
        }
        return MaxLength(field, value, maxLength);
    }

    public string? Optional(string field, string? value, int maxLength = 200) =>
        string.IsNullOrWhiteSpace(value) ? null : MaxLength(field, value, maxLength);

    public IDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    private string MaxLength(string field, string value, int maxLength)
    {
        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
        {
            Add(field, $"At most {maxLength} characters.");
        }
        return trimmed;
    }
}
