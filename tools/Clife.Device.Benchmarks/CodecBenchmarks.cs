using System;
using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Clife.Device.Crypto;
using Clife.Device.Json;
using Clife.Device.Protocol;
using Clife.Device.Tests;

namespace Clife.Device.Benchmarks
{
    /// <summary>
    /// Our MD5, frame decoder and frame encoder, each next to the .NET implementation it is compared with. Every pair
    /// works on the same input; <see cref="Verify"/> checks that both sides compute the same thing before anything is timed.
    /// </summary>
    public class CodecBenchmarks
    {
        /// <summary>Bytes hashed per MD5 operation.</summary>
        public const int Md5Bytes = 1 << 20;

        /// <summary>The progress event that is encoded: download, 50 percent.</summary>
        public const int ProgressCode = FileReply.DownloadProgress;
        public const int ProgressPercent = 50;
        public const long MsgId = 23454;
        public const long Timestamp = 1617787651542L;

        private static readonly JsonEncodedText CmdName = JsonEncodedText.Encode(Names.Cmd);
        private static readonly JsonEncodedText VerName = JsonEncodedText.Encode(Names.Ver);
        private static readonly JsonEncodedText DirName = JsonEncodedText.Encode(Names.Dir);
        private static readonly JsonEncodedText MsgIdName = JsonEncodedText.Encode(Names.MsgId);
        private static readonly JsonEncodedText TimestampName = JsonEncodedText.Encode(Names.Timestamp);
        private static readonly JsonEncodedText DataName = JsonEncodedText.Encode(Names.Data);
        private static readonly JsonEncodedText RespCodeName = JsonEncodedText.Encode(Names.RespCode);
        private static readonly JsonEncodedText RespContName = JsonEncodedText.Encode(Names.RespCont);
        private static readonly JsonEncodedText VerValue = JsonEncodedText.Encode(Profile.ProtocolVersion);
        private static readonly JsonEncodedText DirValue = JsonEncodedText.Encode(Profile.DirToPlatform);

        private readonly byte[] _data = new byte[Md5Bytes];
        private readonly byte[] _hash = new byte[Md5.HashSize];
        private readonly byte[] _referenceHash = new byte[Md5.HashSize];
        private readonly Md5 _md5 = new Md5();

        private readonly byte[] _frame = Encoding.UTF8.GetBytes(SeedExamples.FileDown);
        private readonly FrameReader _reader = new FrameReader();

        private readonly JsonWriter _writer = new JsonWriter(256);
        private readonly ArrayBufferWriter<byte> _buffer = new ArrayBufferWriter<byte>(256);
        private readonly Utf8JsonWriter _referenceWriter;

        /// <summary>Prepares the inputs.</summary>
        public CodecBenchmarks()
        {
            new Random(1).NextBytes(_data);
            _referenceWriter = new Utf8JsonWriter(_buffer);
        }

        /// <summary>Our MD5 over 1 MiB.</summary>
        [Benchmark]
        public byte Md5Ours()
        {
            _md5.Reset();
            _md5.Update(_data, 0, _data.Length);
            _md5.Final(_hash, 0);
            return _hash[0];
        }

        /// <summary>.NET's MD5 (System.Security.Cryptography, one-shot, no allocation) over the same 1 MiB.</summary>
        [Benchmark]
        public byte Md5DotNet()
        {
            MD5.HashData(_data, _referenceHash);
            return _referenceHash[0];
        }

        /// <summary>The seed's 2019 DOWN example: envelope, then the typed file request with its two fileInfo entries.</summary>
        [Benchmark]
        public FileRequest DecodeOurs()
        {
            _reader.Decode(_frame, 0, _frame.Length);
            return FileRequest.Read(_reader.OpenData());
        }

        /// <summary>System.Text.Json's JsonDocument.Parse of the same bytes.</summary>
        [Benchmark]
        public JsonValueKind DecodeDotNet()
        {
            using JsonDocument doc = JsonDocument.Parse(_frame);
            return doc.RootElement.ValueKind;
        }

        /// <summary>A 2018 progress frame into a reused JsonWriter, with the allocation-free progress writer.</summary>
        [Benchmark]
        public int EncodeOurs()
        {
            FrameWriter.Begin(_writer, Cmd.FileReply, Profile.DirToPlatform, MsgId, Profile.PrioMedium, Timestamp);
            FileReply.WriteProgress(_writer, ProgressCode, ProgressPercent);
            FrameWriter.End(_writer);
            return _writer.Length;
        }

        /// <summary>The same frame with System.Text.Json's Utf8JsonWriter into a reused buffer (names pre-encoded, percent formatted on the stack).</summary>
        [Benchmark]
        public long EncodeDotNet()
        {
            _buffer.ResetWrittenCount();
            _referenceWriter.Reset();
            Utf8JsonWriter w = _referenceWriter;
            w.WriteStartObject();
            w.WriteNumber(CmdName, Cmd.FileReply);
            w.WriteString(VerName, VerValue);
            w.WriteString(DirName, DirValue);
            w.WriteNumber(MsgIdName, MsgId);
            w.WriteNumber(TimestampName, Timestamp);
            w.WriteStartObject(DataName);
            w.WriteNumber(RespCodeName, ProgressCode);
            Span<byte> digits = stackalloc byte[4];
            Utf8Formatter.TryFormat(ProgressPercent, digits, out int n);
            w.WriteString(RespContName, digits.Slice(0, n));
            w.WriteEndObject();
            w.WriteEndObject();
            w.Flush();
            return w.BytesCommitted;
        }

        /// <summary>Checks that each pair computes the same result; throws otherwise.</summary>
        public void Verify()
        {
            Md5Ours();
            Md5DotNet();
            if (!_hash.AsSpan().SequenceEqual(_referenceHash)) throw new InvalidOperationException("our MD5 differs from .NET's");

            FileRequest m = DecodeOurs();
            if (_reader.Header.Cmd != Cmd.File || _reader.Header.MsgId != 23454 || m.FileMode != Names.ModeDown || m.Files.Length != 2
                || m.Files[1].DevNum != 1 || m.Files[1].CheckSum != 764234235 || m.StopTime != 600)
                throw new InvalidOperationException("the seed example did not decode as written");
            if (DecodeDotNet() != JsonValueKind.Object) throw new InvalidOperationException("System.Text.Json did not parse the seed example");

            EncodeOurs();
            EncodeDotNet();
            if (!_writer.Buffer.AsSpan(0, _writer.Length).SequenceEqual(_buffer.WrittenSpan))
                throw new InvalidOperationException("the two encoders wrote different frames: " + Encoding.UTF8.GetString(_writer.Buffer, 0, _writer.Length)
                    + " vs " + Encoding.UTF8.GetString(_buffer.WrittenSpan));
        }

        /// <summary>The encoded progress frame, for the report.</summary>
        public string EncodedFrame()
        {
            EncodeOurs();
            return Encoding.UTF8.GetString(_writer.Buffer, 0, _writer.Length);
        }
    }
}
