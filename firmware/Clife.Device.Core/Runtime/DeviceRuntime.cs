using System;
using Clife.Device.Hal;
using Clife.Device.Json;
using Clife.Device.Protocol;
using Clife.Device.Text;

namespace Clife.Device.Runtime
{
    /// <summary>
    /// The device: a single-threaded state machine (unregistered → registered → connected, protocol.md sections 4, 6
    /// and 10) driven by <see cref="Poll"/>. It registers over HTTP, keeps its login in flash, connects to MQTT with a
    /// last will, answers the platform's commands, reports its data points, and retries with full-jitter backoff.
    /// The host calls Poll in a loop; each call does a bounded amount of work (a network call is bounded by its
    /// timeout).
    /// </summary>
    public sealed class DeviceRuntime
    {
        /// <summary>How many received messages wait for <see cref="Poll"/>; more are dropped and logged.</summary>
        public const int InboxCapacity = 16;
        private const int LogLines = 64;
        private const int MsgIdRange = 1 << 30;
        private const int MillisPerSecond = 1000;

        private readonly DeviceHal _hal;
        private readonly DeviceIdentity _identity;
        private readonly DataModel _model;
        private readonly ConfigStore _store;
        private readonly Registrar _registrar;
        private readonly MqttInbox _inbox = new MqttInbox(InboxCapacity);
        private int _inboxDropsLogged;
        private readonly FrameReader _reader = new FrameReader();
        private readonly JsonWriter _writer = new JsonWriter(512);
        private readonly OutboundQueue _queue = new OutboundQueue(Profile.OfflineQueueFrames, Profile.OfflineQueueBytes);
        private readonly ReplyCache _replies = new ReplyCache(Profile.DuplicateCacheSize);
        private readonly Backoff _backoff;

        private DeviceConfig _config = new DeviceConfig();
        private int _state = DeviceState.Starting;
        private string _reason = "";
        private long _nextAttemptMs;
        private long _handshakeMsgId = -1;
        private long _handshakeDeadlineMs;
        private long _connectedAtMs;
        private long _offlineUntilMs = -1;
        private long _nextReportMs;
        private long _nextMsgId;
        private string _upTopic = "";
        private string _downTopic = "";

        /// <summary>Creates the runtime; call <see cref="Start"/> next.</summary>
        public DeviceRuntime(DeviceHal hal, DeviceIdentity identity, DataModel model)
        {
            _hal = hal;
            _identity = identity;
            _model = model;
            Log = new DeviceLog(hal.Clock, hal.LogSink, LogLines);
            Clock = new PlatformClock(hal.Clock);
            _store = new ConfigStore(hal.ConfigArea);
            _registrar = new Registrar(hal);
            _backoff = new Backoff(Profile.BackoffBaseMs, Profile.BackoffCapMs, hal.Random);
            _nextMsgId = 1 + hal.Random.Next(MsgIdRange);
            StartedAtMs = hal.Clock.NowMs;
        }

        // ---- Observable state (console, logs, tests) ----

        /// <summary>The device log (RAM ring).</summary>
        public DeviceLog Log { get; }

        /// <summary>Platform time.</summary>
        public PlatformClock Clock { get; }

        /// <summary>Current state (see <see cref="DeviceState"/>).</summary>
        public int State => _state;

        /// <summary>Name of the current state.</summary>
        public string StateName => DeviceState.Name(_state);

        /// <summary>Why the device is in its state (what it waits for, or the last failure).</summary>
        public string Reason => _reason;

        /// <summary>Monotonic time when the runtime was created.</summary>
        public long StartedAtMs { get; }

        /// <summary>Milliseconds left of a timed forced-offline hold (-1 when there is none).</summary>
        public long OfflineRemainingMs => _state == DeviceState.Offline && _offlineUntilMs >= 0 ? (_offlineUntilMs > Now ? _offlineUntilMs - Now : 0) : -1;

        /// <summary>Milliseconds until the next registration or connection attempt (0 when due or not waiting).</summary>
        public long RetryInMs => _state == DeviceState.Unregistered || _state == DeviceState.Registered
            ? (_nextAttemptMs > Now ? _nextAttemptMs - Now : 0) : 0;

