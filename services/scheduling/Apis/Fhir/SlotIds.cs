using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace MedMassage.Scheduling.Api.Apis.Fhir;

/// <summary>A free slot named by what makes it: therapist, location, start (to the minute) and appointment type.</summary>
public sealed record SlotKey(Guid TherapistId, Guid LocationId, DateTimeOffset StartsAt, string TypeCode);

/// <summary>
/// Slots are computed, not stored, so a Slot's id carries its key: base32 of therapist, location and start minute
/// (58 characters), a dash, and 5 characters of the type code's hash; 64 in all, FHIR's longest id.
/// </summary>
public static class SlotIds
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    public static string For(SlotKey key)
    {
        Span<byte> bytes = stackalloc byte[36];
        key.TherapistId.TryWriteBytes(bytes[..16]);
        key.LocationId.TryWriteBytes(bytes[16..32]);
        BinaryPrimitives.WriteUInt32BigEndian(bytes[32..], (uint)(key.StartsAt.ToUnixTimeSeconds() / 60));
        return $"{Encode(bytes)}-{TypeHash(key.TypeCode)}";
    }

    /// <summary>The key of a slot id, the type chosen among <paramref name="typeCodes"/> by its hash; null when it is not one of ours.</summary>
    public static SlotKey? Parse(string id, IEnumerable<string> typeCodes)
    {
        if (id.Length != 64 || id[58] != '-' || Decode(id[..58]) is not { Length: 36 } bytes)
        {
            return null;
        }
        var hash = id[59..];
        var type = typeCodes.FirstOrDefault(code => TypeHash(code) == hash);
        if (type is null)
        {
            return null;
        }
        var start = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(32)) * 60L);
        return new SlotKey(new Guid(bytes.AsSpan(0, 16)), new Guid(bytes.AsSpan(16, 16)), start, type);
    }

    private static string TypeHash(string code) => Encode(SHA256.HashData(Encoding.UTF8.GetBytes(code)).AsSpan(0, 5))[..5];

    private static string Encode(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder((bytes.Length * 8 + 4) / 5);
        int buffer = 0, bits = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                text.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0)
        {
            text.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        }
        return text.ToString();
    }

    private static byte[]? Decode(string text)
    {
        var bytes = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text)
        {
            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                return null;
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. bytes];
    }
}
