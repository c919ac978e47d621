using System;
using Clife.Device.Crypto;
using Clife.Device.Hal;
using Clife.Device.Json;
using Clife.Device.Protocol;
using Clife.Device.Text;

namespace Clife.Device.Runtime
{
    /// <summary>
    /// Registration over HTTP(S) (seed 4.3.1, protocol.md section 4): builds the 2000 frame with the encrypted data,
    /// posts it, and checks and decrypts the 2001 reply. Every failure comes back as a sentence for the status and
    /// log; nothing is thrown.
    /// </summary>
    public sealed class Registrar
    {
        private readonly DeviceHal _hal;
        private readonly JsonWriter _data = new JsonWriter(256);
        private readonly JsonWriter _frame = new JsonWriter(512);
        private readonly FrameReader _reader = new FrameReader();

        /// <summary>Creates a registrar over the host's HTTP client and cipher.</summary>
        public Registrar(DeviceHal hal)
        {
            _hal = hal;
        }

        /// <summary>The register URL for a configuration, with the query parameters its authLevel calls for.</summary>
        public static string Url(DeviceConfig c)
        {
            string url = ConfigRules.ServerUrl(c.ServerUrl) + Profile.RegisterPath + "?" + Names.AuthLevel + "=" + c.AuthLevel.ToString();
            if (c.ProductCode.Length > 0) url += "&" + Names.ProductCode + "=" + UrlEncoding.Encode(c.ProductCode);
            if (c.DevId.Length > 0) url += "&" + Names.DevId + "=" + UrlEncoding.Encode(c.DevId);
            return url;
        }

        /// <summary>
        /// Registers. Returns null and the reply on success; otherwise the reason, and reply is null.
        /// The configuration must have passed <see cref="ConfigRules.RegistrationProblem"/>.
        /// </summary>
        public string? Register(DeviceConfig c, DeviceIdentity identity, long msgId, long timestamp, out RegisterReply? reply)
        {
            reply = null;
            IBlockCipher cipher = _hal.Ciphers.Create(ConfigRules.Key(c));
            byte[] iv = ConfigRules.Iv(c);

            RegisterRequest request = new RegisterRequest();
            request.ProductCode = c.ProductCode;
            request.DevId = c.DevId;
            request.Mac = _hal.Network.MacAddress;
            request.Software = identity.Software;
            request.Hardware = identity.Hardware;
            request.ProductVer = identity.ProductVer;
            _data.Reset();
            request.Write(_data);
            byte[] sealedData = PayloadCipher.Encrypt(cipher, c.Cipher, iv, _data.Buffer, 0, _data.Length);
            string base64 = Convert.ToBase64String(sealedData);

            FrameWriter.Begin(_frame, Cmd.Register, Profile.DirToPlatform, msgId, Profile.PrioMedium, timestamp);
            _frame.WriteString(base64);
            FrameWriter.End(_frame);

            HttpResult response = _hal.Http.Post(Url(c), Profile.JsonContentType, _frame.Buffer, 0, _frame.Length, c.CaPem, Profile.HttpTimeoutMs);
            if (response.Status == 0) return "registration failed: " + (response.Error.Length > 0 ? response.Error : "no response");
            if (response.Status < 200 || response.Status > 299)
                return "registration refused: HTTP " + response.Status.ToString() + RefusalDetail(response);

            try
            {
                _reader.Decode(response.Body, 0, response.BodyLength);
                FrameHeader h = _reader.Header;
                if (h.Cmd != Cmd.RegisterReply) return "registration failed: the server answered cmd " + h.Cmd.ToString() + " instead of 2001";
                if (h.MsgId != msgId) return "registration failed: reply msgId " + h.MsgId.ToString() + " does not match request " + msgId.ToString();
                if (!h.IsToDevice) return "registration failed: reply dir is not platform-to-device";
                if (h.VerMajor != Profile.ProtocolMajor) return "registration failed: unsupported protocol version " + h.VerMajor.ToString() + "." + h.VerMinor.ToString();
                if (h.DataIsObject)
                {
                    // Only refusals may come unencrypted; credentials must be encrypted.
                    ResultReply refusal = ResultReply.Read(_reader.OpenData());
                    return refusal.RespCode == Profile.RespOk
                        ? "registration failed: the reply's data is not encrypted"
                        : "registration refused: " + refusal.RespCont + " (respCode " + refusal.RespCode.ToString() + ")";
                }
                byte[] cipherText;
                try
                {
                    cipherText = Convert.FromBase64String(_reader.DataString());
                }
                catch (Exception)
                {
                    return "registration failed: the reply's data is not base64";
                }
                byte[] plain = new byte[cipherText.Length];
                int length;
                try
                {
                    length = PayloadCipher.Decrypt(cipher, c.Cipher, iv, cipherText, 0, cipherText.Length, plain, 0);
                }
                catch (CodecException e)
                {
                    return "registration failed: cannot decrypt the reply (" + e.Message + "); check devKey and cipher";
                }
                RegisterReply r;
                try
                {
                    JsonReader json = _reader.Open(plain, 0, length);
                    if (json.TokenType != JsonTokenType.StartObject) return "registration failed: decrypted data is not a JSON object; check devKey";
                    r = RegisterReply.Read(json);
                }
                catch (CodecException e)
                {
                    return "registration failed: decrypted data is not valid (" + e.Message + "); check devKey";
                }
                if (r.RespCode != Profile.RespOk)
                    return "registration refused: " + r.RespCont + " (respCode " + r.RespCode.ToString() + ")";
                if (r.Timestamp <= 0) r.Timestamp = h.Timestamp;
                reply = r;
                return null;
            }
            catch (CodecException e)
            {
                return "registration failed: malformed reply (" + e.Message + ")";
            }
        }

        /// <summary>The platform's reason for a refusal, when the body is a frame whose data says so.</summary>
        private string RefusalDetail(HttpResult response)
        {
            try
            {
                _reader.Decode(response.Body, 0, response.BodyLength);
                if (!_reader.Header.DataIsObject) return "";
                ResultReply reason = ResultReply.Read(_reader.OpenData());
                return reason.RespCont.Length > 0 ? ": " + reason.RespCont : "";
            }
            catch (CodecException)
            {
                return "";
            }
        }
    }
}
