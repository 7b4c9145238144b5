using MedMassage.StaffApp.Gateway;

namespace MedMassage.StaffApp.Components.Pages.Therapist;

/// <summary>The SOAP note editor's state: what the therapist types, turned into the service's form.</summary>
public sealed class VisitNoteForm
{
    public string Subjective { get; set; } = "";
    public string Objective { get; set; } = "";
    public string Assessment { get; set; } = "";
    public string Plan { get; set; } = "";
    public int? PainBefore { get; set; }
    public int? PainAfter { get; set; }
    public string Tolerance { get; set; } = "Good";
    public string AdverseEvent { get; set; } = "";
    public List<TimedServiceRow> Techniques { get; } = [new()];

    public void Load(VisitNoteContent content)
    {
        (Subjective, Objective, Assessment, Plan) = (content.Subjective, content.Objective, content.Assessment, content.Plan);
        (PainBefore, PainAfter, Tolerance, AdverseEvent) = (content.PainBefore, content.PainAfter, content.Tolerance ?? "Good", content.AdverseEvent ?? "");
        Techniques.Clear();
        Techniques.AddRange(content.Techniques.Select(t => new TimedServiceRow
        {
            Technique = t.Technique, CptCode = t.CptCode, Minutes = t.Minutes, BodyRegions = string.Join(", ", t.BodyRegions),
        }));
    }

    public VisitNoteRequest ToRequest(Guid appointmentId) => new(appointmentId, Subjective, Objective, Assessment, Plan,
        [.. Techniques.Where(t => t.Technique.Length > 0).Select(t => t.ToApplied())], PainBefore, PainAfter, Tolerance,
        AdverseEvent.Length > 0 ? AdverseEvent : null);
}

public sealed class TimedServiceRow
{
    public string Technique { get; set; } = "myofascial-release";
    public string CptCode { get; set; } = "97140";
    public int? Minutes { get; set; }
    public string BodyRegions { get; set; } = "lower-back";

    public AppliedTechnique ToApplied() => new(Technique, CptCode, Minutes ?? 0,
        [.. BodyRegions.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]);
}
