namespace Microsoft.AspNetCore.Builder;

public static class SchedulingApiExtensions
{
    public static IEndpointRouteBuilder MapSchedulingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/scheduling");
        return app;
    }
}
