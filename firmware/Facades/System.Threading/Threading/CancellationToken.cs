// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/System.Threading:nanoFramework.System.Threading/Threading/CancellationToken.cs@2ba518553182959cc63839260c592fd31f5817df

using System;

namespace System.Threading
{
    /// <summary>Propagates notification that an operation should be canceled.</summary>
    public struct CancellationToken
    {
        public CancellationToken(bool canceled) => throw new NotSupportedException("compile-only facade");

        public static CancellationToken None => throw new NotSupportedException("compile-only facade");

        public bool IsCancellationRequested => throw new NotSupportedException("compile-only facade");

        public bool CanBeCanceled => throw new NotSupportedException("compile-only facade");

        public void ThrowIfCancellationRequested() => throw new NotSupportedException("compile-only facade");
    }
}
