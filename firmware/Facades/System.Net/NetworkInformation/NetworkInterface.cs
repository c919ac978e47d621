// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/System.Net:nanoFramework.System.Net/NetworkInformation/NetworkInterface.cs@1c1908d6bfbce24f268805e37f3c76d010b14113

using System;

namespace System.Net.NetworkInformation
{
    /// <summary>A network interface of the device (IP, MAC, DHCP).</summary>
    public class NetworkInterface
    {
        protected NetworkInterface(int interfaceIndex) => throw new NotSupportedException("compile-only facade");

        public static bool GetIsNetworkAvailable() => throw new NotSupportedException("compile-only facade");

        public static NetworkInterface[] GetAllNetworkInterfaces() => throw new NotSupportedException("compile-only facade");

        public void EnableDhcp() => throw new NotSupportedException("compile-only facade");

        public string IPv4Address { get => throw new NotSupportedException("compile-only facade"); }

        public string IPv4GatewayAddress { get => throw new NotSupportedException("compile-only facade"); }

        public string IPv4SubnetMask { get => throw new NotSupportedException("compile-only facade"); }

        public bool IsDhcpEnabled { get => throw new NotSupportedException("compile-only facade"); }

        public byte[] PhysicalAddress { get => throw new NotSupportedException("compile-only facade"); set => throw new NotSupportedException("compile-only facade"); }

        public NetworkInterfaceType NetworkInterfaceType { get => throw new NotSupportedException("compile-only facade"); }
    }
}