        /// <summary>A copy of the configuration (secrets included: callers must mask them).</summary>
        public DeviceConfig Config => _config.Clone();

        /// <summary>
        /// The live configuration, without a copy, for the core's own reads on every poll (a copy per poll is garbage
        /// the device's small heap must collect over and over). Never modify it: changes go through <see cref="SetConfig"/>.
        /// </summary>
        internal DeviceConfig CurrentConfig => _config;

        /// <summary>Versions of the running firmware.</summary>
        public DeviceIdentity Identity => _identity;

        /// <summary>The data points.</summary>
        public DataModel Model => _model;

        /// <summary>The HAL (for the console's status: network, memory).</summary>
        public DeviceHal Hal => _hal;

        /// <summary>Frames waiting to be published.</summary>
        public int QueuedFrames => _queue.Count;

        /// <summary>Frames dropped because the offline queue was full.</summary>
        public int DroppedFrames => _queue.Dropped;

        /// <summary>Carries out 2019 file operations; null means they are refused.</summary>
        public IFileOperations? FileOperations { get; set; }

        /// <summary>Polled with the runtime (the serial console); may be null.</summary>
        public IPollable? Console { get; set; }

        /// <summary>The topic the device publishes to (empty before registration).</summary>
        public string UpTopic => _upTopic;

        /// <summary>The topic the device subscribes to (empty before registration).</summary>
        public string DownTopic => _downTopic;

        private long Now => _hal.Clock.NowMs;

        // ---- Life cycle ----

        /// <summary>Loads the configuration from flash and enters the first state.</summary>
        public void Start()
        {
            _config = _store.Load(out string problem);
            Log.Write("boot: software " + _identity.Software + ", hardware " + _identity.Hardware + ", config record #" + _store.Sequence.ToString());
            if (problem.Length > 0) Log.Fail(problem);
            if (_config.IsRegistered)
            {
                UpdateTopics();
                Enter(DeviceState.Registered, "has a login for " + _config.LoginDevId + "; connecting");
            }
            else
            {
                EnterUnregisteredOrUnconfigured("no login");
            }
            _nextAttemptMs = Now;
        }

        /// <summary>Does one bounded step: incoming messages, console, timers, and the current state's work.</summary>
        public void Poll()
        {
            if (_state == DeviceState.Stopped) return;
            if (Console != null) Console.Poll();
            if (_state == DeviceState.Stopped) return;
            ProcessInbox();
            // Unconfigured has no work here: only SetConfig changes the configuration, and SetConfig checks it again.
            switch (_state)
            {
                case DeviceState.Unregistered:
                    if (Now >= _nextAttemptMs) TryRegister();
                    break;
                case DeviceState.Registered:
                    if (Now >= _nextAttemptMs) TryConnect();
                    break;
                case DeviceState.Handshaking:
                    if (Now >= _handshakeDeadlineMs) LinkFailed("no connect reply (2005) within " + (Profile.ConnectReplyTimeoutMs / MillisPerSecond).ToString() + " s", true);
                    break;
                case DeviceState.Connected:
                    WhileConnected();
                    break;
                case DeviceState.Offline:
                    if (_offlineUntilMs >= 0 && Now >= _offlineUntilMs) ResumeAfterOffline("forced offline period is over");
                    break;
            }
            if (FileOperations != null && _state != DeviceState.Stopped) FileOperations.Poll();
        }

        // ---- Registration ----

        private void EnterUnregisteredOrUnconfigured(string why)
        {
            if (!EnterUnconfiguredIfIncomplete()) Enter(DeviceState.Unregistered, why + "; registering");
        }

        /// <summary>Enters Unconfigured, with what is missing as the reason, when the configuration cannot register; true if it did.</summary>
        private bool EnterUnconfiguredIfIncomplete()
        {
            string? problem = ConfigRules.RegistrationProblem(_config);
            if (problem == null) return false;
            Enter(DeviceState.Unconfigured, problem);
            return true;
        }

