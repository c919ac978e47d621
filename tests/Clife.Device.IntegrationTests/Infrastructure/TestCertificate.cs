using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Clife.Device.IntegrationTests.Infrastructure;

/// <summary>A self-signed certificate for 127.0.0.1/localhost, made in memory for HTTPS tests.</summary>
public static class TestCertificate
{
    /// <summary>Creates the certificate (with its private key, loadable by Kestrel).</summary>
    public static X509Certificate2 Create()
    {
        using RSA rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=clife-simulator-test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(System.Net.IPAddress.Loopback);
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using X509Certificate2 cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pfx), null);
    }
}
