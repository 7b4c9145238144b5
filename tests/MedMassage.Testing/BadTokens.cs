using Xunit;

namespace MedMassage.Testing;

/// <summary>The tokens no MedMassage API may accept, each otherwise carrying a caller who would be allowed.</summary>
public static class BadTokens
{
    public static TheoryData<string> Kinds => ["no token", "expired", "expired a minute ago", "wrong audience", "wrong issuer", "wrong signing key", "alg none", "not a JWT"];

    /// <summary>The raw token of that kind for <paramref name="caller"/>; null for "no token".</summary>
    public static string? For(string kind, TestCaller caller) => kind switch
    {
        "no token" => null,
        "expired" => TestTokens.For(caller, TimeSpan.FromMinutes(5), notBefore: DateTime.UtcNow.AddHours(-1)),
        // Past the 30 s allowed for clock drift; the framework's default five minutes would still take it.
        "expired a minute ago" => TestTokens.For(caller, TimeSpan.FromMinutes(5), notBefore: DateTime.UtcNow.AddMinutes(-6)),
        "wrong audience" => TestTokens.For(caller, audience: "some-other-api"),
        "wrong issuer" => TestTokens.For(caller, issuer: "https://identity.impostor.example/"),
        // Same key id as the trusted key, different key material.
        "wrong signing key" => TestTokens.For(caller, key: TestTokens.NewKey(TestTokens.SigningKey.KeyId)),
        "alg none" => TestTokens.Unsigned(caller),
        "not a JWT" => "not.a.jwt",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
