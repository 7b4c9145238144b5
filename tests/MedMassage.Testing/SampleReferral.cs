namespace MedMassage.Testing;

/// <summary>A valid referral submission as a physician's office posts it to <c>/api/referrals</c>, for tests that drive the suite over HTTP.</summary>
public static class SampleReferral
{
    public static object Submission(string physicianEmail, Guid? locationId = null)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return new
        {
            patient = new
            {
                firstName = "Maria", lastName = "Lopez", dateOfBirth = new DateOnly(1980, 4, 12), sex = "female",
                phone = "+1 555 0100", email = "maria@example.org", preferredChannel = "email", language = "en-US",
                identifiers = Array.Empty<object>(),
            },
            physician = new { name = "Dr. John Carter", npi = "1234567893", organization = "St. Mary Orthopedics", phone = "+1 555 0199", fax = "+1 555 0198", email = physicianEmail },
            diagnoses = new[] { "M54.50" },
            techniques = new[] { "myofascial-release" },
            bodyRegions = new[] { "lower-back" },
            sessionsPerWeek = 2,
            weeks = 6,
            authorizedVisits = 12,
            validFrom = today,
            validUntil = today.AddDays(60),
            precautions = Array.Empty<object>(),
            insurance = new { payer = "Acme Health", memberId = "ACM-123", authorizationNumber = "AUTH-9", authorizedVisits = 12 },
            locationId = locationId ?? Guid.NewGuid(),
            priority = "routine",
        };
    }
}
