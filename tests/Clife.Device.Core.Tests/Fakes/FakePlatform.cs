using System;
using System.Collections;
using Clife.Device.Crypto;
using Clife.Device.Tests.Crypto;
using Clife.Device.Hal;
using Clife.Device.Json;
using Clife.Device.Protocol;
using Clife.Device.Text;

namespace Clife.Device.Tests
{
    /// <summary>A frame the device published, as the fake platform saw it.</summary>
    public sealed class DeviceFrame
    {
        /// <summary>Creates the record.</summary>
        public DeviceFrame(int cmd, long msgId, int prio, byte[] bytes)
        {
            Cmd = cmd;
            MsgId = msgId;
            Prio = prio;
            Bytes = bytes;
        }

        /// <summary>Function ID.</summary>
        public int Cmd { get; }
        /// <summary>msgId.</summary>
        public long MsgId { get; }
        /// <summary>prio.</summary>
        public int Prio { get; }
        /// <summary>The whole frame.</summary>
        public byte[] Bytes { get; }
        /// <summary>The whole frame as text.</summary>
        public string Text => Utf8.GetString(Bytes, 0, Bytes.Length);

        /// <summary>A reader on the frame's data object.</summary>
        public JsonReader Data()
        {
            FrameReader reader = new FrameReader();
            reader.Decode(Bytes, 0, Bytes.Length);
            return reader.OpenData();
        }
    }

    /// <summary>
    /// The platform side for the portable runtime tests, built on the core's own codec and the test block cipher:
    /// it answers registrations over the fake HTTP client, replies 2005 to 2004, records what the device publishes,
    /// and sends commands through the fake MQTT link. (The integration tests use the independent simulator.)
    /// </summary>
    public sealed class FakePlatform : IHttpClient
    {
        /// <summary>The product's devKey as the platform knows it.</summary>
        public string DevKey = DeviceHarness.DevKeyHex;
        /// <summary>Cipher mode of the product.</summary>
        public CipherMode Mode = CipherMode.Ecb;
        /// <summary>HTTP status of register replies (200 = success).</summary>
        public int RegisterStatus = 200;
        /// <summary>Non-empty: registrations fail in transport with this error (status 0).</summary>
        public string RegisterTransportError = "";
        /// <summary>respCode inside the encrypted register reply.</summary>
        public int RegisterRespCode = Profile.RespOk;
        /// <summary>When true, the reply's msgId differs from the request's.</summary>
        public bool WrongReplyMsgId;
        /// <summary>Device ids issued, in order; the n-th registration gets DevIdPrefix + n.</summary>
        public string DevIdPrefix = "dev-";
        /// <summary>Broker host issued.</summary>
        public string MqttHost = "broker.local";
        /// <summary>Broker port issued.</summary>
        public int MqttPort = 1883;
        /// <summary>Whether the broker requires TLS.</summary>
        public bool MqttTls;
        /// <summary>Platform time sent in replies.</summary>
        public long PlatformTime = 1700000000000;
        /// <summary>Reply 2005 to 2004.</summary>
        public bool AnswerConnect = true;
        /// <summary>respCode of 2005.</summary>
        public int ConnectRespCode = Profile.RespOk;
        /// <summary>respCont of refusals (an HTTP error's body, a register reply with respCode != 0).</summary>
        public string RefusalText = "product not found";
        /// <summary>Refuse registrations with a reply whose data is a plain (unencrypted) result, respCode -1.</summary>
        public bool PlainRefusal;
        /// <summary>Non-null: the body of every register reply, sent as it is (with <see cref="RegisterStatus"/>).</summary>
        public string? RegisterRawBody;
        /// <summary>
        /// The fake broker accepts only logins the platform issued and has not revoked (CONNACK 4 otherwise).
        /// Scripted <see cref="FakeMqttLink.NextConnect"/> results still come first.
        /// </summary>
        public bool CheckCredentials = true;

        /// <summary>Registration requests whose data the platform could not decrypt with its devKey.</summary>
        public int DecryptFailures;
        /// <summary>Device id issued last (empty before the first registration).</summary>
        public string LastDevId = "";

