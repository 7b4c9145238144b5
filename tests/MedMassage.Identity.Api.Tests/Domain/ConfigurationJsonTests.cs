using System.Text.Json;
using MedMassage.Identity.Api.Infrastructure.Seeding;
using Microsoft.Extensions.Configuration;

namespace MedMassage.Identity.Api.Tests.Domain;

public sealed class ConfigurationJsonTests
{
    [Fact]
    public void A_JWKS_written_as_an_object_in_the_seed_file_comes_back_as_the_same_JSON()
    {
        const string file = """{"Jwks":{"keys":[{"kty":"RSA","e":"AQAB","n":"abc"},{"kty":"EC","crv":"P-384","x":"x1","y":"y1"}]}}""";
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(file))).Build();

        var json = ConfigurationJson.Read(configuration.GetSection("Jwks"));

        var keys = JsonDocument.Parse(json!).RootElement.GetProperty("keys");
        Assert.Equal(2, keys.GetArrayLength());
        Assert.Equal("abc", keys[0].GetProperty("n").GetString());
        Assert.Equal("P-384", keys[1].GetProperty("crv").GetString());
    }

    [Fact]
    public void A_JWKS_given_as_one_JSON_string_is_taken_as_is_and_an_absent_one_is_null()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Jwks"] = """{"keys":[]}""" }).Build();

        Assert.Equal("""{"keys":[]}""", ConfigurationJson.Read(configuration.GetSection("Jwks")));
        Assert.Null(ConfigurationJson.Read(configuration.GetSection("Missing")));
    }
}
