namespace Clife.Device.Ota
{
    /// <summary>What the boot record knows about one image slot.</summary>
    public sealed class SlotInfo
    {
        /// <summary>True when the slot holds a complete, verified image.</summary>
        public bool Valid;
        /// <summary>Bytes of the bundle.</summary>
        public int Size;
        /// <summary>Software version of the image ("1.0.2.0").</summary>
        public string Software = "";
        /// <summary>Hardware version the image is for.</summary>
        public string Hardware = "";
        /// <summary>Overall product version.</summary>
        public int ProductVer;
        /// <summary>MD5 of the bundle as lowercase hex.</summary>
        public string Md5 = "";

        /// <summary>A copy.</summary>
        public SlotInfo Clone() => (SlotInfo)MemberwiseClone();
    }
}
