namespace MedMassage.StaffApp.Components.Shared;

/// <summary>
/// The services' status and role codes ("in-treatment", "NoShow", "front-desk") in plain words; the words are then translated like any text.
/// </summary>
public static class StatusNames
{
    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        ["received"] = "New", ["accepted"] = "Accepted", ["in-treatment"] = "In treatment", ["on-hold"] = "On hold",
        ["awaiting-clearance"] = "Awaiting clearance", ["rejected"] = "Rejected", ["cancelled"] = "Cancelled", ["expired"] = "Expired",
        ["completed"] = "Completed", ["pending"] = "Pending", ["none"] = "None", ["active"] = "Active", ["certified"] = "Certified",
        ["Booked"] = "Booked", ["CheckedIn"] = "Checked in", ["Completed"] = "Completed", ["Cancelled"] = "Cancelled", ["NoShow"] = "No-show",
        ["Waiting"] = "Waiting", ["Offered"] = "Offered", ["Fulfilled"] = "Fulfilled", ["Withdrawn"] = "Withdrawn",
        ["Draft"] = "Draft", ["Active"] = "Active", ["Superseded"] = "Superseded",
        ["technique"] = "Technique", ["finding"] = "Finding",
        ["front-desk"] = "Front desk", ["therapist"] = "Therapist", ["clinic-admin"] = "Clinic admin", ["manager"] = "Manager",
    };

    public static string Of(string code) => Words.GetValueOrDefault(code, code);
}
