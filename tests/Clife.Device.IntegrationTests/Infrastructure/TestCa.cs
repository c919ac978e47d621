using System;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Clife.Device.IntegrationTests.Infrastructure;

/// <summary>
/// A certificate authority made in memory during the test run (ECDSA P-256), which issues server certificates for
/// 127.0.0.1 and localhost. Its PEM is what a device is configured with (`config set ca`).
/// </summary>
public sealed class TestCa : IDisposable
{
    private readonly ECDsa _key;

    private TestCa(X509Certificate2 certificate, ECDsa key)
    {
        Certificate = certificate;
        _key = key;
    }

    /// <summary>The CA's own (self-signed) certificate.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The CA certificate as PEM.</summary>
    public string CertificatePem => Certificate.ExportCertificatePem();

    /// <summary>Creates a CA with the given distinguished name.</summary>
    public static TestCa Create(string name = "CN=clife test CA")
    {
        ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(name, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        X509Certificate2 cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        return new TestCa(cert, key);
    }

    /// <summary>
    /// Issues a TLS server certificate with its private key: for 127.0.0.1 and localhost, or only for
    /// <paramref name="onlyHost"/> when given; valid from 5 minutes ago for 12 hours unless other times are given.
    /// </summary>
    public ServerCertificate IssueServerCertificate(string name = "CN=127.0.0.1", DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null,
        string? onlyHost = null)
    {
        using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(name, key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        if (onlyHost is not null)
        {
            san.AddDnsName(onlyHost);
        }
        else
        {
            san.AddIpAddress(IPAddress.Loopback);
            san.AddDnsName("localhost");
        }
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, true, false));
        byte[] serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7f;
        using X509Certificate2 issued = request.Create(Certificate.SubjectName, X509SignatureGenerator.CreateForECDsa(_key),
            notBefore ?? DateTimeOffset.UtcNow.AddMinutes(-5), notAfter ?? DateTimeOffset.UtcNow.AddHours(12), serial);
        using X509Certificate2 withKey = issued.CopyWithPrivateKey(key);
        // A PKCS#12 round trip gives a certificate whose key every TLS stack on every OS can use (Kestrel on Linux too).
        X509Certificate2 loaded = X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pfx), null);
        return new ServerCertificate(loaded, issued.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Certificate.Dispose();
        _key.Dispose();
    }
}

/// <summary>A server certificate issued by a <see cref="TestCa"/>: for .NET servers and as PEM files for mosquitto.</summary>
public sealed record ServerCertificate(X509Certificate2 Certificate, string CertificatePem, string PrivateKeyPem) : IDisposable
{
    /// <inheritdoc />
    public void Dispose() => Certificate.Dispose();
}
