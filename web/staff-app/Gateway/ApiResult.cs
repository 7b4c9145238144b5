namespace MedMassage.StaffApp.Gateway;

/// <summary>A service's answer: the value, or the refusal it gave (its ProblemDetails), ready to show to the person.</summary>
/// <summary>What a call returned: its value or its problem, and the version of what it returned (its ETag), if any.</summary>
public sealed record ApiResult<T>(T? Value, ApiProblem? Problem, string? ETag = null)
{
    public bool Ok => Problem is null;
}

/// <summary>A ProblemDetails answer: its title, detail, rule and the per-field errors of a validation problem.</summary>
public sealed record ApiProblem(int Status, string Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    public string Message => Errors.Count == 0
        ? Detail ?? Title
        : $"{Detail ?? Title} {string.Join(" ", Errors.SelectMany(e => e.Value.Select(v => $"{e.Key}: {v}")))}".Trim();
}