        private void TryRegister()
        {
            if (EnterUnconfiguredIfIncomplete()) return;
            if (!EnsureNetwork()) return;
            Log.Write("registering at " + Registrar.Url(_config));
            string? failure = _registrar.Register(_config, _identity, NextMsgId(), Clock.NowMs, out RegisterReply? reply);
            if (failure != null || reply == null)
            {
                Retry(failure ?? "registration failed");
                return;
            }
            Clock.Sync(reply.Timestamp);
            DeviceConfig updated = _config.Clone();
            updated.LoginDevId = reply.DevId;
            updated.LoginProductCode = _config.ProductCode;
            updated.DevSecret = reply.DevSecret;
            updated.MqttHost = reply.MqttHost;
            updated.MqttPort = reply.MqttPort;
            updated.MqttTls = reply.MqttTls;
            if (!Save(updated))
            {
                // Without the backoff every poll would register again, and each registration issues a new devId.
                Retry("registered, but could not store the login: " + Log.LastError);
                return;
            }
            _backoff.Reset();
            UpdateTopics();
            Log.Write("registered as " + reply.DevId + "; broker " + reply.MqttHost + ":" + reply.MqttPort.ToString() + (reply.MqttTls ? " (TLS)" : ""));
            Enter(DeviceState.Registered, "registered; connecting");
            _nextAttemptMs = Now;
        }

        // ---- MQTT session ----

        private void TryConnect()
        {
            if (!_config.IsRegistered)
            {
                EnterUnregisteredOrUnconfigured("no login");
                return;
            }
            if (_config.MqttTls && _config.CaPem.Length == 0)
            {
                Retry("the broker requires TLS but no CA certificate is configured: config set ca");
                return;
            }
            if (!EnsureNetwork()) return;

            MqttConnectOptions options = new MqttConnectOptions();
            options.Host = _config.MqttHost;
            options.Port = _config.MqttPort;
            options.Tls = _config.MqttTls;
            options.CaPem = _config.CaPem;
            options.ClientId = _config.LoginDevId;
            options.Username = _config.LoginDevId;
            options.Password = _config.DevSecret;
            options.KeepAliveSeconds = Profile.KeepAliveSeconds;
            options.CleanSession = Profile.CleanSession;
            options.WillTopic = _upTopic;
            options.WillPayload = WillFrame();
            options.WillQos = Profile.Qos;
            options.WillRetain = false;
            options.TimeoutMs = Profile.MqttConnectTimeoutMs;

            _inbox.TakeConnectionLost(out string stale); // a loss reported for an earlier connection
            Log.Write("connecting to " + options.Host + ":" + options.Port.ToString() + (options.Tls ? " over TLS" : ""));
            int result = _hal.Mqtt.Connect(options, _inbox);
            if (result != MqttConnectResult.Accepted)
            {
                string why = "MQTT connect " + MqttConnectResult.Describe(result) + Detail(_hal.Mqtt.LastError);
                if (MqttConnectResult.IsAuthRefusal(result))
                {
                    Log.Fail(why + "; the login is no longer valid, registering again");
                    DropLogin();
                    EnterUnregisteredOrUnconfigured("login refused by the broker");
                    _nextAttemptMs = Now + _backoff.NextDelayMs();
                    return;
                }
                Retry(why);
                return;
            }
            if (!_hal.Mqtt.Subscribe(_downTopic, Profile.Qos))
            {
                _hal.Mqtt.Disconnect();
                Retry("subscribing to " + _downTopic + " failed" + Detail(_hal.Mqtt.LastError));
                return;
            }
            ConnectRequest hello = new ConnectRequest();
            hello.Software = _identity.Software;
            hello.Hardware = _identity.Hardware;
            hello.ProductVer = _identity.ProductVer;
            hello.DevVer = _identity.AllVersions();
            hello.Ip = _hal.Network.IpAddress;
            hello.Rssi = _hal.Network.Rssi;
            _handshakeMsgId = NextMsgId();
            FrameWriter.Begin(_writer, Cmd.Connect, Profile.DirToPlatform, _handshakeMsgId, Profile.PrioHigh, Clock.NowMs);
            hello.Write(_writer);
            FrameWriter.End(_writer);
            if (!_hal.Mqtt.Publish(_upTopic, _writer.Buffer, 0, _writer.Length, Profile.Qos))
            {
                _hal.Mqtt.Disconnect();
                Retry("publishing the connect request failed" + Detail(_hal.Mqtt.LastError));
                return;
            }
            _handshakeDeadlineMs = Now + Profile.ConnectReplyTimeoutMs;
            Enter(DeviceState.Handshaking, "MQTT connected; waiting for the connect reply (2005)");
        }

