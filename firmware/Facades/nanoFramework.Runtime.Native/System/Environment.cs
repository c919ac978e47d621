// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/nanoFramework.Runtime.Native:nanoFramework.Runtime.Native/System/Environment.cs@545618b37d18b3f3690d363d29e7e913c23b08a9
namespace System
{
    /// <summary>The platform's monotonic millisecond counter (the rest of Environment is not in mscorlib 1.x).</summary>
    public static partial class Environment
    {
        public static long TickCount64 => throw new NotSupportedException("compile-only facade");
    }
}
