// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/System.Threading:nanoFramework.System.Threading/Threading/CancellationTokenSource.cs@2ba518553182959cc63839260c592fd31f5817df

using System;

namespace System.Threading
{
    /// <summary>Signals cancellation to a CancellationToken, optionally after a delay.</summary>
    public class CancellationTokenSource : IDisposable
    {
        public CancellationTokenSource() => throw new NotSupportedException("compile-only facade");

        public CancellationTokenSource(int millisecondsDelay) => throw new NotSupportedException("compile-only facade");

        public CancellationTokenSource(TimeSpan delay) => throw new NotSupportedException("compile-only facade");

        public bool IsCancellationRequested => throw new NotSupportedException("compile-only facade");

        public CancellationToken Token => throw new NotSupportedException("compile-only facade");

        public void Cancel() => throw new NotSupportedException("compile-only facade");

        public void CancelAfter(int millisecondsDelay) => throw new NotSupportedException("compile-only facade");

        public void Dispose() => throw new NotSupportedException("compile-only facade");
    }
}
