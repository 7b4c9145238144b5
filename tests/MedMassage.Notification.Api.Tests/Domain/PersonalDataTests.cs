using MedMassage.Notification.Api.Domain.Messages;

namespace MedMassage.Notification.Api.Tests.Domain;

/// <summary>SMTP and SMS errors were logged as the servers wrote them, addresses included; now they are masked first.</summary>
public sealed class PersonalDataTests
{
    [Theory]
    [InlineData("5.1.1 <maria.lopez@example.org>: Recipient address rejected", "5.1.1 <[email]>: Recipient address rejected")]
    [InlineData("SMS to +1 (617) 555-0100 failed: unreachable", "SMS to [phone] failed: unreachable")]
    [InlineData("Connection refused (127.0.0.1:2525) after 3 s", "Connection refused (127.0.0.1:2525) after 3 s")]
    public void Addresses_and_phone_numbers_are_masked_in_delivery_errors_and_nothing_else(string error, string masked) =>
        Assert.Equal(masked, PersonalData.Mask(error));
}
