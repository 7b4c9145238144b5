using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace MedMassage.Testing;

/// <summary>A service's process killed outright, as the kernel's OOM killer would, and the AppHost's restart of it.</summary>
public static class ServiceKill
{
    public static async Task<string> KillAndAwaitRestartAsync(RunningSuite suite, string service)
    {
        var clock = Stopwatch.StartNew();
        var pid = await KillAsync(suite, service);
        await AwaitRestartAsync(suite, service, pid);
        return $"{service} back in {clock.Elapsed.TotalSeconds:0.0} s";
    }

    /// <summary>SIGKILL to the resource's process; returns the process id it had.</summary>
    public static async Task<int> KillAsync(RunningSuite suite, string service)
    {
        var pid = suite.ProcessIdOf(service) ?? throw new InvalidOperationException($"{service} has no process.");
        using var kill = Process.Start("kill", ["-KILL", pid.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        return pid;
    }

    /// <summary>Waits until the resource runs as a new process (<paramref name="killed"/> gone) and answers healthy.</summary>
    public static async Task AwaitRestartAsync(RunningSuite suite, string service, int killed)
    {
        await Eventually.WaitAsync(() => Task.FromResult(suite.ProcessIdOf(service)), p => p is { } now && now != killed,
            TimeSpan.FromMinutes(2), $"{service} started again");
        await Eventually.WaitAsync(async () =>
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            try
            {
                return (await http.GetAsync(new Uri(suite.EndpointOf(service), "/health"))).StatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return HttpStatusCode.ServiceUnavailable; // not listening yet, or still too busy starting to answer
            }
        }, status => status == HttpStatusCode.OK, TimeSpan.FromMinutes(2), $"{service} healthy again");
    }
}