        /// <summary>Registration requests received.</summary>
        public int Registrations;
        /// <summary>URL of the last registration.</summary>
        public string LastUrl = "";
        /// <summary>CA passed with the last registration.</summary>
        public string LastCa = "";
        /// <summary>Timeout the device gave the last registration.</summary>
        public int LastTimeoutMs;
        /// <summary>Data of the last registration request.</summary>
        public RegisterRequest? LastRequest;
        /// <summary>Every frame the device published, in order.</summary>
        public readonly ArrayList Frames = new ArrayList();
        /// <summary>The platform's file server (OTA images and uploads).</summary>
        public readonly FakeFileServer Files = new FakeFileServer();

        private readonly ArrayList _logins = new ArrayList();
        private readonly FakeMqttLink _link;
        private readonly JsonWriter _writer = new JsonWriter(512);
        private long _nextMsgId = 500;

        /// <summary>Listens to the device's publications on the link.</summary>
        public FakePlatform(FakeMqttLink link)
        {
            _link = link;
            link.OnPublish = OnPublish;
            link.OnConnect = OnConnect;
        }

        /// <summary>Topic the device listens on (valid after registration).</summary>
        public string DownTopic = "";

        /// <inheritdoc/>
        /// <remarks>
        /// A request the platform cannot decrypt (the devKeys differ) is still answered, sealed with the platform's
        /// key, as a platform that knows the device from the URL's query would; the device then cannot decrypt it.
        /// </remarks>
        public HttpResult Post(string url, string contentType, byte[] body, int offset, int count, string caPem, int timeoutMs)
        {
            Registrations++;
            LastUrl = url;
            LastCa = caPem;
            LastTimeoutMs = timeoutMs;
            if (RegisterTransportError.Length > 0) return HttpResult.Failed(RegisterTransportError);
            if (RegisterRawBody != null)
            {
                byte[] raw = Utf8.GetBytes(RegisterRawBody);
                return HttpResult.Response(RegisterStatus, raw, raw.Length);
            }
            FrameReader reader = new FrameReader();
            reader.Decode(body, offset, count);
            long msgId = reader.Header.MsgId;
            IBlockCipher cipher = new TestBlockCipher(Clife.Device.Crypto.DevKey.ToKey(DevKey));
            byte[] sealedRequest = Convert.FromBase64String(reader.DataString());
            LastRequest = null;
            try
            {
                byte[] plain = PayloadCipher.Decrypt(cipher, Mode, null, sealedRequest, 0, sealedRequest.Length);
                LastRequest = RegisterRequest.Read(reader.Open(plain, 0, plain.Length));
            }
            catch (CodecException)
            {
                DecryptFailures++;
            }

            if (RegisterStatus != 200 || PlainRefusal)
            {
                FrameWriter.Result(_writer, Cmd.RegisterReply, Profile.DirToDevice, msgId, PlatformTime, -1, RefusalText);
                return HttpResult.Response(RegisterStatus, _writer.ToArray(), _writer.Length);
            }
            RegisterReply reply = new RegisterReply();
            reply.RespCode = RegisterRespCode;
            reply.RespCont = RegisterRespCode == Profile.RespOk ? "ok" : RefusalText;
            reply.DevId = DevIdPrefix + Registrations.ToString();
            reply.DevSecret = "secret-" + Registrations.ToString() + "-xyz";
            reply.MqttHost = MqttHost;
            reply.MqttPort = MqttPort;
            reply.MqttTls = MqttTls;
            reply.Timestamp = PlatformTime;
            _writer.Reset();
            reply.Write(_writer);
            byte[] sealedReply = PayloadCipher.Encrypt(cipher, Mode, null, _writer.Buffer, 0, _writer.Length);
            FrameWriter.Begin(_writer, Cmd.RegisterReply, Profile.DirToDevice, WrongReplyMsgId ? msgId + 1 : msgId, Profile.PrioMedium, PlatformTime);
            _writer.WriteString(Convert.ToBase64String(sealedReply));
            FrameWriter.End(_writer);
            if (RegisterRespCode == Profile.RespOk && !WrongReplyMsgId && LastRequest != null)
            {
                LastDevId = reply.DevId;
                _logins.Add(reply.DevId + "\n" + reply.DevSecret);
                DownTopic = "clife/" + LastRequest.ProductCode + "/" + reply.DevId + "/down";
            }
            return HttpResult.Response(200, _writer.ToArray(), _writer.Length);
        }

        /// <inheritdoc/>
        public IHttpDownload OpenGet(string url, long rangeStart, string caPem, int timeoutMs) => Files.Get(url, rangeStart);

