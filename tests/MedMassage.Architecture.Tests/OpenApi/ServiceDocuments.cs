using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace MedMassage.Architecture.Tests.OpenApi;

/// <summary>
/// A service's <c>/openapi/v1.json</c>, as it serves it, from the service hosted in-process without its servers: the
/// document depends on the routes and the configuration only, so no background work is started and every connection
/// string names a port nothing listens on (nothing connects while the document is written).
/// </summary>
internal static class ServiceDocuments
{
    // Hosting a service takes seconds: each document is fetched once per test run, whichever test asks first.
    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Fetched = new(StringComparer.Ordinal);

    public static Task<string> GetAsync(string service) => Fetched.GetOrAdd(service, s => new Lazy<Task<string>>(() => FetchAsync(s))).Value;

    private static async Task<string> FetchAsync(string service)
    {
        var program = Assembly.Load(service).GetType("Program", throwOnError: true)!;
        var host = (IDocumentHost)Activator.CreateInstance(typeof(DocumentHost<>).MakeGenericType(program))!;
        await using var _ = (IAsyncDisposable)host;
        return await host.GetDocumentAsync();
    }

    private interface IDocumentHost
    {
        Task<string> GetDocumentAsync();
    }

    private sealed class DocumentHost<TProgram> : WebApplicationFactory<TProgram>, IDocumentHost where TProgram : class
    {
        private const string Nowhere = "Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none";

        public Task<string> GetDocumentAsync() => CreateClient().GetStringAsync("/openapi/v1.json");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            foreach (var database in new[] { "referraldb", "schedulingdb", "clinicalnotesdb", "notificationdb", "identitydb" })
            {
                builder.UseSetting($"ConnectionStrings:{database}", Nowhere);
                builder.UseSetting($"ConnectionStrings:{database}-owner", Nowhere);
            }
            builder.UseSetting("ConnectionStrings:eventbus", "amqp://none:none@127.0.0.1:1");
            builder.UseSetting("ConnectionStrings:redis", "127.0.0.1:1,abortConnect=false");
            builder.UseSetting("ConnectionStrings:smtp", "smtp://127.0.0.1:1");
            builder.UseSetting("Identity:KeysDirectory", Path.Combine(Path.GetTempPath(), $"medmassage-openapi-keys-{Guid.NewGuid():N}"));
            builder.ConfigureTestServices(services => services.RemoveAll<IHostedService>());
        }
    }
}
