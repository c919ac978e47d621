using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Clife.Simulator.Devices;
using Clife.Simulator.Protocol;

namespace Clife.Simulator;

/// <summary>What the platform knows, and awaitable helpers for tests and the demo.</summary>
public sealed partial class PlatformSimulator
{
    /// <summary>All devices, by devId.</summary>
    public IReadOnlyList<DeviceInfo> Devices => Registry.Devices;

    /// <summary>One device, or null when unknown.</summary>
    public DeviceInfo? GetDevice(string devId) => Registry.Find(devId);

    /// <summary>One device.</summary>
    /// <exception cref="UnknownDeviceException">Not known.</exception>
    public DeviceInfo RequireDevice(string devId) => Registry.Find(devId) ?? throw new UnknownDeviceException(devId);

    /// <summary>Frames seen for a device in both directions, oldest first.</summary>
    public IReadOnlyList<FrameRecord> GetFrames(string devId) => Registry.Frames(devId);

    /// <summary>The device's 2018 events, oldest first.</summary>
    public IReadOnlyList<FileEvent> GetFileEvents(string devId) => Registry.FileEvents(devId);

    /// <summary>Every registration attempt, oldest first.</summary>
    public IReadOnlyList<RegistrationAttempt> RegistrationAttempts => Registry.RegistrationAttempts;

    /// <summary>The newest frame sequence; pass it as afterSequence to wait only for later frames.</summary>
    public long LastSequence => Registry.LastSequence;

