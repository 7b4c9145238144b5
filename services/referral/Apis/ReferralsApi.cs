namespace Microsoft.AspNetCore.Builder;

public static class ReferralsApiExtensions
{
    public static IEndpointRouteBuilder MapReferralsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/referrals");
        return app;
    }
}
