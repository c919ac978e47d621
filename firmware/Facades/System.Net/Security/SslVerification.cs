// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/System.Net:nanoFramework.System.Net/Security/NetworkSecurity.cs@2aea028002d81059eff53031c8d6b001218c71fe (same values in the newer text matching API doc HEAD 713b02c)

namespace System.Net.Security
{
    /// <summary>Certificate verification scheme.</summary>
    public enum SslVerification
    {
        NoVerification = 1,
        VerifyPeer = 2,
        CertificateRequired = 4,
        VerifyClientOnce = 8,
    }
}
