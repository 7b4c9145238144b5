using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace MedMassage.ServiceDefaults.Rules;

/// <summary>A refusal as the API answers it: ProblemDetails whose <c>rule</c> (and <c>type</c>) name the rule.</summary>
public static class RefusalProblems
{
    public static ProblemDetails ToProblem(this Refusal refusal, int status, string title) => new()
    {
        Status = status,
        Title = title,
        Detail = refusal.Reason,
        Type = $"https://medmassage.example/problems/{refusal.Rule}",
        Extensions = { ["rule"] = refusal.Rule },
    };

    /// <summary>409: the record's state does not allow the change.</summary>
    public static Conflict<ProblemDetails> ToConflict(this Refusal refusal, string title) =>
        TypedResults.Conflict(refusal.ToProblem(StatusCodes.Status409Conflict, title));

    public static NotFound<ProblemDetails> ToNotFound(this Refusal refusal) =>
        TypedResults.NotFound(refusal.ToProblem(StatusCodes.Status404NotFound, "Not found."));
}
