namespace MedMassage.ClinicalNotes.Api.Domain.Common;

/// <summary>The caller may see the record but not make this change to it (answered 403); nothing is changed.</summary>
public sealed class ClinicalAccessDenied(string message) : Exception(message);

/// <summary>The submitted clinical data is invalid; every bad field is named (answered 400).</summary>
public sealed class InvalidClinicalData(IReadOnlyDictionary<string, string[]> errors)
    : Exception("The clinical data is invalid: " + string.Join(", ", errors.Keys))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}

/// <summary>Clinical data is checked whole, then refused with every bad field at once.</summary>
public static class ClinicalFieldErrors
{
    public static void Merge(this FieldErrors errors, string prefix, InvalidClinicalData nested) => errors.Merge(prefix, nested.Errors);

    public static void ThrowIfAny(this FieldErrors errors)
    {
        if (errors.Any)
        {
            throw new InvalidClinicalData(errors.ToDictionary());
        }
    }
}
