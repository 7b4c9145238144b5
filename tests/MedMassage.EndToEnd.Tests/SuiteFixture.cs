using MedMassage.Testing;

namespace MedMassage.EndToEnd.Tests;

/// <summary>The whole suite, started once for these tests exactly as README's first command starts it.</summary>
public sealed class SuiteFixture : IAsyncLifetime
{
    public AppHostProcess AppHost { get; private set; } = null!;

    public HttpClient Gateway { get; private set; } = null!;

    /// <summary>Server data lives here, so the test can read the development SMTP server's mailbox.</summary>
    public string StateDirectory { get; } = Path.Combine(Path.GetTempPath(), $"medmassage-e2e-{Guid.NewGuid():N}"[..25]);

    /// <summary>Every message the development SMTP server accepted, raw.</summary>
    public IReadOnlyList<string> Mailbox()
    {
        var mailbox = Path.Combine(StateDirectory, "smtp", "mailbox", "new");
        return Directory.Exists(mailbox) ? [.. Directory.GetFiles(mailbox).Select(File.ReadAllText)] : [];
    }

    public async Task InitializeAsync()
    {
        AppHost = await AppHostProcess.StartAsync(TimeSpan.FromSeconds(300), "--state-dir", StateDirectory);
        Gateway = new HttpClient { BaseAddress = AppHost.GatewayUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        Gateway.Dispose();
        await AppHost.DisposeAsync();
        try { Directory.Delete(StateDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class SuiteCollection : ICollectionFixture<SuiteFixture>
{
    public const string Name = "suite";
}
