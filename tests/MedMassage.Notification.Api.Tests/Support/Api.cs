using System.Net.Http.Json;
using MedMassage.Notification.Api.Apis.Contracts;
using MedMassage.Testing;

namespace MedMassage.Notification.Api.Tests.Support;

/// <summary>The service's own API, as staff tools read it.</summary>
public static class Api
{
    public static async Task<IReadOnlyList<MessageSummary>> MessagesAsync(this HttpClient client, string query) =>
        await client.GetFromJsonAsync<List<MessageSummary>>($"/api/notifications/messages?{query}") ?? [];

    public static Task<IReadOnlyList<MessageSummary>> WaitForMessagesAsync(this HttpClient client, string query, Func<IReadOnlyList<MessageSummary>, bool> condition, string what) =>
        Eventually.WaitAsync(() => client.MessagesAsync(query), condition, TimeSpan.FromSeconds(30), what);

    public static async Task<MessageDetails> MessageAsync(this HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<MessageDetails>($"/api/notifications/messages/{id}"))!;

    public static async Task<IReadOnlyList<InboxItem>> InboxAsync(this HttpClient client, string recipientKey) =>
        await client.GetFromJsonAsync<List<InboxItem>>($"/api/notifications/inbox/{recipientKey}") ?? [];
}
