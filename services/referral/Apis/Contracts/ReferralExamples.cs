namespace MedMassage.Referral.Api.Apis.Contracts;

/// <summary>The request bodies the API description shows: what a physician's office or a hospital's system sends.</summary>
internal static class ReferralExamples
{
    public static readonly SubmitReferral Submission = new(
        new PatientInput(null, "Maria", "Lopez", new DateOnly(1980, 4, 12), "female", "+1 555 0100", "maria@example.org", "email", "en-US",
            [new IdentifierInput("urn:oid:2.16.840.1.113883.3.4711", "MRN-204518")]),
        new PhysicianInput("Dr. John Carter", "1234567893", "St. Mary Orthopedics", "+1 555 0199", "+1 555 0198", "j.carter@stmary.example"),
        ["M54.50"], ["myofascial-release"], ["lower-back"],
        SessionsPerWeek: 2, Weeks: 6, AuthorizedVisits: 12,
        ValidFrom: new DateOnly(2026, 3, 2), ValidUntil: new DateOnly(2026, 5, 1),
        Precautions: [],
        Insurance: new InsuranceInput("Acme Health", "ACM-123", "AUTH-9", 12),
        LocationId: new Guid("0195f0c2-7a1e-7c55-8f0a-3b2a1c4d5e6f"),
        Priority: "routine",
        Notes: "Low back pain after a fall; no heat on the lumbar area.",
        Identifier: new IdentifierInput("urn:oid:2.16.840.1.113883.3.4711.2", "ORD-88213"));

    public static readonly ClearanceRequest Clearance = new(
        "scar-tissue-release", "Dr. John Carter", new DateTimeOffset(2026, 3, 4, 15, 30, 0, TimeSpan.Zero), "Fax of 2026-03-04, scanned as CLR-20260304-0117");

    public static readonly ReasonRequest Reason = new("The patient asked to wait until after surgery.");
}
