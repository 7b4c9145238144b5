namespace MedMassage.AppHost.Hosting;

internal static class ResourceTable
{
    public static void Print(IEnumerable<Resource> resources)
    {
        Console.WriteLine();
        Console.WriteLine($"{"RESOURCE",-20} {"STATE",-10} {"PID",-8} ENDPOINT");
        foreach (var r in resources)
        {
            Console.WriteLine($"{r.Name,-20} {r.State,-10} {r.ProcessId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",-8} {Mask(r.Endpoints.FirstOrDefault() ?? "")}");
        }
        Console.WriteLine();
    }

    /// <summary>Connection strings are shown without their passwords.</summary>
    public static string Mask(string value) =>
        System.Text.RegularExpressions.Regex.Replace(value, @"(Password=)[^;]*|(://[^:/@]+:)[^@]*(@)", m =>
            m.Groups[1].Success ? m.Groups[1].Value + "****" : m.Groups[2].Value + "****" + m.Groups[3].Value);
}
