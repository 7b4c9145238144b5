namespace MedMassage.Referral.Api.Domain;

/// <summary>
/// A referral's reference for people: "R-" and six Crockford base-32 symbols, which cannot be misread (no I, L, O or
/// U). It is made from a database sequence number, so two referrals never share one; the number is first spread by
/// an invertible multiplication, so neighbouring referrals do not get neighbouring references.
/// </summary>
public sealed record ReferralReference(string Value)
{
    private const string Symbols = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const long Space = 1L << 30; // six symbols of five bits
    private const long Spread = 0x2B5F_A3C5; // odd, so multiplying by it modulo 2^30 is a bijection

    public static ReferralReference FromNumber(long number)
    {
        if (number is < 0 or >= Space)
        {
            throw new ArgumentOutOfRangeException(nameof(number), "References are made from numbers below 2^30.");
        }
        var spread = number * Spread % Space;
        Span<char> symbols = stackalloc char[6];
        for (var i = 5; i >= 0; i--, spread >>= 5)
        {
            symbols[i] = Symbols[(int)(spread & 31)];
        }
        return new($"R-{symbols[..3]}-{symbols[3..]}");
    }

    public override string ToString() => Value;
}