        private void OnConnectReply(FrameHeader h)
        {
            if (_state != DeviceState.Handshaking || h.MsgId != _handshakeMsgId)
            {
                Log.Warn("ignored a connect reply with msgId " + h.MsgId.ToString() + " (expected " + _handshakeMsgId.ToString() + ")");
                return;
            }
            ResultReply reply = ResultReply.Read(_reader.OpenData());
            if (reply.RespCode != Profile.RespOk)
            {
                LinkFailed("the platform refused the connection: " + reply.RespCont + " (respCode " + reply.RespCode.ToString() + ")", true);
                return;
            }
            Clock.Sync(reply.Timestamp > 0 ? reply.Timestamp : h.Timestamp);
            _connectedAtMs = Now;
            Enter(DeviceState.Connected, "online");
            _nextReportMs = Now;
            if (FileOperations != null) FileOperations.OnConnected();
            Flush();
        }

        private void WhileConnected()
        {
            if (_backoff.Attempts > 0 && Now - _connectedAtMs >= Profile.BackoffResetAfterMs) _backoff.Reset();
            long period = (long)_config.ReportPeriodSeconds * MillisPerSecond;
            if (_model.Changed || (period > 0 && Now >= _nextReportMs))
            {
                Report(Profile.PrioMedium);
            }
            Flush();
        }

        /// <summary>The connection failed or dropped: back to Registered, and reconnect after a backoff.</summary>
        private void LinkFailed(string why, bool disconnect)
        {
            if (disconnect) _hal.Mqtt.Disconnect();
            if (_state == DeviceState.Connected && Now - _connectedAtMs >= Profile.BackoffResetAfterMs) _backoff.Reset();
            Enter(DeviceState.Registered, why);
            Retry(why);
        }

        private void ProcessInbox()
        {
            int drops = _inbox.Dropped;
            if (drops != _inboxDropsLogged)
            {
                Log.Warn("inbox full: " + (drops - _inboxDropsLogged).ToString() + " received message(s) dropped (at most " + InboxCapacity.ToString() + " wait between polls)");
                _inboxDropsLogged = drops;
            }
            while (_inbox.TryTake(out string topic, out byte[] payload))
            {
                if (_state == DeviceState.Stopped) return;
                if (topic != _downTopic)
                {
                    Log.Warn("ignored a message on " + topic);
                    continue;
                }
                HandleFrame(payload);
            }
            if (_inbox.TakeConnectionLost(out string reason) && LinkOpen)
            {
                LinkFailed("connection lost" + Detail(reason), false);
            }
        }

        // ---- Incoming frames ----

