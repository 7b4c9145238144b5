namespace MedMassage.ClinicalNotes.Api.Domain.Common;

/// <summary>A clinical rule forbids the requested change in the record's current state (answered 409).</summary>
public sealed class ClinicalRuleViolation(string message) : Exception(message);

/// <summary>The caller may see the record but not make this change to it (answered 403); nothing is changed.</summary>
public sealed class ClinicalAccessDenied(string message) : Exception(message);

/// <summary>The submitted clinical data is invalid; every bad field is named (answered 400).</summary>
public sealed class InvalidClinicalData(IReadOnlyDictionary<string, string[]> errors)
    : Exception("The clinical data is invalid: " + string.Join(", ", errors.Keys))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}

/// <summary>Collects every field error before failing, so the caller learns all of them at once.</summary>
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

    public void Merge(string prefix, InvalidClinicalData nested)
    {
        foreach (var (field, messages) in nested.Errors)
        {
            foreach (var message in messages)
            {
                Add($"{prefix}.{field}", message);
            }
        }
    }

    public void ThrowIfAny()
    {
        if (Any)
        {
            throw new InvalidClinicalData(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
        }
    }
}
