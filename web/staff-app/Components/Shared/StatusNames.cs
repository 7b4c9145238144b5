namespace MedMassage.StaffApp.Components.Shared;

/// <summary>
/// The services' status and role codes ("in-treatment", "no-show", "front-desk"), one casing in every service in plain words; the words are then translated like any text.
/// </summary>
public static class StatusNames
{
    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        ["received"] = "New", ["accepted"] = "Accepted", ["in-treatment"] = "In treatment", ["on-hold"] = "On hold",
        ["awaiting-clearance"] = "Awaiting clearance", ["rejected"] = "Rejected", ["cancelled"] = "Cancelled", ["expired"] = "Expired",
        ["completed"] = "Completed", ["pending"] = "Pending", ["none"] = "None", ["active"] = "Active", ["certified"] = "Certified",
        ["booked"] = "Booked", ["checked-in"] = "Checked in", ["no-show"] = "No-show", ["late-cancellation"] = "Late cancellation",
        ["waiting"] = "Waiting", ["offered"] = "Offered", ["fulfilled"] = "Fulfilled", ["withdrawn"] = "Withdrawn",
        ["draft"] = "Draft", ["superseded"] = "Superseded",
        ["technique"] = "Technique", ["finding"] = "Finding",
        ["evaluation"] = "Evaluation", ["re-evaluation"] = "Re-evaluation", ["treatment"] = "Treatment",
        ["front-desk"] = "Front desk", ["therapist"] = "Therapist", ["clinic-admin"] = "Clinic admin", ["manager"] = "Manager",
    };

    public static string Of(string code) => Words.GetValueOrDefault(code, code);
}
