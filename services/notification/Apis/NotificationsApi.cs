namespace Microsoft.AspNetCore.Builder;

public static class NotificationsApiExtensions
{
    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/notifications");
        return app;
    }
}
