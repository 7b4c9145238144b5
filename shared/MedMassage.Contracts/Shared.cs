namespace MedMassage.Contracts;

/// <summary>How to reach a patient; carried on events so notifications need no lookups.</summary>
public sealed record PatientContact(
    Guid PatientId,
    string FullName,
    string? Email,
    string? Phone,
    string PreferredChannel,
    string Language);

/// <summary>How to reach the referring physician.</summary>
public sealed record PhysicianContact(
    string FullName,
    string Npi,
    string? Organization,
    string? Email,
    string? Phone,
    string? Fax);

/// <summary>Where care happens, with the IANA zone every local time is shown in.</summary>
public sealed record LocationInfo(
    Guid LocationId,
    string Name,
    string Address,
    string Phone,
    string TimeZone);

/// <summary>A contraindication or precaution and what it means for treatment.</summary>
public sealed record ContraindicationFinding(string Name, ContraindicationEffect Effect, string? BodyRegion);

public enum ContraindicationEffect
{
    BlocksAllTreatment,
    ExcludesLocalArea,
    NeedsPhysicianClearance,
}

/// <summary>Visits authorized by the referral and how many are used.</summary>
public sealed record VisitCounts(int Authorized, int Used, int Remaining);
