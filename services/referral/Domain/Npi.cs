namespace MedMassage.Referral.Api.Domain;

/// <summary>The US National Provider Identifier: ten digits, the last a Luhn check digit over "80840" + the first nine.</summary>
public static class Npi
{
    public static bool IsValid(string? npi)
    {
        if (npi is not { Length: 10 } || !npi.All(char.IsAsciiDigit))
        {
            return false;
        }

        var digits = "80840" + npi[..9];
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            // Double every second digit from the right, the check digit being the rightmost position.
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 0)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }
            sum += d;
        }
        var check = (10 - sum % 10) % 10;
        return npi[9] - '0' == check;
    }
}
