namespace Clife.Device.Tests
{
    /// <summary>A CA certificate in PEM form, as a technician pastes it (the content is not parsed by the core).</summary>
    public static class Pem
    {
        /// <summary>The lines of the certificate, without line ends.</summary>
        public static readonly string[] Lines =
        {
            "-----BEGIN CERTIFICATE-----",
            "MIIBszCCAVmgAwIBAgIUYk7q0E5rJ8m1m3xw0l6a2n9d3WkwCgYIKoZIzj0EAwIw",
            "LzELMAkGA1UEBhMCQ04xIDAeBgNVBAMMF2NsaWZlIHRlc3QgcGxhdGZvcm0gQ0Ew",
            "HhcNMjQwMTAxMDAwMDAwWhcNMzQwMTAxMDAwMDAwWjAvMQswCQYDVQQGEwJDTjEg",
            "-----END CERTIFICATE-----",
        };

        /// <summary>The certificate as one string with "\n" line ends (as the console stores a pasted one).</summary>
        public static string Ca
        {
            get
            {
                string text = "";
                for (int i = 0; i < Lines.Length; i++) text += Lines[i] + "\n";
                return text;
            }
        }
    }
}
