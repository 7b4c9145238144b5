using MedMassage.Testing;

namespace MedMassage.LoadTest;

/// <summary>
/// A staff member's access token, renewed in the background well before it expires (the identity service issues
/// tokens for five minutes at most), so no measured request waits for it. Renewal uses the refresh token, as the
/// staff web app does: signing in again would verify the password, a deliberately costly hash that would land on
/// the cores a measured run is using.
/// </summary>
public sealed class StaffToken : IAsyncDisposable
{
    private static readonly TimeSpan Renewal = TimeSpan.FromMinutes(2);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewing;
    private volatile string _current;

    private StaffToken(StaffSession session, Func<StaffSession, Task<StaffSession>> renew)
    {
        _current = session.AccessToken;
        _renewing = RenewAsync(session, renew);
    }

    public string Current => _current;

    public static async Task<StaffToken> SignInAsync(Uri gateway, string userName, string password)
    {
        var session = await SuiteTokens.StaffSessionAsync(gateway, userName, password);
        return new StaffToken(session, current => current.RefreshToken is null
            ? SuiteTokens.StaffSessionAsync(gateway, userName, password)
            : SuiteTokens.RefreshAsync(gateway, current));
    }

    private async Task RenewAsync(StaffSession session, Func<StaffSession, Task<StaffSession>> renew)
    {
        try
        {
            var wait = Renewal;
            while (true)
            {
                await Task.Delay(wait, _stop.Token);
                try
                {
                    session = await renew(session);
                    _current = session.AccessToken;
                    wait = Renewal;
                }
                catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TaskCanceledException)
                {
                    Console.Error.WriteLine($"Token renewal failed, retrying in 10 s: {e.Message}");
                    wait = TimeSpan.FromSeconds(10);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _renewing;
        _stop.Dispose();
    }
}
