namespace MedMassage.Scheduling.Api.Domain;

/// <summary>Why the domain says no: a named rule and a reason a front-desk user can act on.</summary>
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
