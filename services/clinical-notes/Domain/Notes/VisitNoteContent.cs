using System.ComponentModel.DataAnnotations;
using MedMassage.ClinicalNotes.Api.Domain.Common;
using MedMassage.Contracts;
using MedMassage.ServiceDefaults.OpenApi;

namespace MedMassage.ClinicalNotes.Api.Domain.Notes;

public sealed record AppliedTechnique(
    [OneOf(typeof(MassageTechniques), nameof(MassageTechniques.Known))] string Technique,
    [OneOf(typeof(CptCodes), nameof(CptCodes.Timed))] string CptCode,
    [Required] int Minutes, // 0 when missing, which is refused
    IReadOnlyList<string> BodyRegions);

public enum Tolerance
{
    Good,
    Fair,
    Poor,
}

/// <summary>The SOAP content of a treatment visit.</summary>
public sealed record VisitNoteContent(
    string Subjective,
    string Objective,
    string Assessment,
    string Plan,
    IReadOnlyList<AppliedTechnique> Techniques,
    int PainBefore,
    int PainAfter,
    Tolerance Tolerance,
    string? AdverseEvent)
{
    public const int MaxMinutesPerTechnique = 120;

    public static VisitNoteContent Create(string? subjective, string? objective, string? assessment, string? plan,
        IReadOnlyList<AppliedTechnique>? techniques, int? painBefore, int? painAfter, Tolerance? tolerance, string? adverseEvent)
    {
        var errors = new FieldErrors()
            .When(string.IsNullOrWhiteSpace(subjective), "subjective", "The subjective section is required.")
            .When(string.IsNullOrWhiteSpace(objective), "objective", "The objective section is required.")
            .When(string.IsNullOrWhiteSpace(assessment), "assessment", "The assessment section is required.")
            .When(string.IsNullOrWhiteSpace(plan), "plan", "The plan section is required.")
            .When(techniques is null || techniques.Count == 0, "techniques", "At least one technique applied is required.")
            .When(painBefore is null or < 0 or > 10, "painBefore", "Pain is rated 0 to 10.")
            .When(painAfter is null or < 0 or > 10, "painAfter", "Pain is rated 0 to 10.")
            .When(tolerance is null || !Enum.IsDefined(tolerance.Value), "tolerance", "Tolerance is Good, Fair or Poor.");
        var list = techniques ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is null)
            {
                errors.Add($"techniques[{i}]", "A technique is required.");
                continue;
            }
            errors.When(string.IsNullOrWhiteSpace(list[i].Technique), $"techniques[{i}].technique", "The technique is required.")
                .When(!CptCodes.IsKnown(list[i].CptCode), $"techniques[{i}].cptCode", $"Timed CPT codes: {string.Join(", ", CptCodes.Timed.Keys)}.")
                .When(list[i].Minutes is < 1 or > MaxMinutesPerTechnique, $"techniques[{i}].minutes", $"Minutes range from 1 to {MaxMinutesPerTechnique}.")
                .When(Text.Clean(list[i].BodyRegions).Count == 0, $"techniques[{i}].bodyRegions", "At least one body region is required.");
        }
        errors.ThrowIfAny();
        return new VisitNoteContent(subjective!.Trim(), objective!.Trim(), assessment!.Trim(), plan!.Trim(),
            [.. list.Select(t => new AppliedTechnique(t.Technique.Trim(), t.CptCode.Trim(), t.Minutes, Text.Clean(t.BodyRegions)))],
            painBefore!.Value, painAfter!.Value, tolerance!.Value, string.IsNullOrWhiteSpace(adverseEvent) ? null : adverseEvent.Trim());
    }

    public int TotalMinutes => Techniques.Sum(t => t.Minutes);
}
