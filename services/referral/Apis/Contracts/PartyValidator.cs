using System.Net.Mail;
using System.Text.RegularExpressions;
using MedMassage.Referral.Api.Domain;

namespace MedMassage.Referral.Api.Apis.Contracts;

/// <summary>Validation of the people on a referral: the patient and the referring physician.</summary>
internal static partial class PartyValidator
{

    [GeneratedRegex(@"^[a-z]{2,3}(-[a-z0-9]{2,8})*$", RegexOptions.IgnoreCase)]
    private static partial Regex LanguageTag();

    [GeneratedRegex(@"^\+?[0-9 ()./-]{7,20}$")]
    private static partial Regex PhoneNumber();

    public static Patient? Patient(PatientInput? input, DateOnly today, FieldErrors errors)
    {
        if (input is null)
        {
            errors.Add("patient", "Required.");
            return null;
        }
        var first = errors.Required("patient.firstName", input.FirstName, 100);
        var last = errors.Required("patient.lastName", input.LastName, 100);
        if (input.DateOfBirth is null)
        {
            errors.Add("patient.dateOfBirth", "Required.");
        }
        else if (input.DateOfBirth.Value.Year < 1900 || input.DateOfBirth > today)
        {
            errors.Add("patient.dateOfBirth", "Must be after 1900 and not in the future.");
        }

        var sex = input.Sex?.Trim().ToLowerInvariant() ?? "unknown";
        errors.When(!ReferralVocabulary.Sexes.Contains(sex), "patient.sex", $"Must be one of: {string.Join(", ", ReferralVocabulary.Sexes)}.");

        var phone = Phone("patient.phone", input.Phone, errors);
        var email = Email("patient.email", input.Email, errors);
        errors.When(input.Phone is null && input.Email is null, "patient.phone", "A phone number or an email address is required.");

        var channel = input.PreferredChannel?.Trim().ToLowerInvariant() ?? (email is not null ? "email" : "sms");
        if (!ReferralVocabulary.Channels.Contains(channel))
        {
            errors.Add("patient.preferredChannel", $"Must be one of: {string.Join(", ", ReferralVocabulary.Channels)}.");
        }
        else if (channel == "email" && input.Email is null)
        {
            errors.Add("patient.preferredChannel", "Email is preferred but no email address is given.");
        }
        else if (channel != "email" && input.Phone is null)
        {
            errors.Add("patient.preferredChannel", $"{channel} is preferred but no phone number is given.");
        }

        var language = input.Language?.Trim() ?? "en";
        if (!LanguageTag().IsMatch(language))
        {
            errors.Add("patient.language", "Must be a language tag such as 'en' or 'es-US'.");
        }
        else if (!IsKnownLanguage(language))
        {
            errors.Add("patient.language", "Must name a language that exists, such as 'en', 'es' or 'es-US'.");
        }

        var identifiers = new List<ExternalIdentifier>();
        var identifierCount = ReferralValidator.WithinLimit("patient.identifiers", input.Identifiers?.Count ?? 0, errors) ? input.Identifiers?.Count ?? 0 : 0;
        for (var i = 0; i < identifierCount; i++)
        {
            var system = errors.Required($"patient.identifiers[{i}].system", input.Identifiers![i]?.System);
            var value = errors.Required($"patient.identifiers[{i}].value", input.Identifiers[i]?.Value, 64);
            if (system is not null && value is not null)
            {
                identifiers.Add(new ExternalIdentifier(system, value));
            }
        }

        return first is null || last is null || input.DateOfBirth is null ? null
            : new Patient(input.Id ?? Guid.NewGuid(), first, last, input.DateOfBirth.Value, sex, phone, email, channel, language, identifiers);
    }

    public static Physician? Physician(PhysicianInput? input, FieldErrors errors)
    {
        if (input is null)
        {
            errors.Add("physician", "Required.");
            return null;
        }
        var name = errors.Required("physician.name", input.Name);
        var npi = input.Npi?.Trim();
        errors.When(!Npi.IsValid(npi), "physician.npi", "Must be a valid 10-digit NPI.");

        var organization = errors.Optional("physician.organization", input.Organization);
        var phone = Phone("physician.phone", input.Phone, errors);
        var fax = Phone("physician.fax", input.Fax, errors);
        var email = Email("physician.email", input.Email, errors);
        errors.When(input.Phone is null && input.Fax is null && input.Email is null, "physician.phone", "A phone number, fax number or email address is required to reach the physician.");
        return name is null || !Npi.IsValid(npi) ? null : new Physician(name, npi!, organization, phone, fax, email);
    }

    private static string? Phone(string field, string? value, FieldErrors errors)
    {
        if (value is null)
        {
            return null;
        }

        errors.When(!PhoneNumber().IsMatch(value.Trim()), field, "Not a phone number.");

        return value.Trim();
    }

    private static string? Email(string field, string? value, FieldErrors errors)
    {
        if (value is null)
        {
            return null;
        }

        errors.When(!MailAddress.TryCreate(value.Trim(), out var address) || address.Address != value.Trim(), field, "Not an email address.");

        return value.Trim();
    }

    // Well-formed is not enough ("xx" is well-formed): the tag must name a language the culture data knows.
    private static bool IsKnownLanguage(string tag)
    {
        try
        {
            _ = System.Globalization.CultureInfo.GetCultureInfo(tag, predefinedOnly: true);
            return true;
        }
        catch (System.Globalization.CultureNotFoundException)
        {
            return false;
        }
    }
}
