using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MedMassage.Testing;

namespace MedMassage.ClinicalNotes.Api.Tests.Api;

/// <summary>The live figures of the staff app's forms come from the same rules that bill and score on saving.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class PreviewTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Units_follow_the_eight_minute_rule_as_minutes_are_typed()
    {
        await using var clinic = await Clinic.OpenAsync(infrastructure);
        async Task<JsonElement> UnitsAsync(params object[] services) =>
            await Clinic.ReadAsync<JsonElement>(await clinic.Therapist.PostJsonAsync("/api/clinical-notes/previews/units", new { services }), HttpStatusCode.OK);

        Assert.Equal(0, (await UnitsAsync(new { cptCode = "97140", minutes = 7 })).GetProperty("totalUnits").GetInt32());
        Assert.Equal(1, (await UnitsAsync(new { cptCode = "97140", minutes = 8 })).GetProperty("totalUnits").GetInt32());
        // 33 minutes in all: two units, split by the rule (97140: 2 whole units from 30 minutes; 97124's 3 minutes earn none).
        var split = await UnitsAsync(new { cptCode = "97140", minutes = 30 }, new { cptCode = "97124", minutes = 3 });
        Assert.Equal(2, split.GetProperty("totalUnits").GetInt32());
        Assert.Equal("97140", split.GetProperty("units")[0].GetProperty("cptCode").GetString());
    }

    [Fact]
    public async Task An_outcome_measure_is_scored_once_it_can_be_and_refused_with_the_reason_before()
    {
        await using var clinic = await Clinic.OpenAsync(infrastructure);
        var scored = await Clinic.ReadAsync<JsonElement>(await clinic.Therapist.PostJsonAsync("/api/clinical-notes/previews/outcome-score",
            new { measure = "Oswestry", answers = new int?[] { 3, 2, 2, 3, 2, 2, 1, 2, 3, 2 } }), HttpStatusCode.OK);
        Assert.Equal(44.0m, scored.GetProperty("score").GetDecimal());

        using var incomplete = await clinic.Therapist.PostJsonAsync("/api/clinical-notes/previews/outcome-score",
            new { measure = "Oswestry", answers = new int?[] { 3, 2, null, null, 2, 2, 1, 2, 3, 2 } });
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        Assert.Contains("answers", await incomplete.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var unknown = await clinic.Therapist.PostJsonAsync("/api/clinical-notes/previews/units", new { services = new[] { new { cptCode = "", minutes = -1 } } });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task The_front_desk_gets_no_previews()
    {
        await using var clinic = await Clinic.OpenAsync(infrastructure);
        using var desk = clinic.Staff("front-desk", "desk-1", "10.0.0.9");
        using var response = await desk.PostAsJsonAsync("/api/clinical-notes/previews/units", new { services = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
