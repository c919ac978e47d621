using System;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Clife.Simulator.Devices;
using Clife.Simulator.Mqtt;
using Clife.Simulator.Protocol;

namespace Clife.Simulator;

/// <summary>What the platform does with frames arriving on the up topics.</summary>
public sealed partial class PlatformSimulator
{
    private const string MqttChannel = "mqtt";

    private async Task OnUpMessageAsync(string topic, byte[] payload)
    {
        if (!UpTopic.TryMatch(topic, out string productCode, out string devId))
        {
            Log.Warn("mqtt", $"message on unexpected topic {topic} ignored");
            return;
        }
        string raw = Encoding.UTF8.GetString(payload);
        if (!Frame.TryParse(raw, out Frame? frame, out string? error))
        {
            Registry.RecordFrame(devId, productCode, FrameFlow.Up, MqttChannel, raw, null, error);
            Log.Warn("mqtt", $"<- {devId}: not a frame ({error}): {Truncate(raw)}");
            return;
        }
        string? problem = frame!.Dir != FrameDirection.DeviceToPlatform
            ? $"dir '{frame.Dir}' is not '{FrameDirection.DeviceToPlatform}'"
            : !IsCompatibleVersion(frame.Ver) ? $"ver '{frame.Ver}' is not 1.x" : null;
        Registry.RecordFrame(devId, productCode, FrameFlow.Up, MqttChannel, raw, frame, problem);
        Log.Frame(true, devId, MqttChannel, frame);
        if (problem is not null)
        {
            Log.Warn("mqtt", $"<- {devId}: frame ignored: {problem}");
            return;
        }

        switch (frame.Cmd)
        {
            case PlatformCmd.Connect:
                await AnswerConnectAsync(devId, frame).ConfigureAwait(false);
                break;
            case PlatformCmd.Report when AckReports:
                await SendReplyAsync(devId, PlatformCmd.ReportAck, frame.MsgId, new JsonObject { [Fields.RespCode] = RespCode.Ok }).ConfigureAwait(false);
                break;
            case PlatformCmd.Will:
                Log.Info("mqtt", $"{devId} is offline (last will: {JsonValues.GetText(frame.DataObject?[Fields.Reason]) ?? "?"})");
                break;
            case PlatformCmd.FileReply:
                Log.Info("mqtt", $"{devId} file event {{{frame.RespCode?.ToString() ?? "?"},{frame.RespCont ?? "?"}}} #{frame.MsgId}");
                break;
        }
    }

    private async Task AnswerConnectAsync(string devId, Frame request)
    {
        ConnectFault fault = _connectFault.Take(f => f.Kind != ConnectFaultKind.None && (f.DevId is null || f.DevId == devId));
        long now = Time.GetUtcNow().ToUnixTimeMilliseconds();
        switch (fault.Kind)
        {
            case ConnectFaultKind.Ignore:
                Log.Info("mqtt", $"not answering {devId}'s 2004 (simulated)");
                return;
            case ConnectFaultKind.Refuse:
                await SendReplyAsync(devId, PlatformCmd.ConnectReply, request.MsgId,
                    new JsonObject { [Fields.RespCode] = fault.RespCode, [Fields.RespCont] = fault.RespCont, [Fields.Timestamp] = now }).ConfigureAwait(false);
                return;
            default:
                await SendReplyAsync(devId, PlatformCmd.ConnectReply, request.MsgId,
                    new JsonObject { [Fields.RespCode] = RespCode.Ok, [Fields.Timestamp] = now }).ConfigureAwait(false);
                Registry.SetOnline(devId);
                Log.Info("mqtt", $"{devId} is online");
                return;
        }
    }

    private Task SendReplyAsync(string devId, int cmd, long msgId, JsonObject data)
        => PublishFrameAsync(devId, new Frame
        {
            Cmd = cmd,
            Dir = FrameDirection.PlatformToDevice,
            MsgId = msgId,
            Timestamp = Time.GetUtcNow().ToUnixTimeMilliseconds(),
            Data = data,
        }, CancellationToken.None);

    private async Task PublishFrameAsync(string devId, Frame frame, CancellationToken cancellationToken)
    {
        PlatformLink link = _link ?? throw new InvalidOperationException("the simulator is not started");
        DeviceInfo? device = Registry.Find(devId);
        string topic = DownTopic.Format(device?.ProductCode ?? string.Empty, devId);
        string json = frame.ToJson();
        // Record before publishing so that a fast reply never arrives before its request is known.
        Registry.RecordFrame(devId, device?.ProductCode, FrameFlow.Down, MqttChannel, json, frame, null);
        Log.Frame(false, devId, MqttChannel, frame);
        await link.PublishAsync(topic, Encoding.UTF8.GetBytes(json), cancellationToken).ConfigureAwait(false);
    }

    private static bool IsCompatibleVersion(string ver)
    {
        int dot = ver.IndexOf('.', StringComparison.Ordinal);
        string major = dot < 0 ? ver : ver[..dot];
        return major.TrimStart('0') == "1";
    }

    private static string Truncate(string s) => s.Length <= 200 ? s : s[..200] + "...";
}
