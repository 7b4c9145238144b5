using MedMassage.Testing;

namespace MedMassage.LoadTest;

/// <summary>
/// A staff member's access token, signed in again in the background well before it expires (the identity
/// service issues tokens for five minutes at most), so no measured request waits for a sign-in.
/// </summary>
public sealed class StaffToken : IAsyncDisposable
{
    private static readonly TimeSpan Renewal = TimeSpan.FromMinutes(2);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewing;
    private volatile string _current;

    private StaffToken(string current, Func<Task<string>> signIn)
    {
        _current = current;
        _renewing = RenewAsync(signIn);
    }

    public string Current => _current;

    public static async Task<StaffToken> SignInAsync(Uri gateway, string userName, string password)
    {
        Task<string> SignIn() => SuiteTokens.StaffAsync(gateway, userName, password);
        return new StaffToken(await SignIn(), SignIn);
    }

    private async Task RenewAsync(Func<Task<string>> signIn)
    {
        try
        {
            var wait = Renewal;
            while (true)
            {
                await Task.Delay(wait, _stop.Token);
                try
                {
                    _current = await signIn();
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
