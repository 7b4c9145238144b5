using MedMassage.StaffApp.Benchmarks;

// calendar: server render time of a week calendar (20 therapists, 500 visits).
// pages <gateway> <user> <password>: time until each page is interactive in Chromium, against a running suite.
return args.FirstOrDefault() switch
{
    "calendar" => await CalendarRender.RunAsync(),
    "pages" when args.Length == 4 => await PageTimes.RunAsync(new Uri(args[1]), args[2], args[3]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: calendar | pages <gateway-url> <user> <password>");
    return 2;
}
