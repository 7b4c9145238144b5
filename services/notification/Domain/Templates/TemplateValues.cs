using System.Globalization;
using MedMassage.Contracts;
using MedMassage.Notification.Api.Domain.Messages;

namespace MedMassage.Notification.Api.Domain.Templates;

/// <summary>The values a template is filled with; times always in the location's zone and the reader's language.</summary>
public sealed class TemplateValues(string language)
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public string Language { get; } = TemplateCatalog.Normalize(language);

    public IReadOnlyDictionary<string, string> Values => _values;

    public TemplateValues Set(string name, string? value)
    {
        _values[name] = value ?? "";
        return this;
    }

    public TemplateValues Location(LocationInfo location) => Set("location", location.Name)
        .Set("address", location.Address)
        .Set("phone", location.Phone);

    public TemplateValues Time(string name, DateTimeOffset at, string timeZone)
    {
        var zone = Zones.Find(timeZone);
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var culture = CultureInfo.GetCultureInfo(Language == "es" ? "es-ES" : "en-US");
        var text = Language == "es"
            ? local.ToString("dddd d 'de' MMMM 'de' yyyy, HH:mm", culture)
            : local.ToString("dddd, MMMM d, yyyy 'at' h:mm tt", culture);
        return Set(name, $"{text} ({zone.Id})");
    }

    public TemplateValues Date(string name, DateOnly date)
    {
        var culture = CultureInfo.GetCultureInfo(Language == "es" ? "es-ES" : "en-US");
        return Set(name, date.ToString(Language == "es" ? "d 'de' MMMM 'de' yyyy" : "MMMM d, yyyy", culture));
    }

    /// <summary>A referral is named by its short reference (the referral service's), never by diagnosis.</summary>
    public TemplateValues Referral(string? reference, Guid referralId) => Set("reference", Reference(reference, referralId));

    /// <summary>First name only: enough to greet, less to leak.</summary>
    public TemplateValues Patient(string fullName) => Set("patient", fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "");

    /// <summary>Referrals from before references existed are named by their id, which is unique too.</summary>
    public static string Reference(string? reference, Guid referralId) => string.IsNullOrEmpty(reference) ? referralId.ToString() : reference;
}
