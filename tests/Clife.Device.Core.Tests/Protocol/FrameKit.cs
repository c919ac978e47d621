using System;
using Clife.Device.Json;
using Clife.Device.Protocol;
using Clife.Device.Text;

namespace Clife.Device.Tests.Protocol
{
    /// <summary>Writes the data object of a frame (a message's Write method, or a test's own writer).</summary>
    public delegate void DataWriter(JsonWriter w);

    /// <summary>Builds frames and decodes them for the codec tests, without the APIs nanoFramework lacks.</summary>
    public static class FrameKit
    {
        /// <summary>A platform timestamp used by the tests (the seed's).</summary>
        public const long SeedTime = 1617787651542L;

        /// <summary>The members of a valid platform → device frame with empty data, in the seed's order; tests drop or replace them.</summary>
        public static string[] ValidMembers() => new string[]
        {
            "\"cmd\":2009", "\"ver\":\"1.0\"", "\"dir\":\"30\"", "\"msgId\":77", "\"timestamp\":1617787651542", "\"data\":{}",
        };

        /// <summary>The names of <see cref="ValidMembers"/>, index for index.</summary>
        public static string[] ValidNames() => new string[] { Names.Cmd, Names.Ver, Names.Dir, Names.MsgId, Names.Timestamp, Names.Data };

        /// <summary>An object of the given members, comma-separated.</summary>
        public static string Object(string[] members)
        {
            string s = "{";
            for (int i = 0; i < members.Length; i++) s += (i > 0 ? "," : "") + members[i];
            return s + "}";
        }

        /// <summary>A valid frame with member <paramref name="index"/> of <see cref="ValidMembers"/> left out.</summary>
        public static string Without(int index)
        {
            string[] all = ValidMembers();
            string[] kept = new string[all.Length - 1];
            for (int i = 0, k = 0; i < all.Length; i++) if (i != index) kept[k++] = all[i];
            return Object(kept);
        }

        /// <summary>A valid frame whose field <paramref name="name"/> has the raw JSON value <paramref name="rawValue"/>.</summary>
        public static string With(string name, string rawValue)
        {
            string[] members = ValidMembers();
            string[] names = ValidNames();
            for (int i = 0; i < names.Length; i++)
            {
                if (names[i] == name) members[i] = "\"" + name + "\":" + rawValue;
            }
            return Object(members);
        }

        /// <summary>A frame written by <see cref="FrameWriter"/> around the data the writer produces; a copy of the bytes.</summary>
        public static byte[] Encode(int cmd, string dir, long msgId, int prio, long timestamp, DataWriter data)
        {
            JsonWriter w = new JsonWriter();
            FrameWriter.Begin(w, cmd, dir, msgId, prio, timestamp);
            data(w);
            FrameWriter.End(w);
            Check.True(w.IsComplete, "the frame is one complete JSON value");
            return w.ToArray();
        }

        /// <summary>A frame the device sends: dir "03", medium priority, the seed's timestamp.</summary>
        public static byte[] FromDevice(int cmd, long msgId, DataWriter data) =>
            Encode(cmd, Profile.DirToPlatform, msgId, Profile.PrioMedium, SeedTime, data);

        /// <summary>A frame the platform sends: dir "30", medium priority, the seed's timestamp.</summary>
        public static byte[] FromPlatform(int cmd, long msgId, DataWriter data) =>
            Encode(cmd, Profile.DirToDevice, msgId, Profile.PrioMedium, SeedTime, data);

        /// <summary>Decodes the whole byte array with a new reader.</summary>
        public static FrameReader Decode(byte[] frame)
        {
            FrameReader reader = new FrameReader();
            reader.Decode(frame, 0, frame.Length);
            return reader;
        }

        /// <summary>Decodes the UTF-8 of the text with a new reader.</summary>
        public static FrameReader Decode(string json) => Decode(Utf8.GetBytes(json));

        /// <summary>Decodes the text expecting a FrameException whose message contains the fragment; returns the reader (its header keeps what was decoded).</summary>
        public static FrameReader DecodeFails(string json, string fragment)
        {
            FrameReader reader = new FrameReader();
            byte[] bytes = Utf8.GetBytes(json);
            Exception e = Check.Throws(typeof(FrameException), delegate { reader.Decode(bytes, 0, bytes.Length); });
            Check.Contains(fragment, e.Message, "error of " + json);
            return reader;
        }

        /// <summary>Checks every envelope field of a decoded header (protocol version "1.0").</summary>
        public static void Header(FrameHeader h, int cmd, int dirFrom, int dirTo, long msgId, int prio, long timestamp)
        {
            Check.Equal(cmd, h.Cmd, "cmd");
            Check.Equal(Profile.ProtocolMajor, h.VerMajor, "ver major");
            Check.Equal(0, h.VerMinor, "ver minor");
            Check.Equal(dirFrom, h.DirFrom, "dir sender");
            Check.Equal(dirTo, h.DirTo, "dir receiver");
            Check.Equal(msgId, h.MsgId, "msgId");
            Check.True(h.HasMsgId, "msgId present");
            Check.Equal(prio, h.Prio, "prio");
            Check.Equal(timestamp, h.Timestamp, "timestamp");
            Check.True(h.HasTimestamp, "timestamp present");
            Check.True(h.IsAnswerable, "answerable");
        }

        /// <summary>Checks a decoded devVer entry.</summary>
        public static void DevVer(DevVersion v, int devNum, string software, string hardware, string what)
        {
            Check.Equal(devNum, v.DevNum, what + " devNum");
            Check.Equal(software, v.Software, what + " software");
            Check.Equal(hardware, v.Hardware, what + " hardware");
        }

        /// <summary>Checks that two devVer lists are equal entry by entry.</summary>
        public static void DevVerList(DevVersion[] expected, DevVersion[]? actual, string what)
        {
            Check.NotNull(actual, what);
            Check.Equal(expected.Length, actual!.Length, what + " length");
            for (int i = 0; i < expected.Length; i++)
                DevVer(actual[i], expected[i].DevNum, expected[i].Software, expected[i].Hardware, what + "[" + i.ToString() + "]");
        }

        /// <summary>Checks that two fileInfo entries are equal field by field.</summary>
        public static void File(FileInfo expected, FileInfo actual, string what)
        {
            Check.Equal(expected.FileType, actual.FileType, what + " fileType");
            Check.Equal(expected.DevNum, actual.DevNum, what + " devNum");
            Check.Equal(expected.Software, actual.Software, what + " software");
            Check.Equal(expected.Hardware, actual.Hardware, what + " hardware");
            Check.Equal(expected.Url, actual.Url, what + " url");
            Check.Equal(expected.Md5, actual.Md5, what + " md5");
            Check.Equal(expected.CheckSum, actual.CheckSum, what + " checkSum");
            Check.Equal(expected.HasCheckSum, actual.HasCheckSum, what + " has checkSum");
        }

        /// <summary>A fileInfo entry with every field set.</summary>
        public static FileInfo FileOf(string type, int devNum, string software, string hardware, string url, string md5, long checkSum)
        {
            FileInfo f = new FileInfo();
            f.FileType = type;
            f.DevNum = devNum;
            f.Software = software;
            f.Hardware = hardware;
            f.Url = url;
            f.Md5 = md5;
            f.CheckSum = checkSum;
            f.HasCheckSum = true;
            return f;
        }

        /// <summary>The text of a UTF-8 byte range.</summary>
        public static string Text(byte[] bytes) => Utf8.GetString(bytes, 0, bytes.Length);
    }
}
