using MedMassage.Scheduling.Api.Apis;

namespace Microsoft.AspNetCore.Builder;

public static class SchedulingApiExtensions
{
    public static IEndpointRouteBuilder MapSchedulingApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/scheduling")
            .MapLocationsApi()
            .MapTherapistsApi()
            .MapAppointmentTypesApi()
            .MapReferralsApi()
            .MapSlotsApi()
            .MapAppointmentsApi()
            .MapSeriesApi()
            .MapWaitlistApi()
            .MapFiguresApi()
            .MapCalendarFeedApi();
        return app;
    }
}
