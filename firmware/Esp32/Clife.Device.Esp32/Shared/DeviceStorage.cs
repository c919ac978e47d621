using System.IO;
using Clife.Device.Hal;
using Clife.Device.Storage;

namespace Clife.Device.Esp32
{
    /// <summary>
    /// The firmware's flash areas (<see cref="StorageLayout"/>) as files in the board's storage folder (I:\clife\config,
    /// boot, profile, download, slot-a, slot-b), each with NOR semantics (<see cref="FileFlashArea"/>), plus the file (I:\clife-install.clb)
    /// in which flash.ps1 stages an image for the loader to install.
    /// </summary>
    public sealed class DeviceStorage
    {
        /// <summary>
        /// File name of an image staged by flash.ps1 for the loader to install into slot A, in the drive's root (nanoff's
        /// file deployment is not known to create folders).
        /// </summary>
        public const string StagedImageName = "clife-install.clb";

        private readonly BoardSettings _board;

        /// <summary>Lays out the areas for the board and creates the folder when it is missing.</summary>
        public DeviceStorage(BoardSettings board)
        {
            _board = board;
            Layout = new StorageLayout(board.StorageSize, board.SectorSize);
            if (!Directory.Exists(board.AreaFolder)) Directory.CreateDirectory(board.AreaFolder);
            Areas = new IFlashArea[StorageLayout.AreaCount];
            for (int a = 0; a < StorageLayout.AreaCount; a++)
                Areas[a] = new FileFlashArea(new DriveFile(PathOf(StorageLayout.NameOf(a))), Layout.SizeOf(a), board.SectorSize);
        }

        /// <summary>The layout of the areas.</summary>
        public StorageLayout Layout { get; }

        /// <summary>The areas by <see cref="StorageLayout"/> id.</summary>
        public IFlashArea[] Areas { get; }

        /// <summary>Full path of the staged image file.</summary>
        public string StagedImagePath => _board.Drive + "\\" + StagedImageName;

        /// <summary>Bytes of the staged image, or -1 when none is staged.</summary>
        public int StagedImageLength => File.Exists(StagedImagePath) ? new DriveFile(StagedImagePath).Length : -1;

        /// <summary>The staged image as a flash area the size of a slot, or null when none is staged.</summary>
        public IFlashArea? OpenStagedImage()
        {
            if (!File.Exists(StagedImagePath)) return null;
            return new FileFlashArea(new DriveFile(StagedImagePath), Layout.SlotSize, _board.SectorSize);
        }

        /// <summary>Deletes the staged image (after it was installed, or refused).</summary>
        public void DeleteStagedImage()
        {
            if (File.Exists(StagedImagePath)) File.Delete(StagedImagePath);
        }

        private string PathOf(string name) => _board.AreaFolder + "\\" + name;
    }
}
