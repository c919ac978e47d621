using Clife.Device.Crypto;
using Clife.Device.Hal;

namespace Clife.Device.Runtime
{
    /// <summary>Everything the host provides to the runtime: the HAL implementations of the board or of the virtual device.</summary>
    public sealed class DeviceHal
    {
        /// <summary>Bundles the HAL implementations.</summary>
        public DeviceHal(IClock clock, IRandom random, INetwork network, IMqttLink mqtt, IHttpClient http,
                         IBlockCipherFactory ciphers, ISystemControl system, IFlashArea configArea)
        {
            Clock = clock;
            Random = random;
            Network = network;
            Mqtt = mqtt;
            Http = http;
            Ciphers = ciphers;
            System = system;
            ConfigArea = configArea;
        }

        /// <summary>Time.</summary>
        public IClock Clock { get; }
        /// <summary>Randomness.</summary>
        public IRandom Random { get; }
        /// <summary>The IP network.</summary>
        public INetwork Network { get; }
        /// <summary>The MQTT connection.</summary>
        public IMqttLink Mqtt { get; }
        /// <summary>HTTP(S).</summary>
        public IHttpClient Http { get; }
        /// <summary>The AES primitive.</summary>
        public IBlockCipherFactory Ciphers { get; }
        /// <summary>Reboot and memory.</summary>
        public ISystemControl System { get; }
        /// <summary>Flash area of the configuration record.</summary>
        public IFlashArea ConfigArea { get; }
        /// <summary>Where log lines are mirrored; may be null.</summary>
        public ILogSink? LogSink { get; set; }
    }
}
