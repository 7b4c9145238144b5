using System.Globalization;

namespace MedMassage.LoadTest;

/// <summary>What to run and how hard; every value can be given as <c>--name value</c>.</summary>
public sealed record LoadTestOptions
{
    public int Therapists { get; init; } = 20;
    public double SearchRate { get; init; } = 200;
    public int SearchSeconds { get; init; } = 30;
    public int WarmUpSeconds { get; init; } = 15;

    /// <summary>Slot search straight to scheduling-api for this long, to separate the gateway's share (0: skip).</summary>
    public int DirectSearchSeconds { get; init; } = 10;

    /// <summary>The same search for one therapist's week (a twentieth of the answer), to separate per-request from per-slot cost (0: skip).</summary>
    public int OneTherapistSearchSeconds { get; init; } = 10;

    /// <summary>Clients searching back to back, for the most searches a second the suite answers (0 seconds: skip).</summary>
    public int SearchCapacityClients { get; init; } = 8;
    public int SearchCapacitySeconds { get; init; } = 10;

    /// <summary>Closed loop: this many clients book back to back for <see cref="SustainedSeconds"/>.</summary>
    public int SustainedClients { get; init; } = 64;
    public int SustainedSeconds { get; init; } = 15;

    /// <summary>Referrals fed in for the closed loop; it stops early (and says so) if they run out.</summary>
    public int SustainedReferrals { get; init; } = 4000;

    public double BookingRate { get; init; } = 500;

    /// <summary>Long enough that a backlog anywhere in the suite (outbox, consumers, e-mail) would pull the rate down.</summary>
    public int BookingRateSeconds { get; init; } = 30;

    /// <summary>Open-loop requests waiting for an answer at most; more are sent late (and their lateness counts).</summary>
    public int MaxInFlight { get; init; } = 1000;

    /// <summary>Passed to the AppHost's <c>--replicas</c> (e.g. <c>scheduling-api=2</c>): the same load on more processes.</summary>
    public string? Replicas { get; init; }

    public int ContendedSlots { get; init; } = 100;
    public int RacersPerSlot { get; init; } = 20;

    public static LoadTestOptions Parse(string[] args)
    {
        var options = new LoadTestOptions();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            int Int() => int.Parse(value, CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--therapists" => options with { Therapists = Int() },
                "--search-rate" => options with { SearchRate = double.Parse(value, CultureInfo.InvariantCulture) },
                "--search-seconds" => options with { SearchSeconds = Int() },
                "--warm-up-seconds" => options with { WarmUpSeconds = Int() },
                "--direct-search-seconds" => options with { DirectSearchSeconds = Int() },
                "--one-therapist-search-seconds" => options with { OneTherapistSearchSeconds = Int() },
                "--search-capacity-clients" => options with { SearchCapacityClients = Int() },
                "--search-capacity-seconds" => options with { SearchCapacitySeconds = Int() },
                "--sustained-clients" => options with { SustainedClients = Int() },
                "--sustained-seconds" => options with { SustainedSeconds = Int() },
                "--sustained-referrals" => options with { SustainedReferrals = Int() },
                "--booking-rate" => options with { BookingRate = double.Parse(value, CultureInfo.InvariantCulture) },
                "--booking-rate-seconds" => options with { BookingRateSeconds = Int() },
                "--max-in-flight" => options with { MaxInFlight = Int() },
                "--contended-slots" => options with { ContendedSlots = Int() },
                "--racers-per-slot" => options with { RacersPerSlot = Int() },
                "--replicas" => options with { Replicas = value },
                _ => throw new ArgumentException($"Unknown option {args[i]}"),
            };
        }
        return options;
    }
}