    /// <summary>
    /// Waits for a frame from the device (device→platform) with this cmd (and msgId, when given).
    /// Frames count when their sequence is above afterSequence; by default that is every frame already seen when a
    /// msgId is given, and only frames arriving after the call otherwise.
    /// </summary>
    /// <exception cref="TimeoutException">None arrived in time; the message lists the device's latest frames.</exception>
    public async Task<FrameRecord> WaitForFrameAsync(string devId, int cmd, long? msgId = null, TimeSpan? timeout = null,
        long? afterSequence = null, CancellationToken cancellationToken = default)
    {
        long after = afterSequence ?? (msgId is null ? Registry.LastSequence : 0);
        TimeSpan t = timeout ?? _options.DefaultTimeout;
        return await Registry.WaitAsync(
            v => v.Frames(devId).FirstOrDefault(f => f.Sequence > after && f.Flow == FrameFlow.Up && f.Error is null
                && f.Frame is { } fr && fr.Cmd == cmd && (msgId is null || fr.MsgId == msgId)),
            t,
            () => $"no frame {cmd}{(msgId is null ? "" : $" #{msgId}")} from {devId} within {t.TotalSeconds:0.#} s; {DescribeRecent(devId)}",
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits for the reply to a request the platform sent (cmd XOR 1, same msgId); for 2019 the first 2018.</summary>
    /// <exception cref="ArgumentException">The msgId is not one the platform sent.</exception>
    /// <exception cref="TimeoutException">No reply in time.</exception>
    public async Task<Frame> WaitForReplyAsync(long msgId, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        if (!Registry.TryGetRequest(msgId, out string devId, out int cmd))
            throw new ArgumentException($"msgId {msgId} is not a request the platform sent", nameof(msgId));
        FrameRecord r = await WaitForFrameAsync(devId, PlatformCmd.ReplyOf(cmd), msgId, timeout, 0, cancellationToken).ConfigureAwait(false);
        return r.Frame!;
    }

    /// <summary>The reply to a request if it has arrived, otherwise null.</summary>
    public Frame? GetReply(long msgId)
    {
        if (!Registry.TryGetRequest(msgId, out string devId, out int cmd)) return null;
        int replyCmd = PlatformCmd.ReplyOf(cmd);
        return Registry.Frames(devId).FirstOrDefault(f => f.Flow == FrameFlow.Up && f.Frame is { } fr && fr.Cmd == replyCmd && fr.MsgId == msgId)?.Frame;
    }

    /// <summary>Sends a request and waits for its reply.</summary>
    public async Task<Frame> RequestAsync(string devId, int cmd, System.Text.Json.Nodes.JsonNode? data, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        long msgId = await SendAsync(devId, cmd, data, null, cancellationToken).ConfigureAwait(false);
        return await WaitForReplyAsync(msgId, timeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits until the device is in a state (e.g. Online).</summary>
    /// <exception cref="TimeoutException">Not in time.</exception>
    public Task<DeviceInfo> WaitForStateAsync(string devId, DeviceState state, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        TimeSpan t = timeout ?? _options.DefaultTimeout;
        return Registry.WaitAsync(
            v => v.StateOf(devId) == state ? v.Device(devId) : null,
            t,
            () => $"device {devId} not {state} within {t.TotalSeconds:0.#} s (it is {Registry.Find(devId)?.State.ToString() ?? "unknown"}); {DescribeRecent(devId)}",
            cancellationToken);
    }

    /// <summary>Waits until the device is online (2005 sent).</summary>
    public Task<DeviceInfo> WaitForOnlineAsync(string devId, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        => WaitForStateAsync(devId, DeviceState.Online, timeout, cancellationToken);

    /// <summary>Waits until the device is offline (will, forced offline, or dropped from the embedded broker).</summary>
    public Task<DeviceInfo> WaitForOfflineAsync(string devId, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        => WaitForStateAsync(devId, DeviceState.Offline, timeout, cancellationToken);

    /// <summary>Waits until some device satisfies the condition (e.g. the first one to register), and returns it.</summary>
    public Task<DeviceInfo> WaitForDeviceAsync(Func<DeviceInfo, bool> match, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        TimeSpan t = timeout ?? _options.DefaultTimeout;
        return Registry.WaitAsync(
            v => v.AllDevices().FirstOrDefault(match),
            t,
            () => $"no matching device within {t.TotalSeconds:0.#} s; devices: {string.Join(", ", Registry.Devices.Select(d => $"{d.DevId}={d.State}"))}",
            cancellationToken);
    }

    /// <summary>Waits for a 2018 event of the device matching the condition, above afterSequence (default: any seen).</summary>
    /// <exception cref="TimeoutException">None in time; the message lists the events seen.</exception>
    public Task<FileEvent> WaitForFileEventAsync(string devId, Func<FileEvent, bool> match, TimeSpan? timeout = null, long afterSequence = 0, CancellationToken cancellationToken = default)
    {
        TimeSpan t = timeout ?? _options.DefaultTimeout;
        return Registry.WaitAsync(
            v => v.FileEvents(devId).FirstOrDefault(e => e.Sequence > afterSequence && match(e)),
            t,
            () => $"no matching 2018 event from {devId} within {t.TotalSeconds:0.#} s; events: {string.Join(" ", Registry.FileEvents(devId).Select(e => e.ToString()))}",
            cancellationToken);
    }

    /// <summary>Waits until at least `count` registration attempts were answered (or left hanging).</summary>
    public Task<IReadOnlyList<RegistrationAttempt>> WaitForRegistrationAttemptsAsync(int count, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        TimeSpan t = timeout ?? _options.DefaultTimeout;
        return Registry.WaitAsync<IReadOnlyList<RegistrationAttempt>>(
            v => v.RegistrationAttempts.Count >= count ? v.RegistrationAttempts.ToList() : null,
            t,
            () => $"only {Registry.RegistrationAttempts.Count} of {count} registration attempts within {t.TotalSeconds:0.#} s",
            cancellationToken);
    }

    private string DescribeRecent(string devId)
    {
        IReadOnlyList<FrameRecord> frames = Registry.Frames(devId);
        if (frames.Count == 0) return "no frames seen from it";
        IEnumerable<string> last = frames.Skip(Math.Max(0, frames.Count - 8))
            .Select(f => $"{(f.Flow == FrameFlow.Up ? "<-" : "->")}{f.Cmd?.ToString() ?? "?"}#{f.MsgId?.ToString() ?? "?"}{(f.Error is null ? "" : "!")}");
        return "recent frames: " + string.Join(" ", last);
    }
}
