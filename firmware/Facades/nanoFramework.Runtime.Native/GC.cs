// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/nanoFramework.Runtime.Native:nanoFramework.Runtime.Native/GC.cs@17c93f5c72ef1ac48d5f61895609152ff288e89a

using System;

namespace nanoFramework.Runtime.Native
{
    /// <summary>Runs the garbage collector and reports free memory (not System.GC).</summary>
    public static class GC
    {
        public static uint Run(bool compactHeap) => throw new NotSupportedException("compile-only facade");

        public static void EnableGCMessages(bool enable) => throw new NotSupportedException("compile-only facade");
    }
}
