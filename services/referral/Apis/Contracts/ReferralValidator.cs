using MedMassage.Contracts;
using MedMassage.Referral.Api.Domain;
using MedMassage.Referral.Api.Domain.Submission;

namespace MedMassage.Referral.Api.Apis.Contracts;

/// <summary>The one place that decides whether a submitted referral is acceptable input.</summary>
public static class ReferralValidator
{
    public const int MaxSessionsPerWeek = 7;
    public const int MaxWeeks = 52;
    public const int MaxVisits = 200;

    /// <summary>No referral lists more diagnoses, techniques, body regions, precautions or identifiers than this.</summary>
    public const int MaxItems = 20;


    private static readonly Dictionary<string, ContraindicationEffect> Effects = new(StringComparer.OrdinalIgnoreCase)
    {
        ["blocks-all-treatment"] = ContraindicationEffect.BlocksAllTreatment,
        ["excludes-local-area"] = ContraindicationEffect.ExcludesLocalArea,
        ["needs-physician-clearance"] = ContraindicationEffect.NeedsPhysicianClearance,
    };

    public static FieldErrors Validate(SubmitReferral request, DateOnly today, out ReferralContent? content)
    {
        var errors = new FieldErrors();
        var patient = PartyValidator.Patient(request.Patient, today, errors);
        var physician = PartyValidator.Physician(request.Physician, errors);
        var diagnoses = Diagnoses(request.Diagnoses, errors);
        var techniques = TechniqueList(request.Techniques, errors);
        var regions = List("bodyRegions", request.BodyRegions, errors, r => r.Trim().ToLowerInvariant());

        var sessions = Range("sessionsPerWeek", request.SessionsPerWeek, 1, MaxSessionsPerWeek, errors);
        var weeks = Range("weeks", request.Weeks, 1, MaxWeeks, errors);
        var visits = Range("authorizedVisits", request.AuthorizedVisits, 1, MaxVisits, errors);
        // More visits than the prescribed frequency allows could never be used: a sign of a typo.
        if (sessions > 0 && weeks > 0 && visits > sessions * weeks)
        {
            errors.Add("authorizedVisits", $"At most sessionsPerWeek × weeks ({sessions * weeks}) visits fit the prescribed frequency.");
        }

        if (request.ValidFrom is null)
        {
            errors.Add("validFrom", "Required.");
        }

        if (request.ValidUntil is null)
        {
            errors.Add("validUntil", "Required.");
        }

        if (request.ValidFrom is { } from && request.ValidUntil is { } until && until <= from)
        {
            errors.Add("validUntil", "Must be after validFrom.");
        }

        var precautions = Precautions(request.Precautions, errors);
        var insurance = Insurance(request.Insurance, errors);
        var priority = request.Priority?.Trim().ToLowerInvariant() ?? "routine";
        if (!ReferralVocabulary.Priorities.Contains(priority))
        {
            errors.Add("priority", "Must be 'routine' or 'urgent'.");
        }
        var notes = errors.Optional("notes", request.Notes, 4000);
        if (request.LocationId == Guid.Empty)
        {
            errors.Add("locationId", "Must not be the empty id.");
        }

        var identifier = request.Identifier is { } given
            ? new ExternalIdentifier(errors.Required("identifier.system", given.System, 200) ?? "", errors.Required("identifier.value", given.Value, 64) ?? "")
            : null;

        content = errors.Any ? null : new ReferralContent(
            patient!, physician!, diagnoses, techniques, regions, sessions, weeks, visits,
            request.ValidFrom!.Value, request.ValidUntil!.Value, precautions, insurance, request.LocationId, priority, notes, identifier);
        return errors;
    }

