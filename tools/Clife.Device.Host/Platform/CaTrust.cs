using System;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Clife.Device.Host.Platform;

/// <summary>
/// Verifies a TLS server against the CA the device is configured with, and only that CA (the device has no system
/// trust store): the chain must end at the configured CA and the certificate must match the host name.
/// </summary>
public static class CaTrust
{
    /// <summary>True when the server certificate is trusted; otherwise <paramref name="problem"/> says why.</summary>
    public static bool Validate(X509Certificate? server, X509Chain? presented, SslPolicyErrors errors, string caPem, out string problem)
    {
        if (server is null)
        {
            problem = "the server sent no certificate";
            return false;
        }
        if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            problem = "the server certificate does not match the host name";
            return false;
        }
        var ca = new X509Certificate2Collection();
        try
        {
            ca.ImportFromPem(caPem);
        }
        catch (CryptographicException e)
        {
            problem = "the configured CA is not a valid PEM certificate: " + e.Message;
            return false;
        }
        if (ca.Count == 0)
        {
            problem = "the configured CA holds no certificate";
            return false;
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presented is not null)
        {
            foreach (X509ChainElement e in presented.ChainElements) chain.ChainPolicy.ExtraStore.Add(e.Certificate);
        }
        using var leaf = new X509Certificate2(server);
        if (chain.Build(leaf))
        {
            problem = "";
            return true;
        }
        string status = "";
        foreach (X509ChainStatus s in chain.ChainStatus) status += (status.Length > 0 ? ", " : "") + s.Status;
        problem = "the server certificate is not signed by the configured CA (" + status + ")";
        return false;
    }
}
