using MedMassage.ClinicalNotes.Api.Domain.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MedMassage.ClinicalNotes.Api.Apis;

/// <summary>
/// Turns the domain's refusals into answers: invalid data 400 naming each field, a caller who may not make the change
/// 403, a broken rule 409 with the reason.
/// Nothing was saved when these are thrown, so nothing partial is stored.
/// </summary>
internal sealed class ClinicalProblemsFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (InvalidClinicalData e)
        {
            return TypedResults.ValidationProblem(e.Errors.ToDictionary(x => x.Key, x => x.Value, StringComparer.Ordinal));
        }
        catch (ClinicalAccessDenied e)
        {
            return ForbiddenProblem.Because(e.Message);
        }
        catch (RuleViolation e)
        {
            return ClinicalProblems.Conflict(e.Refusal);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ClinicalProblems.Conflict(new Refusal("changed-concurrently", "The record changed at the same time; reload and try again."));
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return ClinicalProblems.Conflict(new Refusal("already-documented", "This is already documented."));
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.IntegrityConstraintViolation } p)
        {
            return ClinicalProblems.Conflict(new Refusal("record-integrity", p.MessageText));
        }
    }
}

internal static class ClinicalProblems
{
    public static Conflict<ProblemDetails> Conflict(Refusal refusal) => refusal.ToConflict("The clinical record does not allow this.");

    public static NotFound<ProblemDetails> NotFound(string what) =>
        TypedResults.NotFound(new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found.", Detail = what });

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] });
}
