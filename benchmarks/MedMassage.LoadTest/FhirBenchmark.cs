using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MedMassage.Testing;

namespace MedMassage.LoadTest;

/// <summary>
/// FHIR reads and searches of ServiceRequest and Appointment through the gateway, each beside its REST equivalent in
/// the same run and at the same rate: an office system's referrals (submitted as FHIR), accepted and booked by the clinic.
/// </summary>
public sealed class FhirBenchmark(Suite suite, Clinic clinic)
{
    private const string Orders = "urn:oid:2.16.840.1.113883.3.7.1";
    private readonly List<(Guid Referral, Guid Appointment, string Order)> _booked = [];

    public static async Task<int> RunAsync(Suite suite, Meters meters, Clinic clinic, double rate, TimeSpan duration)
    {
        var benchmark = new FhirBenchmark(suite, clinic);
        using var office = await benchmark.OfficeAsync();
        await benchmark.ReferAndBookAsync(office, 50);
        var runs = new List<RunResult>();
        var n = benchmark._booked.Count;
        (string Name, HttpClient Client, Func<int, string> Path)[] cases =
        [
            ("FHIR read ServiceRequest", office, i => $"/fhir/ServiceRequest/{benchmark._booked[i % n].Referral}"),
            ("REST read referral", office, i => $"/api/referrals/{benchmark._booked[i % n].Referral}"),
            ("FHIR search ServiceRequest?identifier", office, i => $"/fhir/ServiceRequest?identifier={Orders}|{benchmark._booked[i % n].Order}"),
            ("REST inbox page (20)", suite.Gateway, _ => "/api/referrals?pageSize=20"),
            ("FHIR read Appointment", office, i => $"/fhir/Appointment/{benchmark._booked[i % n].Appointment}"),
            ("REST read appointment", suite.Gateway, i => $"/api/scheduling/appointments/{benchmark._booked[i % n].Appointment}"),
            ("FHIR search Appointment?based-on", office, i => $"/fhir/Appointment?based-on=ServiceRequest/{benchmark._booked[i % n].Referral}"),
            ("REST appointments?referralId", suite.Gateway, i => $"/api/scheduling/appointments?referralId={benchmark._booked[i % n].Referral}"),
        ];
        foreach (var (name, client, path) in cases)
        {
            await Load.OpenLoopAsync(rate, TimeSpan.FromSeconds(5), 200, i => GetAsync(client, path(i))); // warm-up, unmeasured
            await Quiet.WaitAsync(meters.Cpu);
            var run = await meters.MeasureAsync(async () => (await Load.OpenLoopAsync(rate, duration, 200, i => GetAsync(client, path(i)))).Result($"{name}, {rate:0}/s", 200));
            runs.Add(run);
            Console.Write(Report.Runs([run]));
        }
        Console.WriteLine();
        Console.WriteLine("RESULTS");
        Console.Write(Report.Runs(runs));
        return runs.All(r => r.Errors == 0) ? 0 : 1;
    }

    private static async Task<int> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        await response.Content.ReadAsByteArrayAsync();
        return (int)response.StatusCode;
    }

    private async Task<HttpClient> OfficeAsync()
    {
        var token = await SuiteTokens.WithClientSecretAsync(suite.GatewayUrl, "physician-office-dev", "dev-office-secret",
            "system/ServiceRequest.write system/ServiceRequest.read system/Appointment.read");
        var client = new HttpClient { BaseAddress = suite.GatewayUrl, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    // Referrals as FHIR, accepted and booked by the clinic's admin (an evaluation each, one a working hour).
    private async Task ReferAndBookAsync(HttpClient office, int count)
    {
        var week = Clinic.FirstFullWeek();
        for (var i = 0; i < count; i++)
        {
            var order = $"ORD-{Guid.NewGuid():N}";
            using var created = await office.PostAsync("/fhir/ServiceRequest", new StringContent(Referral(order), Encoding.UTF8, "application/fhir+json"));
            var body = await created.Content.ReadAsStringAsync();
            if (!created.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"ServiceRequest refused ({(int)created.StatusCode}): {body}");
            }
            var referral = Guid.Parse(JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!);
            (await suite.Gateway.PostAsync($"/api/referrals/{referral}/accept", null)).EnsureSuccessStatusCode();
            var slot = i % (8 * 5);
            var startsAt = clinic.At(week.AddDays(slot / 8), 9 + slot % 8);
            var therapist = clinic.Therapists[i / 40 % clinic.Therapists.Count];
            var appointment = await Eventually.WaitAsync(() => suite.Gateway.PostAsJsonAsync("/api/scheduling/appointments",
                new { referralId = referral, locationId = clinic.LocationId, therapistId = therapist, appointmentType = "evaluation", startsAt }),
                r => r.IsSuccessStatusCode, TimeSpan.FromSeconds(30), "evaluation booked");
            var id = (await appointment.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            _booked.Add((referral, id, order));
        }
        Console.WriteLine($"  {count} referrals submitted as FHIR, accepted and booked");
    }

    private string Referral(string order)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return JsonSerializer.Serialize(new
        {
            resourceType = "ServiceRequest",
            identifier = new[] { new { system = Orders, value = order } },
            status = "active",
            intent = "order",
            subject = new { reference = "#p" },
            requester = new { reference = "#dr" },
            reasonCode = new[] { new { coding = new[] { new { system = "http://hl7.org/fhir/sid/icd-10-cm", code = "M54.50" } } } },
            orderDetail = new[] { new { coding = new[] { new { system = "https://medmassage.example/fhir/CodeSystem/technique", code = "myofascial-release" } } } },
            bodySite = new[] { new { text = "lower-back" } },
            occurrenceTiming = new { repeat = new { frequency = 2, period = 1, periodUnit = "wk", count = 12, boundsPeriod = new { start = $"{today:yyyy-MM-dd}", end = $"{today.AddDays(90):yyyy-MM-dd}" } } },
            quantityQuantity = new { value = 12, unit = "visits" },
            locationReference = new[] { new { reference = $"Location/{clinic.LocationId}" } },
            contained = new object[]
            {
                new { resourceType = "Patient", id = "p", name = new[] { new { family = "Okafor", given = new[] { "Ada" } } }, birthDate = "1975-03-09",
                    telecom = new[] { new { system = "email", value = $"{order}@patients.example" } } },
                new { resourceType = "Practitioner", id = "dr", identifier = new[] { new { system = "http://hl7.org/fhir/sid/us-npi", value = "1234567893" } },
                    name = new[] { new { text = "Dr. Jane Doe" } }, telecom = new[] { new { system = "phone", value = "+1 555 0199" } } },
            },
        });
    }
}
