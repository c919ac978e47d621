using System;
using System.Collections.Generic;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using Clife.Simulator;
using Clife.Simulator.Mqtt;
using Clife.Simulator.Products;
using Xunit.Abstractions;

namespace Clife.Device.IntegrationTests.Infrastructure;

/// <summary>Starts simulators with the tests' standard products, and brings test devices online.</summary>
public static class Sim
{
    /// <summary>A product allowing every authLevel, ECB, hex key, with two provisioned devIds.</summary>
    public const string Product = "P100";
    /// <summary>Its devKey.</summary>
    public const string DevKey = "00112233445566778899aabbccddeeff";
    /// <summary>A devId provisioned for authLevel 0.</summary>
    public const string ProvisionedDevId = "hd0000000001";
    /// <summary>A product allowing only authLevel 2, CBC with a 16-character key and IV.</summary>
    public const string CbcProduct = "P200";
    /// <summary>Its devKey (16 characters).</summary>
    public const string CbcKey = "abcdefghijklmnop";
    /// <summary>Its IV (16 characters).</summary>
    public const string CbcIv = "0123456789abcdef";

    /// <summary>The standard products.</summary>
    public static IReadOnlyList<Product> Products { get; } =
    [
        new Product { ProductCode = Product, DevKey = DevKey, DevIds = [ProvisionedDevId, "hd0000000002"] },
        new Product { ProductCode = CbcProduct, DevKey = CbcKey, CipherMode = Clife.Simulator.Protocol.DataCipherMode.Cbc, Iv = CbcIv, AuthLevels = [2] },
    ];

    /// <summary>Starts a simulator logging to the test output, with the embedded broker unless one is given.</summary>
    public static Task<PlatformSimulator> StartAsync(ITestOutputHelper output, BrokerSettings? broker = null, X509Certificate2? https = null, bool ackReports = true)
        => PlatformSimulator.StartNewAsync(new SimulatorOptions
        {
            Products = Products,
            ExternalBroker = broker,
            HttpsCertificate = https,
            AckReports = ackReports,
            Log = TestLog.To(output),
            DefaultTimeout = TimeSpan.FromSeconds(5),
        });

    /// <summary>Registers a device (authLevel 1) and connects it to the simulator's broker, without 2004.</summary>
    public static async Task<TestDevice> ConnectedDeviceAsync(PlatformSimulator sim, string mac)
    {
        RegistrationResult r = await Registration.RegisterAsync(sim.BaseUrl, 1, Product, null, DevKey, mac);
        if (r.RespCode != 0) throw new InvalidOperationException($"registration failed: {r.Body}");
        var device = new TestDevice(Product, r.DevId, r.DevSecret);
        await device.ConnectOrThrowAsync(sim.MqttHost, sim.MqttPort);
        return device;
    }

    /// <summary>Registers, connects and completes 2004/2005; the simulator then counts the device online.</summary>
    public static async Task<TestDevice> OnlineDeviceAsync(PlatformSimulator sim, string mac)
    {
        TestDevice device = await ConnectedDeviceAsync(sim, mac);
        await device.SendConnectAsync();
        await sim.WaitForOnlineAsync(device.DevId);
        return device;
    }
}
