namespace MedMassage.AppHost;

internal static class SuiteRun
{
    /// <summary>Runs until Ctrl+C or SIGTERM (Aspire then stops every resource), then removes throwaway server data.</summary>
    public static async Task RunSuiteAsync(this DistributedApplication app, string stateDirectory, bool keepState)
    {
        try
        {
            await app.RunAsync();
        }
        finally
        {
            if (!keepState)
            {
                try { Directory.Delete(stateDirectory, recursive: true); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
            }
        }
    }
}
