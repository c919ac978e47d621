using System.Globalization;
using System.Linq;
using Clife.Device.Protocol;
using Clife.Device.Tests.Json;
using CsCheck;

namespace Clife.Device.Tests.Protocol
{
    /// <summary>The envelope of a generated frame.</summary>
    internal readonly record struct Head(int Cmd, string Dir, long MsgId, int Prio, long Timestamp);

    /// <summary>CsCheck generators of frames: envelopes and the typed data of every message, with values at their range edges.</summary>
    internal static class FrameGen
    {
        /// <summary>Any long, often one of the edges.</summary>
        public static readonly Gen<long> Long = Gen.Frequency(
            (3, Gen.Long),
            (1, Gen.Long[-1000, 1000]),
            (2, Gen.OneOf(long.MinValue, long.MinValue + 1, -1L, 0L, 1L, long.MaxValue - 1, long.MaxValue, int.MaxValue, int.MaxValue + 1L, int.MinValue, int.MinValue - 1L)));

        /// <summary>A long of 0 or more, often an edge.</summary>
        public static readonly Gen<long> NonNegativeLong = Gen.Frequency(
            (3, Gen.Long[0, long.MaxValue]),
            (1, Gen.Long[0, 1000]),
            (2, Gen.OneOf(0L, 1L, long.MaxValue - 1, long.MaxValue, int.MaxValue, int.MaxValue + 1L, 4294967295L, 4294967296L)));

        /// <summary>Any int, often one of the edges.</summary>
        public static readonly Gen<int> Int = Gen.Frequency(
            (3, Gen.Int),
            (1, Gen.Int[-100, 100]),
            (2, Gen.OneOf(int.MinValue, int.MinValue + 1, -1, 0, 1, 2, int.MaxValue - 1, int.MaxValue)));

        /// <summary>An int of 0 or more, often an edge.</summary>
        public static readonly Gen<int> NonNegativeInt = Gen.Frequency(
            (3, Gen.Int[0, int.MaxValue]),
            (1, Gen.Int[0, 100]),
            (2, Gen.OneOf(0, 1, 2, int.MaxValue - 1, int.MaxValue)));

        /// <summary>-1 (absent) or an int of 0 or more.</summary>
        public static readonly Gen<int> OptionalInt = Gen.Frequency((1, Gen.Const(-1)), (3, NonNegativeInt));

        /// <summary>Text of any valid code points (no lone surrogates): controls, quotes, backslashes, CJK, emoji.</summary>
        public static readonly Gen<string> Text = JsonGen.ArrayOf(JsonGen.CodePoint, 0, 12)
            .Select(cps => string.Concat(cps.Select(char.ConvertFromUtf32)));

        /// <summary>Text that is not empty.</summary>
        public static readonly Gen<string> NonEmptyText = Gen.Select(JsonGen.CodePoint, Text, (cp, rest) => char.ConvertFromUtf32(cp) + rest);

        /// <summary>A data point name: spaces around it are not part of a name (Profile.TrimPropertyNames).</summary>
        public static readonly Gen<string> PointName = Text.Select(s => s.Trim(' '));

        public static readonly Gen<Head> Header = Gen.Select(
            Gen.Frequency((3, Gen.OneOf(Cmd.Register, Cmd.RegisterReply, Cmd.Connect, Cmd.ConnectReply, Cmd.Report, Cmd.Query, Cmd.Control,
                Cmd.Unbind, Cmd.Will, Cmd.ForceOffline, Cmd.FileReply, Cmd.File)), (1, NonNegativeInt)),
            Gen.OneOf(Profile.DirToDevice, Profile.DirToPlatform, "12", "99", "00"),
            Long,
            Gen.Frequency((2, Gen.Const(Profile.PrioMedium)), (2, Gen.Int[0, 3]), (1, Int)),
            Long,
            (cmd, dir, msgId, prio, timestamp) => new Head(cmd, dir, msgId, prio, timestamp));

