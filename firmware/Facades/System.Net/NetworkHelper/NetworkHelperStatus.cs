// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/System.Net:nanoFramework.System.Net/NetworkHelper/NetworkHelperStatus.cs@055d4fe792f3a3c0eac63dcdec4032d1a2667679

namespace nanoFramework.Networking
{
    /// <summary>State or error of the network helpers.</summary>
    public enum NetworkHelperStatus
    {
        None,
        Started,
        NetworkIsReady,
        FailedNoNetworkInterface,
        TokenExpiredWaitingIPAddress,
        TokenExpiredWaitingDateTime,
        ErrorConnetingToWiFiWhileScanning,
        Reconnecting,
        ExceptionOccurred
    }
}
