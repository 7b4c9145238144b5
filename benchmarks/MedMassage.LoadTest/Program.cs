using System.Globalization;
using MedMassage.LoadTest;

// Load benchmark of scheduling through the gateway, on the whole suite as scripts/run.sh runs it. Prints figures.
CultureInfo.CurrentCulture = CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
// "fhir": FHIR reads and searches beside their REST equivalents (docs/benchmarks.md, FHIR); otherwise scheduling.
var fhirOnly = args.FirstOrDefault() == "fhir";
var options = LoadTestOptions.Parse(fhirOnly ? args[1..] : args);
Console.WriteLine($"MedMassage load test, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, load average {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3])}");
Console.WriteLine(options);

var started = System.Diagnostics.Stopwatch.StartNew();
await using var suite = await Suite.StartAsync(options.Replicas);
Console.WriteLine($"Suite up in {started.Elapsed.TotalSeconds:0} s; gateway {suite.GatewayUrl}");
var meters = new Meters(
    new CpuMeter(suite.Resources.Values.Where(r => r.ProcessId is not null).ToDictionary(r => r.Name, r => r.ProcessId!.Value), suite.Processes.Orchestration()),
    new PostgresActivity(suite.PostgresServer));
// The services on the measured path; not Aspire's dashboard, which keeps compiling as telemetry arrives.
var compilation = new BackgroundCompilation(suite.Resources.Values.Where(r => r.ProcessId is not null).Select(r => r.ProcessId!.Value));

var clinic = await Clinic.SetUpAsync(suite.Gateway, fhirOnly ? 2 : options.Therapists);
if (fhirOnly)
{
    return await FhirBenchmark.RunAsync(suite, meters, clinic, rate: 100, TimeSpan.FromSeconds(options.SearchSeconds));
}
var searchWeek = Clinic.FirstFullWeek();
var slots = new SlotPool(clinic, searchWeek.AddDays(7),
    options.SustainedReferrals + (int)(options.BookingRate * options.BookingRateSeconds) + options.ContendedSlots);
await using var referrals = await ReferralFeed.StartAsync(suite, clinic.LocationId);
Console.WriteLine($"Clinic set up: {clinic.Therapists.Count} therapists at {clinic.LocationId}, {Clinic.TimeZone}; search week from {searchWeek:yyyy-MM-dd}; bookings over {slots.Weeks} weeks after it");

var runs = new List<RunResult>();
void Print(RunResult run)
{
    runs.Add(run);
    Console.Write(Report.Runs([run]));
}

var search = new SlotSearchBenchmark(clinic, await referrals.AcceptAsync(50, slots.LastDay), searchWeek, meters);
await Quiet.WaitAsync(meters.Cpu);
try
{
    Console.WriteLine($"Slot search answer: {await search.DescribeAsync(suite.Gateway)}");
}
catch (InvalidOperationException)
{
    Console.WriteLine($"Errors the services logged (console): {ErrorLog.Summarize(suite.Processes.ConsoleLogDirectory())}");
    throw;
}
Console.WriteLine($"One therapist's week: {await search.DescribeAsync(suite.Gateway, clinic.Therapists[0])}");
// The warm-up leaves the runtime compiling its hot code at the higher tier in the background; on two busy cores
// that falls behind, so the suite gets to finish it before the measured run.
await search.WarmUpAsync(suite.Gateway, options.SearchRate, TimeSpan.FromSeconds(options.WarmUpSeconds), options.MaxInFlight);
await Quiet.SettledAsync(meters.Cpu, compilation);
Console.WriteLine($"  measured search from {DateTime.UtcNow:HH:mm:ss} UTC");
Print(await search.FixedRateAsync($"Slot search, gateway, {options.SearchRate:0}/s", suite.Gateway,
    options.SearchRate, TimeSpan.FromSeconds(options.SearchSeconds), options.MaxInFlight));
