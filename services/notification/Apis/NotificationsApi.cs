namespace Microsoft.AspNetCore.Builder;

public static class NotificationsApiExtensions
{
    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/notifications");
        api.MapMessagesApi();
        api.MapInboxApi();
        api.MapPreferencesApi();
        api.MapSmsSinkApi();
        return app;
    }
}
