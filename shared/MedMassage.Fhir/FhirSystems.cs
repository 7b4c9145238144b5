namespace MedMassage.Fhir;

/// <summary>The code and identifier systems the mappings use; ours live under one base.</summary>
public static class FhirSystems
{
    public const string Npi = "http://hl7.org/fhir/sid/us-npi";
    public const string Icd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";
    public const string Icd10 = "http://hl7.org/fhir/sid/icd-10";
    public const string Loinc = "http://loinc.org";
    public const string Ucum = "http://unitsofmeasure.org";

    private const string Ours = "https://medmassage.example/fhir/";
    public const string ReferralReference = Ours + "sid/referral-reference";
    public const string Technique = Ours + "CodeSystem/technique";
    public const string BodyRegion = Ours + "CodeSystem/body-region";
    public const string AppointmentType = Ours + "CodeSystem/appointment-type";
    public const string OutcomeMeasure = Ours + "CodeSystem/outcome-measure";
    public const string Licence = Ours + "CodeSystem/licence";
    public const string Certification = Ours + "CodeSystem/certification";
    public const string MessageKind = Ours + "CodeSystem/message-kind";
}
