namespace MedMassage.ServiceDefaults.Identity;

/// <summary>
/// The SMART v1 system scopes (<c>system/{Type}.{read|write}</c>) that the REST APIs check by name, defined once: the
/// issuer grants them, the services demand them, the API documents list them.
/// </summary>
public static class SystemScopes
{
    public const string ServiceRequestWrite = "system/ServiceRequest.write";
    public const string ServiceRequestRead = "system/ServiceRequest.read";
    public const string AppointmentRead = "system/Appointment.read";
    public const string DiagnosticReportRead = "system/DiagnosticReport.read";
}
