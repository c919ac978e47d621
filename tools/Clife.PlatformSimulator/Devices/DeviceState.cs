
namespace Clife.Simulator.Devices;

/// <summary>The platform's view of a device.</summary>
public enum DeviceState
{
    /// <summary>Has credentials, has not completed 2004/2005 yet.</summary>
    Registered,
    /// <summary>2005 (respCode 0) sent.</summary>
    Online,
    /// <summary>Will received, forced offline, or disconnected from the embedded broker.</summary>
    Offline,
    /// <summary>Acknowledged an unbind (2012); it will register again.</summary>
    Unbound,
}
