namespace MedMassage.Testing;

/// <summary>Who a test acts as: the claims an access token from the identity service would carry.</summary>
public sealed record TestCaller(string Role, IReadOnlyList<Guid> Locations, string? Name = null, string? Npi = null,
    string? ClientId = null, IReadOnlyList<string>? Scopes = null)
{
    public string Subject { get; init; } = Guid.NewGuid().ToString();

    public static TestCaller FrontDesk(params Guid[] locations) => new("front-desk", locations, "Fran Desk");
    public static TestCaller Therapist(params Guid[] locations) => new("therapist", locations, "Theo Rapist");
    public static TestCaller ClinicAdmin(params Guid[] locations) => new("clinic-admin", locations, "Ada Min");
    public static TestCaller Ops() => new("ops", [], "Oscar Ops");
    public static TestCaller Physician(string npi) => new("referring-physician", [], "Dr. John Carter", Npi: npi);

    public static TestCaller Integration(string clientId, params string[] scopes) =>
        new("integration-client", [], clientId, ClientId: clientId, Scopes: scopes) { Subject = clientId };
}
