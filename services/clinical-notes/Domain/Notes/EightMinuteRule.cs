using MedMassage.Contracts.ClinicalNotes;

namespace MedMassage.ClinicalNotes.Api.Domain.Notes;

/// <summary>
/// Billable 15-minute units for timed CPT codes by the 8-minute rule: the total timed minutes of the visit decide the
/// number of units (8-22 = 1, 23-37 = 2, …); each code gets its full 15-minute units and the remaining units go to the
/// codes with the most minutes left over.
/// </summary>
public static class EightMinuteRule
{
    public const int UnitMinutes = 15;
    public const int MinimumMinutes = 8;

    public static int TotalUnits(int totalMinutes) =>
        totalMinutes < MinimumMinutes ? 0 : (totalMinutes + UnitMinutes - MinimumMinutes) / UnitMinutes;

    public static IReadOnlyList<BillableUnits> Units(IEnumerable<(string CptCode, int Minutes)> services)
    {
        var perCode = services
            .GroupBy(s => s.CptCode, StringComparer.Ordinal)
            .Select(g => (Code: g.Key, Minutes: g.Sum(s => s.Minutes)))
            .ToList();
        var units = perCode.ToDictionary(c => c.Code, c => c.Minutes / UnitMinutes, StringComparer.Ordinal);
        var remaining = TotalUnits(perCode.Sum(c => c.Minutes)) - units.Values.Sum();

        // Leftover minutes decide who gets the remaining units; ties go to the code with more minutes, then by code.
        var byLeftover = perCode
            .OrderByDescending(c => c.Minutes % UnitMinutes)
            .ThenByDescending(c => c.Minutes)
            .ThenBy(c => c.Code, StringComparer.Ordinal)
            .ToList();
        for (var i = 0; remaining > 0 && byLeftover.Count > 0; i++, remaining--)
        {
            units[byLeftover[i % byLeftover.Count].Code]++;
        }

        return [.. perCode.Where(c => units[c.Code] > 0).OrderBy(c => c.Code, StringComparer.Ordinal).Select(c => new BillableUnits(c.Code, units[c.Code]))];
    }
}
