using MedMassage.StaffApp.Extensions;
using MedMassage.StaffApp.Session;
using Microsoft.Extensions.Http.Resilience;

namespace MedMassage.StaffApp.Gateway;

internal static class GatewayClientExtensions
{
    public static void AddGatewayClient(this IHostApplicationBuilder builder, StaffAppOptions options)
    {
        // Retries only for reads: a repeated booking or signature must never come from the app itself.
#pragma warning disable EXTEXP0001 // replacing the default pipeline is the only way to change its retry rule per client
        builder.Services.AddHttpClient<GatewayClient>(c => c.BaseAddress = options.Gateway)
            .RemoveAllResilienceHandlers()
            .AddStandardResilienceHandler(r => r.Retry.DisableForUnsafeHttpMethods());
        builder.Services.AddHttpClient(TokenRefresher.IssuerClient).RemoveAllResilienceHandlers().AddStandardResilienceHandler(r => r.Retry.DisableForUnsafeHttpMethods());
#pragma warning restore EXTEXP0001
    }
}
