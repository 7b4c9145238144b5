using System.Net.Http.Json;
using MedMassage.Notification.Api.Domain.Messages;

namespace MedMassage.Notification.Api.Infrastructure.Delivery;

/// <summary>What the SMS provider's HTTP API receives.</summary>
public sealed record SmsRequest(string To, string Body, string Reference);

/// <summary>Sends SMS through the provider's HTTP API; any non-success answer is a failed attempt.</summary>
internal sealed class SmsSender(HttpClient http, SmsEndpointResolver endpoint) : IChannelSender
{
    public const string ClientName = "sms";

    public Channel Channel => Channel.Sms;

    public async Task SendAsync(Message message, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync(endpoint.Resolve(), new SmsRequest(message.Recipient, message.Body, message.Id.ToString()), ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"SMS provider answered {(int)response.StatusCode} {response.ReasonPhrase}");
        }
    }
}
