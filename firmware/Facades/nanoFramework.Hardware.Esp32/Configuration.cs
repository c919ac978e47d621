// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/nanoFramework.Hardware.Esp32:nanoFramework.Hardware.Esp32/Configuration.cs@2fcc3520f586c75ff6001c1bf91425df1b8dd053

using System;

namespace nanoFramework.Hardware.Esp32
{
    /// <summary>Pin-function mapping; set COMn pins before opening the SerialPort.</summary>
    public class Configuration
    {
        public Configuration() => throw new NotSupportedException("compile-only facade");

        public static void SetPinFunction(int pin, DeviceFunction value) => throw new NotSupportedException("compile-only facade");

        public static int GetFunctionPin(DeviceFunction function) => throw new NotSupportedException("compile-only facade");
    }
}
