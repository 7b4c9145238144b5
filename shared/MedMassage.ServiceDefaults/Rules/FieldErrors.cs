namespace MedMassage.ServiceDefaults.Rules;

/// <summary>
/// Every problem found in a request, by the JSON path of the field ("patient.dateOfBirth", "windows[1]"), so one 400
/// names all of them at once. Each service adds the checks its requests need as extension methods.
/// </summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public FieldErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }
        list.Add(message);
        return this;
    }

    public FieldErrors When(bool invalid, string field, string message) => invalid ? Add(field, message) : this;

    /// <summary>A nested part's errors, under the part's path.</summary>
    public void Merge(string prefix, IReadOnlyDictionary<string, string[]> nested)
    {
        foreach (var (field, messages) in nested)
        {
            foreach (var message in messages)
            {
                Add($"{prefix}.{field}", message);
            }
        }
    }

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
