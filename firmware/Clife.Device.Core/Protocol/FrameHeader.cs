namespace Clife.Device.Protocol
{
    /// <summary>
    /// The envelope of a frame (protocol.md section 1), decoded without allocation: cmd, ver, dir, msgId, prio,
    /// timestamp, and where its data sits in the buffer. Fields are filled as far as decoding got, so an error
    /// reply can still use a frame's cmd and msgId.
    /// </summary>
    public sealed class FrameHeader
    {
        /// <summary>Function ID, or -1 when absent.</summary>
        public int Cmd = -1;

        /// <summary>Frame sequence number.</summary>
        public long MsgId;

        /// <summary>True when msgId was present.</summary>
        public bool HasMsgId;

        /// <summary>Major part of "ver", or -1 when absent.</summary>
        public int VerMajor = -1;

        /// <summary>Minor part of "ver".</summary>
        public int VerMinor;

        /// <summary>Sender digit of "dir", or -1 when absent.</summary>
        public int DirFrom = -1;

        /// <summary>Receiver digit of "dir", or -1 when absent.</summary>
        public int DirTo = -1;

        /// <summary>Priority (medium when absent).</summary>
        public int Prio = Profile.PrioMedium;

        /// <summary>Timestamp in ms since the epoch.</summary>
        public long Timestamp;

        /// <summary>True when timestamp was present.</summary>
        public bool HasTimestamp;

        /// <summary>Buffer index of the data value ('{' of an object, or the first byte inside a string), or -1.</summary>
        public int DataOffset = -1;

        /// <summary>Length of the data value (the whole object including braces, or the string's raw bytes).</summary>
        public int DataLength;

        /// <summary>True when data is a JSON string (the encrypted base64 form used over HTTP).</summary>
        public bool DataIsString;

        /// <summary>True when data is a JSON object.</summary>
        public bool DataIsObject => DataOffset >= 0 && !DataIsString;

        /// <summary>True when the frame can be answered: its cmd and msgId are known.</summary>
        public bool IsAnswerable => Cmd >= 0 && HasMsgId;

        /// <summary>True when dir says the platform sent the frame to the device.</summary>
        public bool IsToDevice => DirFrom == Profile.DirPlatform && DirTo == Profile.DirDevice;

        /// <summary>True when dir says the device sent the frame to the platform.</summary>
        public bool IsToPlatform => DirFrom == Profile.DirDevice && DirTo == Profile.DirPlatform;

        /// <summary>Forgets everything, ready for the next frame.</summary>
        public void Clear()
        {
            Cmd = -1;
            MsgId = 0;
            HasMsgId = false;
            VerMajor = -1;
            VerMinor = 0;
            DirFrom = -1;
            DirTo = -1;
            Prio = Profile.PrioMedium;
            Timestamp = 0;
            HasTimestamp = false;
            DataOffset = -1;
            DataLength = 0;
            DataIsString = false;
        }
    }
}
