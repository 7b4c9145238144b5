using MedMassage.Scheduling.Api.Apis.Contracts;
using MedMassage.Scheduling.Api.Infrastructure;
using MedMassage.ServiceDefaults.Identity;
using MedMassage.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Scheduling.Api.Apis;

public static class AppointmentTypesApi
{
    public static RouteGroupBuilder MapAppointmentTypesApi(this RouteGroupBuilder api)
    {
        // Visit types are the chain's catalogue, not a location's: every clinic's staff read it, clinic admins keep it.
        var group = api.MapGroup("/appointment-types").WithTag("Appointment types", "The kinds of visit a clinic books (evaluation, treatment, re-evaluation) with their durations, by code.").RequireAuthorization(Policies.ClinicStaff);
        group.MapGet("/", async (SchedulingDbContext db, CancellationToken ct) =>
            TypedResults.Ok((await db.AppointmentTypes.AsNoTracking().OrderBy(t => t.Code).ToListAsync(ct)).Select(AppointmentTypeView.From))).WithName("ListAppointmentTypes")
            .WithSummary("The appointment types and their durations")
            .WithDescription("Every appointment type, by code. Front desk, therapists and clinic admins.");
        group.MapPut("/{code}", PutAsync).WithName("SetAppointmentType").WithRequestExample(SchedulingExamples.AppointmentType).RequireAuthorization(Policies.ClinicAdmin)
            .WithSummary("Set an appointment type's duration and kind")
            .WithDescription("Creates the type of that code or changes it: name, `kind` and duration in minutes. Clinic admins. 400 for an unknown kind or a duration out of range.");
        return api;
    }

    /// <summary>Creates or changes a type; existing appointments keep the times they were booked with.</summary>
    public static async Task<Results<Ok<AppointmentTypeView>, ValidationProblem>> PutAsync(
        string code, AppointmentTypeRequest request, SchedulingDbContext db, CancellationToken ct)
    {
        var problems = new FieldErrors();
        var proposed = request.ToType(code, problems);
        if (proposed is null)
        {
            return problems.ToResult();
        }
        var type = await db.AppointmentTypes.FirstOrDefaultAsync(t => t.Code == code, ct);
        if (type is null)
        {
            db.AppointmentTypes.Add(type = proposed);
        }
        else
        {
            type.Update(proposed.Name, proposed.Kind, proposed.DurationMinutes);
        }
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(AppointmentTypeView.From(type));
    }
}