    private static List<string> Diagnoses(IReadOnlyList<string>? codes, FieldErrors errors)
    {
        if (codes is null || codes.Count == 0)
        {
            errors.Add("diagnoses", "At least one ICD-10 diagnosis code is required.");
            return [];
        }
        if (!WithinLimit("diagnoses", codes.Count, errors))
        {
            return [];
        }
        for (var i = 0; i < codes.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(codes[i]) || !Icd10.IsValidFormat(codes[i]))
            {
                errors.Add($"diagnoses[{i}]", $"'{codes[i]}' is not a valid ICD-10 code (e.g. M54.50).");
            }
        }
        return [.. codes.Where(c => !string.IsNullOrWhiteSpace(c)).Select(Icd10.Normalize).Distinct()];
    }

    private static List<string> TechniqueList(IReadOnlyList<string>? techniques, FieldErrors errors)
    {
        var list = List("techniques", techniques, errors, MassageTechniques.Normalize);
        for (var i = 0; i < list.Count; i++)
        {
            if (!MassageTechniques.Known.Contains(list[i]))
            {
                errors.Add($"techniques[{i}]", $"Unknown technique '{list[i]}'; known: {string.Join(", ", MassageTechniques.Known)}.");
            }
        }
        return [.. list.Distinct()];
    }

    private static List<string> List(string field, IReadOnlyList<string>? values, FieldErrors errors, Func<string, string> normalize)
    {
        var result = new List<string>();
        if (!WithinLimit(field, values?.Count ?? 0, errors))
        {
            return result;
        }
        for (var i = 0; i < (values?.Count ?? 0); i++)
        {
            if (errors.Required($"{field}[{i}]", values![i], 100) is { } value)
            {
                result.Add(normalize(value));
            }
        }
        return result;
    }

    /// <summary>
    /// A list longer than any real referral's is refused whole, before its items are read: one error instead of
    /// thousands, and no work spent on the rest.
    /// </summary>
    internal static bool WithinLimit(string field, int count, FieldErrors errors)
    {
        if (count <= MaxItems)
        {
            return true;
        }
        errors.Add(field, $"At most {MaxItems} items; {count} were sent.");
        return false;
    }

    private static int Range(string field, int? value, int min, int max, FieldErrors errors)
    {
        if (value is null)
        {
            errors.Add(field, "Required.");
        }
        else if (value < min || value > max)
        {
            errors.Add(field, $"Must be between {min} and {max}.");
        }

        return value ?? 0;
    }

    private static List<Precaution> Precautions(IReadOnlyList<PrecautionInput>? inputs, FieldErrors errors)
    {
        var result = new List<Precaution>();
        if (!WithinLimit("precautions", inputs?.Count ?? 0, errors))
        {
            return result;
        }
        for (var i = 0; i < (inputs?.Count ?? 0); i++)
        {
            var input = inputs![i];
            var name = errors.Required($"precautions[{i}].name", input?.Name);
            var region = errors.Optional($"precautions[{i}].bodyRegion", input?.BodyRegion, 100)?.ToLowerInvariant();
            if (input?.Effect is null || !Effects.TryGetValue(input.Effect.Trim(), out var effect))
            {
                errors.Add($"precautions[{i}].effect", $"Must be one of: {string.Join(", ", Effects.Keys)}.");
                continue;
            }
            if (effect == ContraindicationEffect.ExcludesLocalArea && region is null)
            {
                errors.Add($"precautions[{i}].bodyRegion", "Required when the effect excludes a local area.");
            }
            if (name is not null)
            {
                result.Add(new Precaution(name, effect, region));
            }
        }
        return result;
    }

    private static Insurance? Insurance(InsuranceInput? input, FieldErrors errors)
    {
        if (input is null)
        {
            return null;
        }
        var payer = errors.Required("insurance.payer", input.Payer);
        var member = errors.Required("insurance.memberId", input.MemberId, 64);
        var authorization = errors.Optional("insurance.authorizationNumber", input.AuthorizationNumber, 64);
        if (input.AuthorizedVisits is < 1 or > MaxVisits)
        {
            errors.Add("insurance.authorizedVisits", $"Must be between 1 and {MaxVisits}.");
        }
        return payer is null || member is null ? null : new Insurance(payer, member, authorization, input.AuthorizedVisits);
    }
}
