using MedMassage.Referral.Api.Apis.Contracts;

namespace MedMassage.Referral.Api.Tests.Support;

/// <summary>Referral submissions as a physician's office would send them.</summary>
internal static class TestReferrals
{
    public const string Npi = "1234567893";
    public const string OtherNpi = "1245319599";

    /// <summary>Where referrals go unless a test names a location; the default test caller works here.</summary>
    public static readonly Guid Clinic = Guid.Parse("5b0f7a52-3c1e-4d55-9a4e-0c6f1b2d3e41");

    public static SubmitReferral Valid(DateOnly today, Guid? locationId = null) => new(
        Patient: new PatientInput(null, "Maria", "Lopez", new DateOnly(1980, 4, 12), "female", "+1 555 0100", "maria@example.org", "email", "es-US",
            [new IdentifierInput("urn:mrn:st-mary", "MRN-42")]),
        Physician: new PhysicianInput("Dr. John Carter", Npi, "St. Mary Orthopedics", "+1 555 0199", "+1 555 0198", "carter@stmary.example"),
        Diagnoses: ["M54.50", "M62.830"],
        Techniques: ["myofascial-release", "trigger-point"],
        BodyRegions: ["lower-back"],
        SessionsPerWeek: 2,
        Weeks: 6,
        AuthorizedVisits: 12,
        ValidFrom: today.AddDays(-1),
        ValidUntil: today.AddDays(60),
        Precautions: [],
        Insurance: new InsuranceInput("Acme Health", "ACM-123", "AUTH-9", 12),
        LocationId: locationId ?? Clinic,
        Priority: "routine",
        Notes: "Evaluate and treat.");

    public static DateOnly Today(TimeProvider? time = null) => DateOnly.FromDateTime((time ?? TimeProvider.System).GetUtcNow().UtcDateTime);
}