        public static readonly Gen<DevVersion> DevVersion = Gen.Select(Int, Text, Text, (n, s, h) => new DevVersion(n, s, h));

        public static readonly Gen<DevVersion[]> DevVersions = JsonGen.ArrayOf(DevVersion, 0, 6);

        public static readonly Gen<RegisterRequest> RegisterRequest = Gen.Select(Text, Text, Text, Text, Text, Int,
            (code, devId, mac, sw, hw, pv) => new RegisterRequest { ProductCode = code, DevId = devId, Mac = mac, Software = sw, Hardware = hw, ProductVer = pv });

        public static readonly Gen<ConnectRequest> ConnectRequest = Gen.Select(Text, Text, Int, DevVersions, Text, Int,
            (sw, hw, pv, versions, ip, rssi) => new ConnectRequest { Software = sw, Hardware = hw, ProductVer = pv, DevVer = versions, Ip = ip, Rssi = rssi });

        /// <summary>A successful reply carries a whole login; a failed one (any other respCode) carries none.</summary>
        public static readonly Gen<RegisterReply> RegisterReply = Gen.Frequency(
            (3, Gen.Select(Text, NonEmptyText, NonEmptyText, NonEmptyText, Gen.OneOf(Gen.Int[1, 65535], Gen.OneOf(1, 65535)), Gen.Bool, NonNegativeLong,
                (cont, devId, secret, host, port, tls, time) => new RegisterReply
                {
                    RespCode = Profile.RespOk, RespCont = cont, DevId = devId, DevSecret = secret, MqttHost = host, MqttPort = port, MqttTls = tls, Timestamp = time,
                })),
            (1, Gen.Select(Int.Where(c => c != Profile.RespOk), Text, NonNegativeLong,
                (code, cont, time) => new RegisterReply { RespCode = code, RespCont = cont, Timestamp = time })));

        public static readonly Gen<ResultReply> ResultReply = Gen.Select(Int, Text, NonNegativeLong,
            (code, cont, time) => new ResultReply { RespCode = code, RespCont = cont, Timestamp = time });

        public static readonly Gen<QueryRequest> QueryRequest = JsonGen.ArrayOf(PointName, 0, 8).Select(p => new QueryRequest { Points = p });

        /// <summary>A number literal that is not a long integer (fraction, exponent, or beyond the long range): ControlRequest.KindNumber.</summary>
        public static readonly Gen<string> NonIntegerLiteral = Gen.Frequency(
            (3, JsonGen.Number),
            (1, Gen.OneOf("9223372036854775808", "-9223372036854775809", "1e400", "-0.0", "0.5", "123456789012345678901234567890")))
            .Where(s => !long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _));

        /// <summary>An object or array of at most 200 characters: ControlRequest.KindComposite.</summary>
        public static readonly Gen<string> Composite = JsonGen.Value.Where(v => (v[0] == '{' || v[0] == '[') && v.Length <= 200);

        private readonly record struct Point(string Name, int Kind, long Integer, string Text);

        private static readonly Gen<Point> ControlPoint = Gen.Frequency(
            (2, Gen.Select(PointName, Gen.Bool, (n, b) => new Point(n, Clife.Device.Protocol.ControlRequest.KindBool, b ? 1 : 0, ""))),
            (3, Gen.Select(PointName, Long, (n, v) => new Point(n, Clife.Device.Protocol.ControlRequest.KindInteger, v, ""))),
            (3, Gen.Select(PointName, Text, (n, s) => new Point(n, Clife.Device.Protocol.ControlRequest.KindString, 0, s))),
            (1, Gen.Select(PointName, NonIntegerLiteral, (n, s) => new Point(n, Clife.Device.Protocol.ControlRequest.KindNumber, 0, s))),
            (1, PointName.Select(n => new Point(n, Clife.Device.Protocol.ControlRequest.KindNull, 0, ""))),
            (1, Gen.Select(PointName, Composite, (n, s) => new Point(n, Clife.Device.Protocol.ControlRequest.KindComposite, 0, s))));

