using MedMassage.ClinicalNotes.Api.Apis;

namespace Microsoft.AspNetCore.Builder;

public static class ClinicalNotesApiExtensions
{
    public static IEndpointRouteBuilder MapClinicalNotesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/clinical-notes").AddEndpointFilter<ClinicalProblemsFilter>();
        api.MapCare()
            .MapEvaluations()
            .MapTreatmentPlans()
            .MapVisitNotes()
            .MapReports()
            .MapOutcomes()
            .MapAudit()
            .MapPhysicianLinks()
            .MapPreviews();
        return app;
    }
}
