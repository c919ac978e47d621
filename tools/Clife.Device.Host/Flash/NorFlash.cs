using System;
using Clife.Device.Hal;

namespace Clife.Device.Simulation
{
    /// <summary>Thrown by <see cref="NorFlash"/> when the simulated power is cut, and on every flash access after it.</summary>
    public sealed class PowerCutException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public PowerCutException(string message) : base(message) { }
    }

    /// <summary>Called after the flash content changed, so a host can persist the range.</summary>
    public delegate void FlashChangedHandler(int address, int length);

    /// <summary>
    /// A simulated NOR flash chip in RAM, used by the portable tests and by the virtual device: erase sets bytes to
    /// 0xFF, a write ANDs, and power can be cut at a chosen write or erase, which is then left partly done (a random
    /// prefix applied, plus random bits of the next byte), as MCUboot's simulator does.
    /// </summary>
    public sealed class NorFlash
    {
        private readonly Random _random;
        private readonly byte[] _erased;

        /// <summary>A fresh, fully erased chip.</summary>
        public NorFlash(int size, int sectorSize, int seed)
            : this(NewErased(size), sectorSize, seed) { }

        /// <summary>A chip over an existing image (for example loaded from a file).</summary>
        public NorFlash(byte[] image, int sectorSize, int seed)
        {
            if (sectorSize <= 0 || image.Length % sectorSize != 0)
                throw new ArgumentException("flash size must be a multiple of the sector size");
            Image = image;
            SectorSize = sectorSize;
            CutAtOperation = -1;
            _random = new Random(seed);
            _erased = NewErased(sectorSize);
        }

        /// <summary>The chip's content.</summary>
        public byte[] Image { get; }

        /// <summary>Erase unit in bytes.</summary>
        public int SectorSize { get; }

        /// <summary>Writes and erases performed so far (the operation counter used for power cuts).</summary>
        public int Operations { get; private set; }

        /// <summary>1-based number of the write or erase that the power cut interrupts, or -1 for none.</summary>
        public int CutAtOperation { get; set; }

        /// <summary>True after the cut, until <see cref="PowerOn"/>.</summary>
        public bool PowerLost { get; private set; }

        /// <summary>Raised after every change of content.</summary>
        public event FlashChangedHandler? Changed;

        /// <summary>Restores power: flash can be used again and no cut is pending.</summary>
        public void PowerOn()
        {
            PowerLost = false;
            CutAtOperation = -1;
        }

        /// <summary>A view of a range of the chip as a flash area.</summary>
        public IFlashArea Area(int offset, int length)
        {
            if (offset < 0 || length <= 0 || offset + length > Image.Length || offset % SectorSize != 0 || length % SectorSize != 0)
                throw new ArgumentException("flash area must be sector-aligned and inside the chip");
            return new NorFlashArea(this, offset, length);
        }

        internal void Read(int address, byte[] buffer, int offset, int count)
        {
            CheckPower();
            Array.Copy(Image, address, buffer, offset, count);
        }

        internal void Write(int address, byte[] buffer, int offset, int count)
        {
            CheckPower();
            int applied = count;
            bool cut = NextOperationIsCut();
            if (cut) applied = _random.Next(count + 1);
            for (int i = 0; i < applied; i++) Image[address + i] &= buffer[offset + i];
            if (cut && applied < count)
                Image[address + applied] &= (byte)(buffer[offset + applied] | _random.Next(256));
            Notify(address, count);
            if (cut) Cut("write", address);
        }

        internal void Erase(int address, int length)
        {
            CheckPower();
            if (address % SectorSize != 0 || length % SectorSize != 0)
                throw new ArgumentException("erase must be sector-aligned: 0x" + address.ToString("x") + "+" + length.ToString());
            int applied = length;
            bool cut = NextOperationIsCut();
            if (cut) applied = _random.Next(length + 1);
            // Copied from an erased sector rather than set byte by byte: the OTA benchmark runs on this chip, and a
            // byte loop here would weigh in its figures as if it were the firmware's own work.
            for (int done = 0; done < applied; done += SectorSize)
                Array.Copy(_erased, 0, Image, address + done, applied - done < SectorSize ? applied - done : SectorSize);
            if (cut && applied < length) Image[address + applied] |= (byte)_random.Next(256);
            Notify(address, length);
            if (cut) Cut("erase", address);
        }

        private bool NextOperationIsCut()
        {
            Operations++;
            return Operations == CutAtOperation;
        }

        private void Cut(string what, int address)
        {
            PowerLost = true;
            throw new PowerCutException("power cut during " + what + " at 0x" + address.ToString("x") + " (operation " + Operations.ToString() + ")");
        }

        private void CheckPower()
        {
            if (PowerLost) throw new PowerCutException("flash accessed after the power cut");
        }

        private void Notify(int address, int length)
        {
            FlashChangedHandler? handler = Changed;
            if (handler != null) handler(address, length);
        }

        private static byte[] NewErased(int size)
        {
            byte[] image = new byte[size];
            for (int i = 0; i < size; i++) image[i] = 0xFF;
            return image;
        }
    }

    /// <summary>A sector-aligned window of a <see cref="NorFlash"/>.</summary>
    internal sealed class NorFlashArea : IFlashArea
    {
        private readonly NorFlash _chip;
        private readonly int _offset;

        public NorFlashArea(NorFlash chip, int offset, int size)
        {
            _chip = chip;
            _offset = offset;
            Size = size;
        }

        public int Size { get; }

        public int SectorSize => _chip.SectorSize;

        public void Read(int address, byte[] buffer, int offset, int count)
        {
            Check(address, count);
            _chip.Read(_offset + address, buffer, offset, count);
        }

        public void Write(int address, byte[] buffer, int offset, int count)
        {
            Check(address, count);
            _chip.Write(_offset + address, buffer, offset, count);
        }

        public void Erase(int address, int length)
        {
            Check(address, length);
            _chip.Erase(_offset + address, length);
        }

        private void Check(int address, int count)
        {
            if (address < 0 || count < 0 || address + count > Size)
                throw new ArgumentOutOfRangeException("address", "flash access 0x" + address.ToString("x") + "+" + count.ToString()
                                                      + " outside an area of " + Size.ToString() + " bytes");
        }
    }
}
