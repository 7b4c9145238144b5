using System.Text;
using System.Text.Json;
using MedMassage.Testing;

namespace MedMassage.EndToEnd.Tests;

/// <summary>
/// A bounded fuzz run through the gateway over every operation of every service's OpenAPI document: wrong types,
/// missing and extra fields, huge strings and arrays, unicode edge cases, impossible dates and zones, negative
/// numbers, unknown ids. Whatever comes back must be a 4xx (or a success), never a 5xx; and the changes, all sent
/// before the reads, must leave every database as it was when each of them is refused.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class BadInputTests(SuiteFixture suite, Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly string[] Services = ["referral-api", "scheduling-api", "clinical-notes-api", "notification-api", "identity-api"];
    private const int VariantsPerOperation = 12;

    /// <summary><c>FUZZ_FULL=1</c>: every bad value in every field and parameter of every operation (docs/benchmarks.md).</summary>
    private static readonly bool Full = Environment.GetEnvironmentVariable("FUZZ_FULL") == "1";

    /// <summary>Posted, yet stores nothing: a preview computes an answer (billable units) from the body alone.</summary>
    private static readonly string[] ComputedByPost = ["/api/clinical-notes/previews/"];

    /// <summary>Values of every wrong kind, tried in turn on an operation's fields and parameters.</summary>
    private static readonly object?[] BadValues =
    [
        12345, "not-a-guid", new string('x', 100_000), Enumerable.Range(0, 10_000).ToArray(), "2026-02-30", "25:61",
        "Mars/Olympus_Mons", "\u0000\u202E😀\uD800", -1, true, null, new { nested = new { deeper = "" } }, 1e308, "",
    ];

    [Fact]
    public async Task No_bad_input_to_any_operation_gets_a_server_error_and_refused_changes_change_nothing()
    {
        using var staff = suite.GatewayAs(await SuiteTokens.StaffAsync(suite.GatewayUrl, "admin", "dev-admin"));
        using var system = suite.GatewayAs(await SuiteTokens.WithSignedAssertionAsync(suite.GatewayUrl, SuiteFixture.HospitalClientId, suite.HospitalKey,
            "system/ServiceRequest.write system/ServiceRequest.read system/Appointment.write system/Appointment.read system/Slot.read system/Patient.read"));
        var run = new FuzzRun(staff, system);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var admin = await suite.Suite.ConnectionStringAsync("postgres");
        await Task.Delay(TimeSpan.FromSeconds(2)); // what earlier tests started has settled
        var before = await DatabaseSnapshot.TakeAsync(admin);
        Assert.True(before.Tables.Count > 30, $"only {before.Tables.Count} tables watched"); // every service's own tables

        await RunAsync(run, reads: false);
        var changed = (await DatabaseSnapshot.TakeAsync(admin)).ChangedSince(before);
        await RunAsync(run, reads: true);

        output.WriteLine($"{(Full ? "Full run" : "CI slice")}: {run.Operations} operations, {run.Requests} requests in {clock.Elapsed.TotalSeconds:0} s; "
            + $"server errors {run.Failures.Count}, bad changes accepted {run.AcceptedChanges.Count}, tables changed by refused changes {changed.Count} of {before.Tables.Count}");
        Assert.True(run.Operations > 100 && run.Requests > 500, $"only {run.Operations} operations, {run.Requests} requests");
        Assert.True(run.Failures.Count == 0, $"{run.Failures.Count} server errors of {run.Requests} requests:\n{string.Join("\n", run.Failures.Take(30))}");
        Assert.True(changed.Count == 0, $"refused changes changed {string.Join(", ", changed)}");
        Assert.True(run.AcceptedChanges.Count == 0, $"{run.AcceptedChanges.Count} bad changes were accepted:\n{string.Join("\n", run.AcceptedChanges.Take(20))}");
    }

    private sealed class FuzzRun(HttpClient staff, HttpClient system)
    {
        public List<string> Failures { get; } = [];
        public List<string> AcceptedChanges { get; } = [];
        public int Operations { get; set; }
        public int Requests { get; set; }
        public int Turn { get; set; }
        public HttpClient For(string path) => path.StartsWith("/fhir/", StringComparison.Ordinal) ? system : staff;
    }

    /// <summary>Every change (POST, PUT, PATCH, DELETE) of every document, or every read.</summary>
    private async Task RunAsync(FuzzRun run, bool reads)
    {
        foreach (var service in Services)
        {
            using var document = JsonDocument.Parse(await suite.Gateway.GetStringAsync($"/openapi/{service}.json"));
            var schemas = document.RootElement.TryGetProperty("components", out var components) && components.TryGetProperty("schemas", out var s) ? s : default;
            foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
            {
                foreach (var operation in path.Value.EnumerateObject().Where(o => reads ? o.Name is "get" : o.Name is "post" or "put" or "patch" or "delete"))
                {
                    run.Operations++;
                    foreach (var request in Variants(path.Name, operation, schemas, run.Turn++))
                    {
                        run.Requests++;
                        using var response = await run.For(path.Name).SendAsync(request);
                        var answer = $"{request.Method} {path.Name} [{request.RequestUri}] → {(int)response.StatusCode}";
                        if (!reads && response.IsSuccessStatusCode && !ComputedByPost.Any(p => path.Name.StartsWith(p, StringComparison.Ordinal)))
                        {
                            run.AcceptedChanges.Add(answer);
                        }
                        if ((int)response.StatusCode >= 500)
                        {
                            var body = await response.Content.ReadAsStringAsync();
                            run.Failures.Add($"{answer}: {body[..Math.Min(300, body.Length)]}");
                        }
                        request.Dispose();
                    }
                }
            }
        }
    }

    private static IEnumerable<HttpRequestMessage> Variants(string template, JsonProperty operation, JsonElement schemas, int turn)
    {
        var method = new HttpMethod(operation.Name.ToUpperInvariant());
        var hasBody = operation.Name is "post" or "put" or "patch";
        var fields = hasBody ? BodyFields(operation.Value, schemas) : [];
        var queries = Parameters(operation.Value, "query");
        string Path(int i) => System.Text.RegularExpressions.Regex.Replace(template, "{[^}]+}",
            i % 3 == 0 ? Guid.NewGuid().ToString() : i % 3 == 1 ? "not-a-guid" : new string('9', 300));

        // The full run tries every bad value in every field and parameter; CI's slice takes a dozen, turning through them.
        var width = Math.Max(1, Math.Max(fields.Count, queries.Count));
        var count = Full ? 3 + width * BadValues.Length : VariantsPerOperation;
        for (var i = 0; i < count; i++)
        {
            var value = Full ? BadValues[i / width % BadValues.Length] : BadValues[(turn + i) % BadValues.Length];
            var query = queries.Count == 0 ? "" : $"?{Uri.EscapeDataString(queries[i % queries.Count])}={Uri.EscapeDataString(Text(value))}";
            var request = new HttpRequestMessage(method, Path(i) + query);
            if (hasBody)
            {
                var body = fields.Count == 0 || i < 3
                    ? (i % 3 == 0 ? "null" : i % 3 == 1 ? "[]" : "{\"unexpected\":true}")
                    : JsonSerializer.Serialize(new Dictionary<string, object?> { [fields[i % fields.Count]] = value });
                request.Content = new StringContent(body, Encoding.UTF8, template.StartsWith("/fhir/", StringComparison.Ordinal) ? "application/fhir+json" : "application/json");
            }
            yield return request;
        }
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        string text => text.Length > 2000 ? text[..2000] : text,
        int[] numbers => string.Join(",", numbers.Take(500)),
        _ => JsonSerializer.Serialize(value),
    };

    private static List<string> Parameters(JsonElement operation, string where) =>
        operation.TryGetProperty("parameters", out var parameters)
            ? [.. parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == where).Select(p => p.GetProperty("name").GetString()!)]
            : [];

    // The request body's top-level properties, through one $ref.
    private static List<string> BodyFields(JsonElement operation, JsonElement schemas)
    {
        if (!operation.TryGetProperty("requestBody", out var body) || !body.TryGetProperty("content", out var content))
        {
            return [];
        }
        var schema = content.EnumerateObject().Select(c => c.Value).FirstOrDefault(c => c.TryGetProperty("schema", out _));
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("schema", out var s))
        {
            return [];
        }
        if (s.TryGetProperty("$ref", out var reference) && schemas.ValueKind == JsonValueKind.Object
            && schemas.TryGetProperty(reference.GetString()!.Split('/')[^1], out var resolved))
        {
            s = resolved;
        }
        return s.TryGetProperty("properties", out var properties) ? [.. properties.EnumerateObject().Select(p => p.Name)] : [];
    }
}
