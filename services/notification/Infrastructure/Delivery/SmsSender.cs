using MedMassage.Notification.Api.Domain.Messages;

namespace MedMassage.Notification.Api.Infrastructure.Delivery;

/// <summary>What the SMS provider's HTTP API receives.</summary>
public sealed record SmsRequest(string To, string Body, string Reference);

/// <summary>Sends SMS through the provider's HTTP API; any non-success answer is a failed attempt.</summary>
internal sealed class SmsSender(HttpClient http, SmsEndpointResolver endpoint, SmsSink sink) : IChannelSender
{
    public const string ClientName = "sms";

    public Channel Channel => Channel.Sms;

    // Each SMS is its own HTTP request; HttpClient already pools the connections underneath.
    public IChannelSession OpenSession() => new StatelessSession(SendAsync);

    public async Task SendAsync(Message message, CancellationToken ct)
    {
        var uri = endpoint.Resolve();
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = JsonContent.Create(new SmsRequest(message.Recipient, message.Body, message.Id.ToString())),
        };
        // The development sink admits only this process; a real provider never sees the key.
        if (uri.AbsolutePath == SmsEndpointResolver.SinkPath)
        {
            request.Headers.Add(SmsSink.KeyHeader, sink.Key);
        }
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
        {
            throw new ChannelUnavailableException(Channel.Sms, e); // the provider is unreachable: the message waits
        }
        using var _ = response;
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"SMS provider answered {(int)response.StatusCode} {response.ReasonPhrase}");
        }
    }
}