        /// <remarks>
        /// Error replies to frames that could not be decoded are not cached: a corrected frame sent again with the
        /// same msgId is then acted on, not answered with the old error.
        /// </remarks>
        private void HandleFrame(byte[] payload)
        {
            FrameHeader h = _reader.Header;
            try
            {
                _reader.Decode(payload, 0, payload.Length);
            }
            catch (CodecException e)
            {
                Log.Fail("malformed frame: " + e.Message);
                if (h.IsAnswerable && Cmd.IsPlatformRequest(h.Cmd) && (h.DirFrom < 0 || h.IsToDevice))
                    SendResult(h.Cmd, h.MsgId, h.Prio, Profile.RespError, "malformed frame: " + e.Message, false);
                return;
            }
            if (Cmd.IsLocal(h.Cmd))
            {
                Log.Warn("ignored local cmd " + h.Cmd.ToString() + " on the platform channel");
                return;
            }
            if (!h.IsToDevice)
            {
                Log.Warn("dropped " + Cmd.Name(h.Cmd) + " msgId " + h.MsgId.ToString() + ": dir " + h.DirFrom.ToString() + h.DirTo.ToString() + " is not addressed to the device");
                return;
            }
            if (h.VerMajor != Profile.ProtocolMajor)
            {
                string why = "unsupported protocol version " + h.VerMajor.ToString() + "." + h.VerMinor.ToString();
                Log.Fail(Cmd.Name(h.Cmd) + " msgId " + h.MsgId.ToString() + ": " + why);
                if (Cmd.IsPlatformRequest(h.Cmd)) SendResult(h.Cmd, h.MsgId, h.Prio, Profile.RespError, why, false);
                return;
            }
            try
            {
                if (h.Cmd == Cmd.ConnectReply) OnConnectReply(h);
                else if (h.Cmd == Cmd.ReportAck) { }
                else if (Cmd.IsPlatformRequest(h.Cmd)) OnRequest(h);
                else Log.Warn("ignored " + Cmd.Name(h.Cmd) + " msgId " + h.MsgId.ToString());
            }
            catch (CodecException e)
            {
                Log.Fail(Cmd.Name(h.Cmd) + " msgId " + h.MsgId.ToString() + ": " + e.Message);
                if (Cmd.IsPlatformRequest(h.Cmd)) SendResult(h.Cmd, h.MsgId, h.Prio, Profile.RespError, e.Message, false);
            }
        }

        private void OnRequest(FrameHeader h)
        {
            int reply = Cmd.ReplyTo(h.Cmd);
            int cached = _replies.Find(reply, h.MsgId);
            if (cached >= 0)
            {
                Log.Write("repeat of " + Cmd.Name(h.Cmd) + " msgId " + h.MsgId.ToString() + ": answered from the cache, not acted on");
                Enqueue(_replies.ReplyAt(cached), _replies.LengthAt(cached), h.Prio);
                Flush();
                return;
            }
            switch (h.Cmd)
            {
                case Cmd.Query: OnQuery(h); break;
                case Cmd.Control: OnControl(h); break;
                case Cmd.Unbind: OnUnbind(h); break;
                case Cmd.ForceOffline: OnForceOffline(h); break;
                case Cmd.File: OnFile(h); break;
            }
        }

        private void OnQuery(FrameHeader h)
        {
            QueryRequest q = QueryRequest.Read(_reader.OpenData());
            string? unknown = _model.CheckKnown(q.Points);
            if (unknown != null)
            {
                Log.Fail("query msgId " + h.MsgId.ToString() + ": " + unknown);
                SendResult(h.Cmd, h.MsgId, h.Prio, Profile.RespError, unknown, true);
                return;
            }
            SendPoints(Cmd.QueryReply, h, q.Points);
            Log.Write("answered query msgId " + h.MsgId.ToString());
        }

        private void OnControl(FrameHeader h)
        {
            ControlRequest c = ControlRequest.Read(_reader.OpenData());
            string? problem = _model.Validate(c);
            if (problem != null)
            {
                Log.Fail("control msgId " + h.MsgId.ToString() + " refused, nothing applied: " + problem);
                SendResult(h.Cmd, h.MsgId, h.Prio, Profile.RespError, problem, true);
                return;
            }
            _model.Apply(c);
            SendPoints(Cmd.ControlReply, h, c.Points);
            Log.Write("applied control msgId " + h.MsgId.ToString() + " (" + c.Count.ToString() + " points)");
            Report(Profile.PrioMedium);
        }

        private void OnUnbind(FrameHeader h)
        {
            UnbindRequest u = UnbindRequest.Read(_reader.OpenData());
            SendResult(h.Cmd, h.MsgId, h.Prio, Profile.RespOk, "ok", true);
            Log.Write("unbound by the platform" + Detail(u.Reason) + "; erasing the login and registering again");
            Unbind();
        }

