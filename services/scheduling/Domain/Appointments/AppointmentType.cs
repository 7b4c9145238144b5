namespace MedMassage.Scheduling.Api.Domain.Appointments;

public enum VisitKind { Evaluation, Treatment, ReEvaluation }

/// <summary>A bookable kind of visit and its length ("treatment-45": a 45-minute treatment).</summary>
public sealed class AppointmentType
{
    public const int ShortestMinutes = 15;

    /// <summary>No visit is longer, so a visit overlapping a time starts at most this long before it (queries rely on it).</summary>
    public const int LongestMinutes = 180;

    public static readonly TimeSpan LongestVisit = TimeSpan.FromMinutes(LongestMinutes);

    private AppointmentType() { }

    public AppointmentType(string code, string name, VisitKind kind, int durationMinutes)
    {
        Code = code;
        Name = name;
        Kind = kind;
        DurationMinutes = durationMinutes;
    }

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public VisitKind Kind { get; private set; }
    public int DurationMinutes { get; private set; }

    public TimeSpan Duration => TimeSpan.FromMinutes(DurationMinutes);

    public void Update(string name, VisitKind kind, int durationMinutes)
    {
        Name = name;
        Kind = kind;
        DurationMinutes = durationMinutes;
    }
}
