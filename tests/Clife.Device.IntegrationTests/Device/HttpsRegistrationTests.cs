using System;
using System.Threading.Tasks;
using Clife.Device.IntegrationTests.Infrastructure;
using Clife.Simulator;
using Clife.Simulator.Devices;
using Xunit;
using Xunit.Abstractions;
using RuntimeState = Clife.Device.Runtime.DeviceState;

namespace Clife.Device.IntegrationTests.Device;

/// <summary>
/// Registration over HTTPS against the simulator's HTTPS endpoint, whose certificate comes from a test CA made during
/// the run. The device trusts only the CA it is configured with, and an https server without a CA is never tried,
/// over HTTPS or over plain HTTP. (The broker plays no part here, so these run with the embedded one.)
/// </summary>
public sealed class HttpsRegistrationTests(ITestOutputHelper output)
{
    private const string NotSignedByCa = "the server certificate is not signed by the configured CA";

    [Fact]
    public async Task With_the_right_CA_the_device_registers_over_HTTPS_and_goes_online()
    {
        using TestCa ca = TestCa.Create();
        using ServerCertificate server = ca.IssueServerCertificate();
        await using TestPlatform platform = await TestPlatform.StartAsync(Brokers.Embedded, output, https: server.Certificate);
        PlatformSimulator sim = platform.Sim;
        using DeviceUnderTest dut = DeviceUnderTest.Start(output);

        string devId = await dut.ProvisionAndWaitOnlineAsync(sim, sim.HttpsBaseUrl!, ca.CertificatePem);

        RegistrationAttempt attempt = Assert.Single(sim.RegistrationAttempts);
        Assert.Equal((200, 0, devId), (attempt.HttpStatus, attempt.RespCode, attempt.IssuedDevId));
        Assert.Equal(1, dut.LogLinesContaining("registering at " + sim.HttpsBaseUrl + "/device/register"));
    }

    [Theory]
    [InlineData("CN=another clife test CA")]
    [InlineData("CN=clife test CA")] // the same name as the server's CA, but another key
    public async Task With_a_CA_that_did_not_sign_the_server_certificate_the_device_refuses_the_server_and_does_not_register(string otherCaName)
    {
        using TestCa ca = TestCa.Create();
        using TestCa other = TestCa.Create(otherCaName);
        using ServerCertificate server = ca.IssueServerCertificate();
        await using TestPlatform platform = await TestPlatform.StartAsync(Brokers.Embedded, output, https: server.Certificate);
        PlatformSimulator sim = platform.Sim;
        using DeviceUnderTest dut = DeviceUnderTest.Start(output);

        dut.Provision(sim.HttpsBaseUrl!, other.CertificatePem);

        await dut.WaitForAsync(() => dut.LogLinesContaining(NotSignedByCa) >= 2, "refusing the server twice");
        dut.Device.Do(r =>
        {
            Assert.Equal(RuntimeState.Unregistered, r.State);
            Assert.StartsWith("registration failed: TLS: " + NotSignedByCa, r.Reason);
            Assert.StartsWith("registration failed: TLS: " + NotSignedByCa, r.Log.LastError);
            Assert.False(r.Config.IsRegistered);
        });
        Assert.Empty(sim.RegistrationAttempts);
        Assert.Empty(sim.Devices);
    }

    [Fact]
    public async Task An_expired_server_certificate_of_the_right_CA_is_refused_and_the_reason_says_it_expired()
    {
        using TestCa ca = TestCa.Create();
        using ServerCertificate server = ca.IssueServerCertificate(notBefore: DateTimeOffset.UtcNow.AddDays(-2), notAfter: DateTimeOffset.UtcNow.AddDays(-1));
        await using TestPlatform platform = await TestPlatform.StartAsync(Brokers.Embedded, output, https: server.Certificate);
        PlatformSimulator sim = platform.Sim;
        using DeviceUnderTest dut = DeviceUnderTest.Start(output);

        dut.Provision(sim.HttpsBaseUrl!, ca.CertificatePem);

        await dut.WaitForAsync(() => dut.LogLinesContaining("is not valid at this time") >= 1, "refusing the expired certificate");
        dut.Device.Do(r =>
        {
            Assert.StartsWith("registration failed: TLS: the certificate \"CN=127.0.0.1\" is not valid at this time: valid from ", r.Reason);
            Assert.DoesNotContain("not signed by the configured CA", r.Reason);
            Assert.False(r.Config.IsRegistered);
        });
        Assert.Empty(sim.RegistrationAttempts);
    }

    [Fact]
    public async Task Without_a_CA_the_device_does_not_register_over_HTTPS_nor_fall_back_to_plain_HTTP()
    {
        using TestCa ca = TestCa.Create();
        using ServerCertificate server = ca.IssueServerCertificate();
        await using TestPlatform platform = await TestPlatform.StartAsync(Brokers.Embedded, output, https: server.Certificate);
        PlatformSimulator sim = platform.Sim;
        using DeviceUnderTest dut = DeviceUnderTest.Start(output);

        dut.Provision(sim.HttpsBaseUrl!);

        dut.Device.Do(r =>
        {
            Assert.Equal(RuntimeState.Unconfigured, r.State);
            Assert.Equal("the server uses HTTPS but no CA certificate is configured: config set ca", r.Reason);
        });
        Assert.Contains("no CA certificate is configured: config set ca", await dut.RunAsync("status"));

        // The technician adds the CA: the one and only registration attempt the simulator ever sees (over HTTP or
        // HTTPS) is the HTTPS one that follows.
        Assert.Contains("ca saved", await dut.PasteCaAsync(ca.CertificatePem));
        await dut.WaitOnlineAsync(sim);
        RegistrationAttempt attempt = Assert.Single(sim.RegistrationAttempts);
        Assert.Equal((200, 0), (attempt.HttpStatus, attempt.RespCode));
        Assert.Equal(1, dut.LogLinesContaining("registering at https://"));
        Assert.Equal(0, dut.LogLinesContaining("registering at http://"));
    }
}
