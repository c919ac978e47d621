// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/System.Net:nanoFramework.System.Net/Security/NetworkSecurity.cs@713b02c (API doc HEAD; the stored text with these values was found by content, its commit is not reported; the indexed version @2aea028002d81059eff53031c8d6b001218c71fe is older: Tls=0x10, Tls11=0x20, Tls12=0x40, no Tls13)

using System;

namespace System.Net.Security
{
    /// <summary>TLS protocol versions (bit flags).</summary>
    [Flags]
    public enum SslProtocols
    {
        None = 0x00,
        [Obsolete("This value is obsolete and unsecured and will be removed in a future version.")]
        Tls = 192,
        [Obsolete("This value is obsolete and unsecured and will be removed in a future version.")]
        Tls11 = 768,
        Tls12 = 3072,
        Tls13 = 12288,
    }
}
