namespace Microsoft.AspNetCore.Builder;

public static class ClinicalNotesApiExtensions
{
    public static IEndpointRouteBuilder MapClinicalNotesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/notes");
        return app;
    }
}
