using Clife.Device.Protocol;

namespace Clife.Device.Runtime
{
    /// <summary>What the running firmware is: its versions and those of its sub-devices (for 2000, 2004 and 2018).</summary>
    public sealed class DeviceIdentity
    {
        /// <summary>Creates an identity of the module alone.</summary>
        public DeviceIdentity(string software, string hardware, int productVer)
        {
            Software = software;
            Hardware = hardware;
            ProductVer = productVer;
        }

        /// <summary>Software version of the running image ("1.0.0.0").</summary>
        public string Software { get; set; }

        /// <summary>Hardware version of the board ("1.0").</summary>
        public string Hardware { get; }

        /// <summary>Overall product version.</summary>
        public int ProductVer { get; set; }

        /// <summary>Versions of the sub-devices (devNum 1 and up); empty when there are none.</summary>
        public DevVersion[] SubDevices { get; set; } = new DevVersion[0];

        /// <summary>The devVer list: the module as devNum 0, then the sub-devices.</summary>
        public DevVersion[] AllVersions()
        {
            DevVersion[] all = new DevVersion[1 + SubDevices.Length];
            all[0] = new DevVersion(0, Software, Hardware);
            for (int i = 0; i < SubDevices.Length; i++) all[i + 1] = SubDevices[i];
            return all;
        }
    }
}