        private void OnForceOffline(FrameHeader h)
        {
            ForceOfflineRequest f = ForceOfflineRequest.Read(_reader.OpenData());
            SendResult(h.Cmd, h.MsgId, h.Prio, Profile.RespOk, "ok", true);
            _hal.Mqtt.Disconnect();
            if (f.Seconds >= 0)
            {
                _offlineUntilMs = Now + f.Seconds * MillisPerSecond;
                Enter(DeviceState.Offline, "forced offline by the platform for " + f.Seconds.ToString() + " s");
            }
            else
            {
                _offlineUntilMs = -1;
                Enter(DeviceState.Offline, "forced offline by the platform until reboot or the console's connect");
            }
        }

        private void OnFile(FrameHeader h)
        {
            FileRequest request = FileRequest.Read(_reader.OpenData());
            if (FileOperations == null)
            {
                SendFileReply(h.MsgId, h.Prio, FileReply.Failed("file operations are not supported"));
                return;
            }
            FileOperations.OnRequest(h.MsgId, h.Prio, request);
        }

        // ---- Outgoing frames ----

        /// <summary>Sends a 2018 (a reply to a 2019, or an unsolicited event with a new msgId when msgId is -1).</summary>
        public void SendFileReply(long msgId, int prio, FileReply reply)
        {
            long id = BeginFileReply(msgId, prio);
            reply.Write(_writer);
            EndFileReply(msgId, id, prio);
        }

        /// <summary>
        /// Sends a 2018 progress event {respCode, "percent"} like <see cref="SendFileReply"/>, written straight into the
        /// frame (<see cref="FileReply.WriteProgress"/>) without a message object: a download sends it every 10 %.
        /// </summary>
        public void SendFileProgress(long msgId, int prio, int respCode, int percent)
        {
            long id = BeginFileReply(msgId, prio);
            FileReply.WriteProgress(_writer, respCode, percent);
            EndFileReply(msgId, id, prio);
        }

        private long BeginFileReply(long msgId, int prio)
        {
            long id = msgId >= 0 ? msgId : NextMsgId();
            FrameWriter.Begin(_writer, Cmd.FileReply, Profile.DirToPlatform, id, prio, Clock.NowMs);
            return id;
        }

        private void EndFileReply(long msgId, long id, int prio)
        {
            FrameWriter.End(_writer);
            // Only the first answer to a 2019 is cached; progress events that follow reuse its msgId.
            SendWritten(Cmd.FileReply, id, prio, msgId >= 0 && _replies.Find(Cmd.FileReply, id) < 0);
        }

        /// <summary>Queues a full data report (2006) with the given priority.</summary>
        public void Report(int prio)
        {
            _model.Changed = false;
            ScheduleNextReport();
            if (!_config.IsRegistered)
            {
                Log.Warn("report not sent: the device has no login");
                return;
            }
            FrameWriter.Begin(_writer, Cmd.Report, Profile.DirToPlatform, NextMsgId(), prio, Clock.NowMs);
            _writer.WriteStartObject();
            _model.WriteMembers(_writer, new string[0]);
            _writer.WriteEndObject();
            FrameWriter.End(_writer);
            SendWritten(Cmd.Report, -1, prio, false);
        }

        /// <summary>Answers a request with {"respCode":0, the named points (all when none are named)}, cached for repeats.</summary>
        private void SendPoints(int reply, FrameHeader h, string[] points)
        {
            FrameWriter.Begin(_writer, reply, Profile.DirToPlatform, h.MsgId, h.Prio, Clock.NowMs);
            _writer.WriteStartObject();
            _writer.WriteNumber(Names.RespCode, Profile.RespOk);
            _model.WriteMembers(_writer, points);
            _writer.WriteEndObject();
            FrameWriter.End(_writer);
            SendWritten(reply, h.MsgId, h.Prio, true);
        }

