using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Clife.Simulator;
using Clife.Simulator.Devices;

namespace Clife.Device.IntegrationTests.Infrastructure;

/// <summary>Waits on and reads the frames the platform recorded for a device.</summary>
public static class SimFrames
{
    /// <summary>
    /// Waits until the platform received at least <paramref name="count"/> well-formed frames from the device with
    /// this cmd after the sequence cursor, and returns them (all that match, oldest first).
    /// </summary>
    /// <exception cref="TimeoutException">Fewer arrived in time; the message lists what did.</exception>
    public static Task<List<FrameRecord>> WaitForUpFramesAsync(this PlatformSimulator sim, string devId, int cmd, int count, long afterSequence,
        TimeSpan timeout, Func<FrameRecord, bool>? match = null)
        => sim.Registry.WaitAsync(
            v =>
            {
                List<FrameRecord> hits = UpFrames(v.Frames(devId), cmd, afterSequence, match);
                return hits.Count >= count ? hits : null;
            },
            timeout,
            () => $"only {UpFrames(sim.GetFrames(devId), cmd, afterSequence, match).Count} of {count} frames {cmd} from {devId} within {timeout.TotalSeconds:0} s; "
                  + "frames since the cursor: " + string.Join(" ", sim.GetFrames(devId).Where(f => f.Sequence > afterSequence)
                      .Select(f => $"{(f.Flow == FrameFlow.Up ? "<-" : "->")}{f.Cmd?.ToString() ?? "?"}#{f.MsgId?.ToString() ?? "?"}")));

    /// <summary>Well-formed frames from the device with this cmd after the cursor, oldest first.</summary>
    public static List<FrameRecord> UpFrames(this PlatformSimulator sim, string devId, int cmd, long afterSequence)
        => UpFrames(sim.GetFrames(devId), cmd, afterSequence, null);

    private static List<FrameRecord> UpFrames(IEnumerable<FrameRecord> frames, int cmd, long afterSequence, Func<FrameRecord, bool>? match)
        => frames.Where(f => f.Sequence > afterSequence && f.Flow == FrameFlow.Up && f.Error is null && f.Cmd == cmd && (match is null || match(f))).ToList();
}