        public static readonly Gen<ControlRequest> ControlRequest = JsonGen.ArrayOf(ControlPoint, 0, 8).Select(points =>
        {
            var m = Clife.Device.Protocol.ControlRequest.WithCapacity(points.Length);
            for (int i = 0; i < points.Length; i++)
            {
                m.Points[i] = points[i].Name;
                m.Kinds[i] = points[i].Kind;
                m.Integers[i] = points[i].Integer;
                m.Strings[i] = points[i].Text;
            }
            return m;
        });

        public static readonly Gen<UnbindRequest> UnbindRequest = Text.Select(r => new UnbindRequest { Reason = r });

        public static readonly Gen<ForceOfflineRequest> ForceOfflineRequest = Gen.Frequency((1, Gen.Const(-1L)), (3, NonNegativeLong))
            .Select(s => new ForceOfflineRequest { Seconds = s });

        public static readonly Gen<WillMessage> WillMessage = Gen.Select(Text, Text, (devId, reason) => new WillMessage { DevId = devId, Reason = reason });

        public static readonly Gen<FileInfo> FileInfo = Gen.Select(
            Gen.Frequency((3, Gen.OneOf(Names.TypeFirm, Names.TypeSubFirm, Names.TypeProfile, Names.TypeLog, Names.TypePhoto, Names.TypeVideo, Names.TypeVoice, Names.TypeData)), (1, Text)),
            OptionalInt, Text, Text, Text, Text, Gen.Frequency((1, Gen.Const((false, 0L))), (3, Long.Select(c => (true, c)))),
            (type, devNum, sw, hw, url, md5, sum) => new FileInfo
            {
                FileType = type, DevNum = devNum, Software = sw, Hardware = hw, Url = url, Md5 = md5, HasCheckSum = sum.Item1, CheckSum = sum.Item2,
            });

        public static readonly Gen<FileRequest> FileRequest = Gen.Select(
            Gen.Frequency((3, Gen.OneOf(Names.ModeDown, Names.ModeUp, Names.ModeQuery)), (1, NonEmptyText)),
            OptionalInt,
            JsonGen.ArrayOf(FileInfo, 0, 5),
            Long,
            Gen.Frequency((1, Gen.Const((false, 0L))), (3, Long.Select(t => (true, t)))),
            (mode, pv, files, start, stop) => new FileRequest
            {
                FileMode = mode, ProductVer = pv, Files = files, StartTime = start, HasStopTime = stop.Item1, StopTime = stop.Item2,
            });

        public static readonly Gen<FileReply> FileReply = Gen.Frequency(
            (2, Gen.Select(Gen.OneOf(Clife.Device.Protocol.FileReply.DownloadProgress, Clife.Device.Protocol.FileReply.UpgradeProgress), Gen.Int[0, 100],
                (code, percent) => new FileReply { RespCode = code, RespCont = percent.ToString(System.Globalization.CultureInfo.InvariantCulture) })),
            (1, Gen.OneOf(Names.ScopeAll, Names.TypeFirm, Names.TypeSubFirm).Select(Clife.Device.Protocol.FileReply.Request)),
            (1, Gen.OneOf(Gen.OneOf("0", "1", "2"), Text).Select(Clife.Device.Protocol.FileReply.Failed)),
            (2, Gen.Select(Text, NonNegativeInt, DevVersions, Clife.Device.Protocol.FileReply.Versions)),
            (2, Gen.Select(Int, Text, OptionalInt, Gen.Frequency((1, Gen.Const((DevVersion[]?)null)), (2, DevVersions.Select(v => (DevVersion[]?)v))),
                (code, cont, pv, versions) => new FileReply { RespCode = code, RespCont = cont, ProductVer = pv, DevVer = versions })));
    }
}