        private void SendResult(int request, long msgId, int prio, int code, string text, bool cache)
        {
            int reply = Cmd.ReplyTo(request);
            if (request == Cmd.File)
            {
                SendFileReply(msgId, prio, FileReply.Failed(text));
                return;
            }
            FrameWriter.Result(_writer, reply, Profile.DirToPlatform, msgId, prio, Clock.NowMs, code, text);
            SendWritten(reply, msgId, prio, cache);
        }

        /// <summary>Copies the frame in the writer into the outbound queue (and the reply cache), then flushes.</summary>
        private void SendWritten(int cmd, long msgId, int prio, bool cache)
        {
            byte[] frame = _writer.ToArray();
            if (cache) _replies.Add(cmd, msgId, frame, frame.Length);
            Enqueue(frame, frame.Length, prio);
            Flush();
        }

        private void Enqueue(byte[] frame, int length, int prio)
        {
            int dropped = _queue.Dropped;
            bool kept = _queue.Enqueue(frame, length, prio);
            int lost = _queue.Dropped - dropped;
            if (!kept) Log.Warn("outbound queue full: the new frame was dropped");
            else if (lost > 0) Log.Warn("outbound queue full: " + lost.ToString() + " older frame(s) dropped");
        }

        /// <summary>Publishes queued frames, highest priority first, while connected.</summary>
        private void Flush()
        {
            if (_state != DeviceState.Connected) return;
            for (int i = _queue.Peek(); i >= 0; i = _queue.Peek())
            {
                if (!_hal.Mqtt.Publish(_upTopic, _queue.FrameAt(i), 0, _queue.LengthAt(i), Profile.Qos))
                {
                    LinkFailed("publish failed" + Detail(_hal.Mqtt.LastError), true);
                    return;
                }
                _queue.RemoveAt(i);
            }
        }

        private byte[] WillFrame()
        {
            WillMessage will = new WillMessage();
            will.DevId = _config.LoginDevId;
            FrameWriter.Begin(_writer, Cmd.Will, Profile.DirToPlatform, NextMsgId(), Profile.PrioHigh, Clock.NowMs);
            will.Write(_writer);
            FrameWriter.End(_writer);
            return _writer.ToArray();
        }

        // ---- Operations for the console and the application ----

        /// <summary>
        /// Changes one setting (validated) and saves the configuration. Returns null on success, else why not.
        /// The running session is not interrupted; registration settings take effect at the next registration.
        /// </summary>
        public string? SetConfig(string key, string value)
        {
            DeviceConfig updated = _config.Clone();
            string? problem = ConfigRules.Set(updated, key, value);
            if (problem != null) return problem;
            if (!Save(updated)) return "could not save the configuration: " + Log.LastError;
            Log.Write("configuration changed: " + key + (ConfigKeys.IsSecret(key) ? " (secret)" : " = " + (key == ConfigKeys.Ca ? "(certificate)" : value)));
            if (_state == DeviceState.Unconfigured) EnterUnregisteredOrUnconfigured("configuration changed");
            if (key == ConfigKeys.UpTopic || key == ConfigKeys.DownTopic) UpdateTopics();
            if (key == ConfigKeys.ReportPeriod) ScheduleNextReport(); // a new period counts from now, not from the old schedule
            return null;
        }

        /// <summary>Registers again now, even with a valid login (the old one is replaced on success).</summary>
        public void ForceRegister()
        {
            CloseLink();
            _offlineUntilMs = -1;
            _backoff.Reset();
            EnterUnregisteredOrUnconfigured("registration requested from the console");
            _nextAttemptMs = Now;
        }

        /// <summary>Connects now: ends an offline hold and skips a pending backoff.</summary>
        public void Connect()
        {
            _offlineUntilMs = -1;
            if (LinkOpen) return;
            _backoff.Reset();
            ResumeAfterOffline("connect requested from the console");
        }

        /// <summary>Disconnects and stays offline until <see cref="Connect"/> or a reboot.</summary>
        public void Disconnect()
        {
            CloseLink();
            _offlineUntilMs = -1;
            Enter(DeviceState.Offline, "disconnected from the console; type connect to go online");
        }

