// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/nanoFramework.Runtime.Native:nanoFramework.Runtime.Native/Power.cs@279c2de56c52fbd4cf2c05400c4d16ed84dc85e9 (the API doc lists RebootDevice(RebootOption = NormalReboot) and RebootDevice(int, RebootOption = NormalReboot) at HEAD a7c24bd; a call RebootDevice() compiles against both)

using System;

namespace nanoFramework.Runtime.Native
{
    /// <summary>Device power management: reboot.</summary>
    public class Power
    {
        public Power() => throw new NotSupportedException("compile-only facade");

        public static void RebootDevice() => throw new NotSupportedException("compile-only facade");

        public static void RebootDevice(int exeConstraintTimeout) => throw new NotSupportedException("compile-only facade");
    }
}
