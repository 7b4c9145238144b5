using MedMassage.Testing;

namespace MedMassage.Identity.Api.Tests.Support;

/// <summary>
/// One identity service for all tests of a class whose tests cannot disturb each other (each uses its own
/// assertion jti, its own cookies, reads only): started by the first test, stopped after the last.
/// </summary>
public sealed class SharedIdentityService : IAsyncLifetime
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private IdentityService? service;

    internal async Task<IdentityService> GetAsync(InfrastructureFixture infrastructure)
    {
        await gate.WaitAsync();
        try
        {
            return service ??= new IdentityService(infrastructure);
        }
        finally
        {
            gate.Release();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (service is not null)
        {
            await service.DisposeAsync();
        }
        gate.Dispose();
    }
}
