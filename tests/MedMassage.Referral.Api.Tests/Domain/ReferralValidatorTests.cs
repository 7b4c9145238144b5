using MedMassage.Referral.Api.Apis.Contracts;
using MedMassage.Referral.Api.Tests.Support;

namespace MedMassage.Referral.Api.Tests.Domain;

public sealed class ReferralValidatorTests
{
    private static readonly DateOnly Today = DomainReferrals.Today;

    private static readonly SubmitReferral Valid = TestReferrals.Valid(DomainReferrals.Today);

    private static string[] FieldsWithErrors(SubmitReferral request)
    {
        var errors = ReferralValidator.Validate(request, Today, out var content);
        Assert.Equal(errors.Any, content is null);
        return [.. errors.ToDictionary().Keys.Order(StringComparer.Ordinal)];
    }

    [Fact]
    public void A_complete_referral_is_valid_and_normalized()
    {
        var errors = ReferralValidator.Validate(Valid with { Diagnoses = [" m54.50 ", "M54.50"], Techniques = ["Trigger-Point"] }, Today, out var content);

        Assert.False(errors.Any);
        Assert.Equal(["M54.50"], content!.Diagnoses);
        Assert.Equal(["trigger-point"], content.Techniques);
        Assert.Equal("Maria Lopez", content.Patient.FullName);
    }

    [Fact]
    public void Missing_parts_are_each_named()
    {
        var empty = new SubmitReferral(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

        Assert.Equal(["authorizedVisits", "diagnoses", "patient", "physician", "sessionsPerWeek", "validFrom", "validUntil", "weeks"], FieldsWithErrors(empty));
    }

    [Theory]
    [InlineData("M54.5-")]
    [InlineData("U07.1")]
    [InlineData("54.50")]
    [InlineData("M5")]
    [InlineData("M54.123456")]
    public void A_malformed_icd10_code_is_refused(string code) =>
        Assert.Equal(["diagnoses[1]"], FieldsWithErrors(Valid with { Diagnoses = ["M54.2", code] }));

    [Fact]
    public void Valid_until_must_come_after_valid_from() =>
        Assert.Equal(["validUntil"], FieldsWithErrors(Valid with { ValidUntil = Valid.ValidFrom }));

    [Theory]
    [InlineData(0, 6, 6, "sessionsPerWeek")]
    [InlineData(8, 6, 6, "sessionsPerWeek")]
    [InlineData(2, 0, 6, "weeks")]
    [InlineData(2, 53, 6, "weeks")]
    [InlineData(2, 6, 0, "authorizedVisits")]
    [InlineData(2, 6, 13, "authorizedVisits")] // more visits than 2 a week for 6 weeks allows
    public void Frequency_duration_and_visits_must_be_sane(int sessions, int weeks, int visits, string field) =>
        Assert.Equal([field], FieldsWithErrors(Valid with { SessionsPerWeek = sessions, Weeks = weeks, AuthorizedVisits = visits, Insurance = null }));

    [Fact]
    public void Patient_details_are_checked()
    {
        var patient = Valid.Patient! with { Sex = "x", Email = "not-an-email", PreferredChannel = "pigeon", Language = "english!", DateOfBirth = new DateOnly(1850, 1, 1) };

        Assert.Equal(["patient.dateOfBirth", "patient.email", "patient.language", "patient.preferredChannel", "patient.sex"],
            FieldsWithErrors(Valid with { Patient = patient }));
    }

    [Theory]
    [InlineData("xx", false)]
    [InlineData("zz-ZZ", false)]
    [InlineData("es-US", true)]
    [InlineData("vi", true)]
    public void A_language_that_does_not_exist_is_refused(string language, bool accepted) =>
        Assert.Equal(accepted ? Array.Empty<string>() : ["patient.language"], FieldsWithErrors(Valid with { Patient = Valid.Patient! with { Language = language } }));

    [Fact]
    public void A_date_of_birth_in_the_future_is_refused() =>
        Assert.Equal(["patient.dateOfBirth"], FieldsWithErrors(Valid with { Patient = Valid.Patient! with { DateOfBirth = Today.AddDays(1) } }));

    [Fact]
    public void The_preferred_channel_needs_a_matching_contact() =>
        Assert.Equal(["patient.preferredChannel"], FieldsWithErrors(Valid with { Patient = Valid.Patient! with { PreferredChannel = "sms", Phone = null } }));

    [Fact]
    public void The_physician_needs_a_valid_npi_and_a_way_to_be_reached()
    {
        var physician = Valid.Physician! with { Npi = "1234567890", Phone = null, Fax = null, Email = null };

        Assert.Equal(["physician.npi", "physician.phone"], FieldsWithErrors(Valid with { Physician = physician }));
    }

    [Fact]
    public void Techniques_precautions_insurance_and_priority_are_checked()
    {
        var request = Valid with
        {
            Techniques = ["hot-stones"],
            Precautions = [new PrecautionInput("Burn", "excludes-local-area", null), new PrecautionInput(null, "sometimes", null)],
            Insurance = new InsuranceInput(" ", "M-1", null, 0),
            Priority = "asap",
        };

        Assert.Equal(
            ["insurance.authorizedVisits", "insurance.payer", "precautions[0].bodyRegion", "precautions[1].effect", "precautions[1].name", "priority", "techniques[0]"],
            FieldsWithErrors(request));
    }

    [Fact]
    public void The_insurers_authorization_caps_the_visits_that_may_be_used()
    {
        ReferralValidator.Validate(Valid with { AuthorizedVisits = 12, Insurance = Valid.Insurance! with { AuthorizedVisits = 8 } }, Today, out var capped);
        ReferralValidator.Validate(Valid with { AuthorizedVisits = 10, Insurance = Valid.Insurance! with { AuthorizedVisits = null } }, Today, out var uncapped);

        Assert.Equal(8, capped!.EffectiveAuthorizedVisits);
        Assert.Equal(10, uncapped!.EffectiveAuthorizedVisits);
    }
}
