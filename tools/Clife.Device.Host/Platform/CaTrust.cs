using System;
using System.Globalization;
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
        problem = Explain(chain);
        return false;
    }

    /// <summary>
    /// Why a chain failed, in the technician's terms: a chain that does not end at the configured CA is a different
    /// problem (wrong CA) from a certificate of the right CA that has expired (renew it, or check the clock).
    /// </summary>
    private static string Explain(X509Chain chain)
    {
        const X509ChainStatusFlags NotTrusted = X509ChainStatusFlags.UntrustedRoot | X509ChainStatusFlags.PartialChain | X509ChainStatusFlags.NotSignatureValid;
        X509ChainStatusFlags flags = X509ChainStatusFlags.NoError;
        string status = "";
        foreach (X509ChainStatus s in chain.ChainStatus)
        {
            flags |= s.Status;
            status += (status.Length > 0 ? ", " : "") + s.Status;
        }
        if ((flags & NotTrusted) != 0) return "the server certificate is not signed by the configured CA (" + status + ")";
        if ((flags & X509ChainStatusFlags.NotTimeValid) != 0)
        {
            foreach (X509ChainElement e in chain.ChainElements)
            {
                foreach (X509ChainStatus s in e.ChainElementStatus)
                {
                    if (s.Status != X509ChainStatusFlags.NotTimeValid) continue;
                    return "the certificate \"" + e.Certificate.Subject + "\" is not valid at this time: valid from "
                        + e.Certificate.NotBefore.ToUniversalTime().ToString("u", CultureInfo.InvariantCulture) + " to "
                        + e.Certificate.NotAfter.ToUniversalTime().ToString("u", CultureInfo.InvariantCulture) + ", the device's clock says "
                        + DateTime.UtcNow.ToString("u", CultureInfo.InvariantCulture);
                }
            }
        }
        return "the server certificate is not valid (" + status + ")";
    }
}
