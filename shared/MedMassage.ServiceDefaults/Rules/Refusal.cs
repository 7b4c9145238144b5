namespace MedMassage.ServiceDefaults.Rules;

/// <summary>
/// Why the domain says no: a named rule ("slot-held", "referral-status") and a reason a front-desk user can act on.
/// Every service refuses with it; the API answers it as ProblemDetails carrying the rule (<see cref="RefusalProblems"/>).
/// </summary>
public sealed record Refusal(string Rule, string Reason)
{
    public const string NotFoundRule = "not-found";

    public bool IsNotFound => Rule == NotFoundRule;

    public static Refusal NotFound(string what) => new(NotFoundRule, $"{what} was not found.");
}

/// <summary>Either a value or the refusal that prevented it.</summary>
public readonly record struct Outcome<T>(T? Value, Refusal? Refusal)
{
    public bool Succeeded => Refusal is null;

    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(Refusal refusal) => new(default, refusal);
}

/// <summary>
/// A refusal thrown from the middle of a change (a domain method that mutates a record), so nothing half-changed is
/// saved; answered like any refusal.
/// </summary>
public sealed class RuleViolation(string rule, string reason) : Exception(reason)
{
    public Refusal Refusal { get; } = new(rule, reason);

    public string Rule => Refusal.Rule;
}
