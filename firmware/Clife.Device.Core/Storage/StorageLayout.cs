namespace Clife.Device.Storage
{
    /// <summary>
    /// How the device's storage is divided into flash areas: the configuration record, the boot record, the
    /// profile record, the download record, and two image slots that share what is left equally. The same layout is used on every
    /// host: the virtual device carves it from the board's storage partition, and the ESP32 keeps each area as a
    /// fixed-size file on the internal drive.
    /// </summary>
    public sealed class StorageLayout
    {
        /// <summary>Area id of the configuration and login record.</summary>
        public const int Config = 0;
        /// <summary>Area id of the boot record (which slot to boot, trial state).</summary>
        public const int Boot = 1;
        /// <summary>Area id of the device profile record (fileType PROFILE).</summary>
        public const int ProfileRecord = 2;
        /// <summary>Area id of the record of a download in progress (for resuming it).</summary>
        public const int Download = 3;
        /// <summary>Area id of image slot A.</summary>
        public const int SlotA = 4;
        /// <summary>Area id of image slot B.</summary>
        public const int SlotB = 5;
        /// <summary>Number of areas.</summary>
        public const int AreaCount = 6;

        /// <summary>Bytes of each copy of the configuration record.</summary>
        public const int ConfigCopyBytes = 8192;
        /// <summary>Bytes of each copy of the profile record.</summary>
        public const int ProfileCopyBytes = 4096;

        private static readonly string[] Names = { "config", "boot", "profile", "download", "slot-a", "slot-b" };

        private readonly int[] _offsets = new int[AreaCount];
        private readonly int[] _sizes = new int[AreaCount];

        /// <summary>Lays out the areas in storage of the given size; throws when the slots would be empty.</summary>
        public StorageLayout(int storageSize, int sectorSize)
        {
            SectorSize = sectorSize;
            int offset = 0;
            offset = Place(Config, offset, 2 * RoundUp(ConfigCopyBytes, sectorSize));
            offset = Place(Boot, offset, 2 * sectorSize);
            offset = Place(ProfileRecord, offset, 2 * RoundUp(ProfileCopyBytes, sectorSize));
            offset = Place(Download, offset, 2 * sectorSize);
            int slot = (storageSize - offset) / 2 / sectorSize * sectorSize;
            if (slot < sectorSize)
                throw new StorageException("storage of " + storageSize.ToString() + " bytes leaves no room for two image slots");
            offset = Place(SlotA, offset, slot);
            Place(SlotB, offset, slot);
            TotalSize = offset + slot;
        }

        /// <summary>Erase unit the layout is aligned to.</summary>
        public int SectorSize { get; }

        /// <summary>Bytes used by all areas.</summary>
        public int TotalSize { get; }

        /// <summary>Size of one image slot in bytes.</summary>
        public int SlotSize => _sizes[SlotA];

        /// <summary>Offset of an area from the start of the storage.</summary>
        public int OffsetOf(int area) => _offsets[area];

        /// <summary>Size of an area in bytes.</summary>
        public int SizeOf(int area) => _sizes[area];

        /// <summary>Name of an area (also the file name on hosts that keep areas as files).</summary>
        public static string NameOf(int area) => Names[area];

        private int Place(int area, int offset, int size)
        {
            _offsets[area] = offset;
            _sizes[area] = size;
            return offset + size;
        }

        private static int RoundUp(int value, int unit) => (value + unit - 1) / unit * unit;
    }
}
