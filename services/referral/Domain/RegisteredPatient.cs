namespace MedMassage.Referral.Api.Domain;

/// <summary>
/// A patient a hospital system registered before referring them (FHIR Patient create). Its identifier is the
/// hospital's ("system|value"), unique per system, so a retried registration finds the first one.
/// </summary>
public sealed class RegisteredPatient
{
    private RegisteredPatient() { }

    public RegisteredPatient(string clientId, ExternalIdentifier identifier, Patient patient, DateTimeOffset now)
    {
        Id = patient.Id;
        ClientId = clientId;
        Identifier = KeyOf(identifier);
        Patient = patient;
        RegisteredAt = now;
    }

    public Guid Id { get; private set; }
    public string ClientId { get; private set; } = "";
    public string Identifier { get; private set; } = "";
    public Patient Patient { get; private set; } = null!;
    public DateTimeOffset RegisteredAt { get; private set; }

    public static string KeyOf(ExternalIdentifier identifier) => $"{identifier.System}|{identifier.Value}";
}