        /// <inheritdoc/>
        public IHttpUpload OpenPost(string url, string contentType, long length, string caPem, int timeoutMs) => Files.Post(url, length);

        /// <summary>True when the platform issued this login and has not revoked it.</summary>
        public bool IsValidLogin(string devId, string devSecret) => _logins.IndexOf(devId + "\n" + devSecret) >= 0;

        /// <summary>Revokes every login of a device id (the platform unbound it).</summary>
        public void Revoke(string devId)
        {
            for (int i = _logins.Count - 1; i >= 0; i--)
            {
                if (((string)_logins[i]!).StartsWith(devId + "\n")) _logins.RemoveAt(i);
            }
        }

        /// <summary>Unbinds the device: revokes its login and sends 2013; returns the msgId.</summary>
        public long Unbind()
        {
            Revoke(LastDevId);
            return Send(Cmd.Unbind, "{\"devId\":\"" + LastDevId + "\"}");
        }

        private int OnConnect(MqttConnectOptions options)
        {
            if (!CheckCredentials || IsValidLogin(options.Username, options.Password)) return MqttConnectResult.Accepted;
            return MqttConnectResult.BadCredentials;
        }

        private void OnPublish(string topic, byte[] payload)
        {
            FrameReader reader = new FrameReader();
            reader.Decode(payload, 0, payload.Length);
            FrameHeader h = reader.Header;
            Frames.Add(new DeviceFrame(h.Cmd, h.MsgId, h.Prio, payload));
            if (h.Cmd == Cmd.Connect && AnswerConnect)
            {
                ResultReply r = new ResultReply();
                r.RespCode = ConnectRespCode;
                r.Timestamp = PlatformTime;
                FrameWriter.Begin(_writer, Cmd.ConnectReply, Profile.DirToDevice, h.MsgId, Profile.PrioMedium, PlatformTime);
                r.Write(_writer);
                FrameWriter.End(_writer);
                _link.Deliver(topic.Substring(0, topic.Length - 2) + "down", _writer.ToArray());
            }
        }

        /// <summary>Sends a platform frame with the given data JSON (dir "30", ver "1.0"); returns its msgId.</summary>
        public long Send(int cmd, string dataJson)
        {
            long msgId = _nextMsgId++;
            SendWithMsgId(cmd, msgId, dataJson);
            return msgId;
        }

        /// <summary>Sends a platform frame with a chosen msgId (a repeat, as QoS 1 may deliver), dir "30", ver "1.0".</summary>
        public void SendWithMsgId(int cmd, long msgId, string dataJson) => SendFrame(cmd, "1.0", "30", msgId, dataJson);

        /// <summary>Sends a frame with every envelope field chosen by the test.</summary>
        public void SendFrame(int cmd, string ver, string dir, long msgId, string dataJson) =>
            SendRaw("{\"cmd\":" + cmd.ToString() + ",\"ver\":\"" + ver + "\",\"dir\":\"" + dir + "\",\"msgId\":" + msgId.ToString()
                    + ",\"timestamp\":" + PlatformTime.ToString() + ",\"data\":" + dataJson + "}");

        /// <summary>Delivers exactly these bytes to the device's down topic.</summary>
        public void SendRaw(string frame) => SendBytes(Utf8.GetBytes(frame));

        /// <summary>Delivers exactly these bytes to the device's down topic.</summary>
        public void SendBytes(byte[] frame) => _link.Deliver(DownTopic, frame);

        /// <summary>Frames of one cmd the device published.</summary>
        public int Count(int cmd)
        {
            int n = 0;
            for (int i = 0; i < Frames.Count; i++) if (((DeviceFrame)Frames[i]!).Cmd == cmd) n++;
            return n;
        }

        /// <summary>The last frame of a cmd, or null.</summary>
        public DeviceFrame? Last(int cmd)
        {
            for (int i = Frames.Count - 1; i >= 0; i--)
            {
                DeviceFrame f = (DeviceFrame)Frames[i]!;
                if (f.Cmd == cmd) return f;
            }
            return null;
        }

        /// <summary>The reply (any cmd) to a msgId the platform sent, or null.</summary>
        public DeviceFrame? ReplyTo(long msgId, int cmd)
        {
            for (int i = Frames.Count - 1; i >= 0; i--)
            {
                DeviceFrame f = (DeviceFrame)Frames[i]!;
                if (f.Cmd == cmd && f.MsgId == msgId) return f;
            }
            return null;
        }
    }
}
