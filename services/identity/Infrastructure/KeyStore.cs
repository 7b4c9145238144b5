using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace MedMassage.Identity.Api.Infrastructure;

/// <summary>
/// RSA keys kept as PEM files in the keys directory: created on first run, read on every later run, so tokens
/// stay valid across restarts and every replica sharing the directory signs with the same key.
/// </summary>
public static class KeyStore
{
    public static RsaSecurityKey LoadOrCreate(string directory, string name)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{name}.pem");
        var rsa = RSA.Create();
        if (!File.Exists(path))
        {
            rsa.KeySize = 2048;
            TryWriteNew(path, rsa.ExportRSAPrivateKeyPem());
        }

        // Read back even after writing: if another replica won the race, its key is the one on disk.
        rsa.ImportFromPem(File.ReadAllText(path));
        var key = new RsaSecurityKey(rsa);
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        return key;
    }

    private static void TryWriteNew(string path, string pem)
    {
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
            using var writer = new StreamWriter(path, options);
            writer.Write(pem);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Written meanwhile by another process; use theirs.
        }
    }
}
