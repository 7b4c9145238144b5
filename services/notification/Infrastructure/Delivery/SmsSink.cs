using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace MedMassage.Notification.Api.Infrastructure.Delivery;

/// <summary>
/// What the development SMS sink received, in memory. Only this process's own SMS sender may post to it: it proves
/// that with a key made at start-up that never leaves the process, as a provider's API key would.
/// </summary>
public sealed class SmsSink
{
    public const string KeyHeader = "X-Sms-Sink-Key";

    private readonly ConcurrentQueue<SmsRequest> _received = new();
    private readonly byte[] _key = Encoding.ASCII.GetBytes(Convert.ToHexString(RandomNumberGenerator.GetBytes(32)));

    internal string Key => Encoding.ASCII.GetString(_key);

    public IReadOnlyList<SmsRequest> All => [.. _received];

    public void Add(SmsRequest request) => _received.Enqueue(request);

    public bool Admits(string? key) =>
        key is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(key), _key);
}