if (options.SearchCapacitySeconds > 0)
{
    await Quiet.SettledAsync(meters.Cpu, compilation);
    Print(await search.CapacityAsync($"Slot search, gateway, {options.SearchCapacityClients} clients back to back", suite.Gateway,
        options.SearchCapacityClients, TimeSpan.FromSeconds(options.SearchCapacitySeconds)));
}
if (options.DirectSearchSeconds > 0)
{
    using var direct = suite.DirectToScheduling();
    await Quiet.SettledAsync(meters.Cpu, compilation);
    Print(await search.FixedRateAsync($"Slot search, direct to scheduling-api, {options.SearchRate:0}/s", direct,
        options.SearchRate, TimeSpan.FromSeconds(options.DirectSearchSeconds), options.MaxInFlight));
}
if (options.OneTherapistSearchSeconds > 0)
{
    await Quiet.SettledAsync(meters.Cpu, compilation);
    Print(await search.FixedRateAsync($"Slot search, gateway, one therapist, {options.SearchRate:0}/s", suite.Gateway,
        options.SearchRate, TimeSpan.FromSeconds(options.OneTherapistSearchSeconds), options.MaxInFlight, clinic.Therapists[0]));
}

var booking = new BookingBenchmark(suite.Gateway, clinic, referrals, slots, meters);
Print(await booking.SustainedAsync(options.SustainedClients, TimeSpan.FromSeconds(options.SustainedSeconds), options.SustainedReferrals));
var drainAfterSustained = await Quiet.WaitAsync(meters.Cpu);
// The back-to-back run warmed the booking path up; as for the search, the rate is measured once the services have
// finished compiling that hot code in the background, as in a suite that has been running for a while.
Print(await booking.FixedRateAsync(options.BookingRate, TimeSpan.FromSeconds(options.BookingRateSeconds), options.MaxInFlight,
    () => Quiet.SettledAsync(meters.Cpu, compilation)));
var drainAfterFixed = await Quiet.WaitAsync(meters.Cpu);
var (raced, races) = await booking.ContendedAsync(options.ContendedSlots, options.RacersPerSlot);
Print(raced);
var check = await DoubleBookingCheck.RunAsync(suite.SchedulingDatabase, booking.Answers);

Console.WriteLine();
Console.WriteLine("RESULTS");
Console.Write(Report.Runs(runs));
Console.WriteLine("(ok = 200 for searches, 201 for bookings; latency counts from when a request was due; lag p99: how late the generator sent)");
Console.WriteLine();
Console.Write(Report.Cpu(runs));
Console.WriteLine();
Console.Write(Report.Transactions(runs));
Console.WriteLine();
Console.WriteLine($"Event work left after the phases (outbox, consumers, e-mails): idle again {drainAfterSustained.TotalSeconds:0} s after the back-to-back run, {drainAfterFixed.TotalSeconds:0} s after the fixed-rate run");
Console.WriteLine($"Races: {races.ExactlyOneWinner} of {races.Slots} slots had exactly one winner, {races.MoreThanOneWinner} more than one, {races.NoWinner} none");
Console.WriteLine($"Database check: {check.Appointments} appointments; {check.RowsOfCreated} for the {check.Created} answers 201, "
    + $"{check.RowsOfRefused} for the {check.Refused} refused, {check.RowsOfUnanswered} for the {check.Unanswered} the client stopped waiting for; "
    + $"overlapping live appointments: {check.TherapistOverlaps} of one therapist, {check.RoomOverlaps} of one room");
Console.WriteLine($"Errors the services logged (console): {ErrorLog.Summarize(suite.Processes.ConsoleLogDirectory())}");
var doubleBookings = check.TherapistOverlaps + check.RoomOverlaps + races.MoreThanOneWinner;
Console.WriteLine(doubleBookings == 0 && check.Consistent
    ? "ZERO DOUBLE BOOKINGS: no overlaps in the database, no slot won twice, exactly one appointment per 201 and none per refusal."
    : $"CHECK FAILED: {doubleBookings} double bookings; appointments {(check.Consistent ? "match" : "do not match")} the answers.");
return doubleBookings == 0 && check.Consistent ? 0 : 1;
