using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Clife.Simulator.Protocol;

/// <summary>One protocol frame: {"cmd","ver","dir","msgId","prio"?,"timestamp","data"}.</summary>
public sealed class Frame
{
    /// <summary>The protocol version the simulator speaks.</summary>
    public const string CurrentVersion = "1.0";

    /// <summary>Function ID.</summary>
    public int Cmd { get; init; }
    /// <summary>Protocol version, e.g. "1.0".</summary>
    public string Ver { get; init; } = CurrentVersion;
    /// <summary>Direction ("30" platform→device, "03" device→platform).</summary>
    public string Dir { get; init; } = FrameDirection.PlatformToDevice;
    /// <summary>Sequence number; a reply carries the request's.</summary>
    public long MsgId { get; init; }
    /// <summary>Priority, when the frame carries one (default 1).</summary>
    public int? Prio { get; init; }
    /// <summary>Milliseconds since the Unix epoch.</summary>
    public long Timestamp { get; init; }
    /// <summary>Payload: an object over MQTT, a base64 string over HTTP (or a plain object in error replies).</summary>
    public JsonNode? Data { get; init; }

    /// <summary>The payload as an object, or null when it is not one.</summary>
    public JsonObject? DataObject => Data as JsonObject;

    /// <summary>The data's respCode as a number (accepts a numeric string), or null.</summary>
    public int? RespCode => DataObject is { } d ? JsonValues.GetInt(d[Fields.RespCode]) : null;

    /// <summary>The data's respCont as text (a number is turned into its text), or null.</summary>
    public string? RespCont => DataObject is { } d ? JsonValues.GetText(d[Fields.RespCont]) : null;

    /// <summary>Serialises the frame as compact JSON.</summary>
    public string ToJson()
    {
        var o = new JsonObject
        {
            [Fields.Cmd] = Cmd,
            [Fields.Ver] = Ver,
            [Fields.Dir] = Dir,
            [Fields.MsgId] = MsgId,
        };
        if (Prio is int p) o[Fields.Prio] = p;
        o[Fields.Timestamp] = Timestamp;
        o[Fields.Data] = Data?.DeepClone();
        return o.ToJsonString();
    }

    /// <inheritdoc />
    public override string ToString() => ToJson();

    /// <summary>Parses a frame tolerantly (unknown members ignored; timestamp/msgId may be numeric strings).</summary>
    /// <exception cref="FrameFormatException">The text is not JSON, not an object, or lacks a required member.</exception>
    public static Frame Parse(string json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FrameFormatException($"not JSON: {e.Message}", e);
        }
        if (node is not JsonObject o) throw new FrameFormatException("not a JSON object");

        int cmd = JsonValues.GetInt(o[Fields.Cmd]) ?? throw new FrameFormatException("cmd missing or not a number");
        long msgId = JsonValues.GetLong(o[Fields.MsgId]) ?? throw new FrameFormatException("msgId missing or not a number");
        string ver = JsonValues.GetText(o[Fields.Ver]) ?? throw new FrameFormatException("ver missing");
        string dir = JsonValues.GetText(o[Fields.Dir]) ?? throw new FrameFormatException("dir missing");
        long timestamp = JsonValues.GetLong(o[Fields.Timestamp]) ?? throw new FrameFormatException("timestamp missing or not a number");
        if (!o.ContainsKey(Fields.Data)) throw new FrameFormatException("data missing");
        int? prio = o.ContainsKey(Fields.Prio) ? JsonValues.GetInt(o[Fields.Prio]) ?? throw new FrameFormatException("prio not a number") : null;
        return new Frame
        {
            Cmd = cmd,
            Ver = ver,
            Dir = dir,
            MsgId = msgId,
            Prio = prio,
            Timestamp = timestamp,
            Data = o[Fields.Data]?.DeepClone(),
        };
    }

    /// <summary>Parses a frame; returns false with the reason instead of throwing.</summary>
    public static bool TryParse(string json, out Frame? frame, out string? error)
    {
        try
        {
            frame = Parse(json);
            error = null;
            return true;
        }
        catch (FrameFormatException e)
        {
            frame = null;
            error = e.Message;
            return false;
        }
    }
}

/// <summary>Tolerant readers of JSON scalar values.</summary>
public static class JsonValues
{
    /// <summary>A number (or numeric string) as long; null otherwise.</summary>
    public static long? GetLong(JsonNode? n)
    {
        if (n is not JsonValue v) return null;
        switch (v.GetValueKind())
        {
            case JsonValueKind.Number:
                if (v.TryGetValue(out long l)) return l;
                if (v.TryGetValue(out double d) && d == Math.Floor(d) && Math.Abs(d) < 9e18) return (long)d;
                return null;
            case JsonValueKind.String:
                return long.TryParse(v.GetValue<string>(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long s) ? s : null;
            default:
                return null;
        }
    }

    /// <summary>A number (or numeric string) within int range; null otherwise.</summary>
    public static int? GetInt(JsonNode? n) => GetLong(n) is long l && l >= int.MinValue && l <= int.MaxValue ? (int)l : null;

    /// <summary>A string, or a number/bool as its JSON text; null for null, objects and arrays.</summary>
    public static string? GetText(JsonNode? n)
    {
        if (n is not JsonValue v) return null;
        return v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.ToJsonString(),
            _ => null,
        };
    }
}