        /// <summary>Erases the login (keeping Wi-Fi, product code, devKey and the rest), disconnects and registers again.</summary>
        public void Unbind()
        {
            CloseLink();
            DropLogin();
            _offlineUntilMs = -1;
            _backoff.Reset();
            EnterUnregisteredOrUnconfigured("unbound");
            _nextAttemptMs = Now;
        }

        /// <summary>Erases all settings and the login, then reboots.</summary>
        public void FactoryReset()
        {
            CloseLink();
            try
            {
                _store.Erase();
            }
            catch (Exception e)
            {
                Log.Fail("factory reset could not erase the configuration: " + e.Message);
                return;
            }
            _config = new DeviceConfig();
            Log.Write("factory reset: configuration erased; rebooting");
            Reboot();
        }

        /// <summary>Reboots the device (on a host, the runtime stops and the host starts a new one from flash).</summary>
        public void Reboot()
        {
            CloseLink();
            Enter(DeviceState.Stopped, "rebooting");
            _hal.System.Reboot();
        }

        // ---- Helpers ----

        /// <summary>True while the MQTT link is up (handshaking or connected).</summary>
        private bool LinkOpen => _state == DeviceState.Handshaking || _state == DeviceState.Connected;

        private void CloseLink()
        {
            if (LinkOpen) _hal.Mqtt.Disconnect();
        }

        private void ResumeAfterOffline(string why)
        {
            _offlineUntilMs = -1;
            if (_config.IsRegistered) Enter(DeviceState.Registered, why + "; connecting");
            else EnterUnregisteredOrUnconfigured(why);
            _nextAttemptMs = Now;
        }

        private void DropLogin()
        {
            DeviceConfig updated = _config.Clone();
            updated.ClearLogin();
            Save(updated);
            _queue.Clear();
            _replies.Clear();
            _upTopic = "";
            _downTopic = "";
        }

        private bool Save(DeviceConfig updated)
        {
            try
            {
                _store.Save(updated);
                _config = updated;
                return true;
            }
            catch (Storage.StorageException e)
            {
                Log.Fail("saving the configuration failed: " + e.Message);
                return false;
            }
        }

        private bool EnsureNetwork()
        {
            if (_hal.Network.EnsureUp(_config.WifiSsid, _config.WifiPassword, Profile.NetworkTimeoutMs)) return true;
            Retry(_config.WifiSsid.Length > 0 ? "network is down: cannot join Wi-Fi \"" + _config.WifiSsid + "\"" : "network is down (no Wi-Fi configured: config set wifiSsid <name>)");
            return false;
        }

        /// <summary>Records a failure and schedules the next attempt of the current state after a backoff.</summary>
        private void Retry(string why)
        {
            int delay = _backoff.NextDelayMs();
            _nextAttemptMs = Now + delay;
            _reason = why + "; retry in " + ((delay + MillisPerSecond - 1) / MillisPerSecond).ToString() + " s";
            Log.Fail(why);
        }

        private void Enter(int state, string reason)
        {
            if (state != _state) Log.Write("state " + DeviceState.Name(_state) + " -> " + DeviceState.Name(state) + ": " + reason);
            _state = state;
            _reason = reason;
        }

        /// <summary>The next periodic report is one period from now (never, when the period is 0).</summary>
        private void ScheduleNextReport()
        {
            long period = (long)_config.ReportPeriodSeconds * MillisPerSecond;
            _nextReportMs = Now + (period > 0 ? period : long.MaxValue / 2);
        }

        private void UpdateTopics()
        {
            // The login's product code: a productCode changed since takes effect with the next registration.
            string productCode = _config.LoginProductCode.Length > 0 ? _config.LoginProductCode : _config.ProductCode;
            _upTopic = TopicTemplate.Expand(_config.UpTopic, productCode, _config.LoginDevId);
            _downTopic = TopicTemplate.Expand(_config.DownTopic, productCode, _config.LoginDevId);
        }

        private long NextMsgId() => _nextMsgId++;

        private static string Detail(string text) => text.Length > 0 ? ": " + text : "";
    }
}
