namespace Clife.Simulator.Protocol;

/// <summary>respCode values used by the simulator (platform side) and seen from devices.</summary>
public static class RespCode
{
    /// <summary>Success.</summary>
    public const int Ok = 0;
    /// <summary>Generic error reply from a device (malformed or refused request).</summary>
    public const int Error = -1;

    /// <summary>Registration refused: request malformed (missing/invalid parameters, not a frame).</summary>
    public const int BadRequest = 1001;
    /// <summary>Registration refused: unknown product.</summary>
    public const int UnknownProduct = 1002;
    /// <summary>Registration refused: the authLevel rules were violated.</summary>
    public const int AuthLevelRefused = 1003;
    /// <summary>Registration refused: data could not be decrypted or parsed (wrong devKey?).</summary>
    public const int DecryptFailed = 1004;
    /// <summary>Registration refused on purpose by a test fault.</summary>
    public const int Refused = 1005;
    /// <summary>Connect (2004) refused on purpose by a test fault.</summary>
    public const int ConnectRefused = 1006;

    /// <summary>2018: upgrade progress (respCont 1..100).</summary>
    public const int FileUpgradeProgress = 0;
    /// <summary>2018: download progress (respCont 1..100).</summary>
    public const int FileDownloadProgress = 1;
    /// <summary>2018: the device asks for an upgrade (ALL/FIRM/SUBFIRM).</summary>
    public const int FileUpgradeRequest = 2;
    /// <summary>2018: version report / query reply.</summary>
    public const int FileVersionReport = 3;
    /// <summary>2018: failure (0/1/2/free text).</summary>
    public const int FileFailure = -1;
}
