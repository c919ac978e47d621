// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/System.Net:nanoFramework.System.Net/X509Certificates/X509Certificate.cs@215b2f786526ce5eabb04b0e115e9fec862bf712

using System;

namespace System.Security.Cryptography.X509Certificates
{
    /// <summary>An X.509 v3 certificate (DER or PEM).</summary>
    public class X509Certificate
    {
        public X509Certificate() => throw new NotSupportedException("compile-only facade");

        public X509Certificate(byte[] certificate) => throw new NotSupportedException("compile-only facade");

        public X509Certificate(string certificate) => throw new NotSupportedException("compile-only facade");

        public virtual string Issuer { get => throw new NotSupportedException("compile-only facade"); }

        public virtual string Subject { get => throw new NotSupportedException("compile-only facade"); }

        public virtual DateTime GetEffectiveDate() => throw new NotSupportedException("compile-only facade");

        public virtual DateTime GetExpirationDate() => throw new NotSupportedException("compile-only facade");

        public virtual byte[] GetRawCertData() => throw new NotSupportedException("compile-only facade");
    }
}
