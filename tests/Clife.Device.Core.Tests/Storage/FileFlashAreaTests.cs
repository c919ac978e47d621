using System;
using Clife.Device.Hal;
using Clife.Device.Simulation;
using Clife.Device.Storage;

namespace Clife.Device.Tests
{
    /// <summary>A flash area kept in a file behaves like NOR flash, and a download into it only appends.</summary>
    public sealed class FileFlashAreaTests
    {
        private const int Sector = 4096;
        private const int AreaSize = 4 * Sector;

        public void Fresh_area_reads_erased_and_its_file_is_empty()
        {
            MemoryStorageFile file = new MemoryStorageFile();
            FileFlashArea area = new FileFlashArea(file, AreaSize, Sector);
            byte[] buffer = new byte[100];
            area.Read(AreaSize - 100, buffer, 0, 100);
            for (int i = 0; i < buffer.Length; i++) Check.Equal(0xFF, buffer[i], "byte " + i.ToString());
            Check.Equal(0, file.Length, "file length");
        }

        public void Write_stores_old_and_new_like_nor_flash()
        {
            FileFlashArea area = new FileFlashArea(new MemoryStorageFile(), AreaSize, Sector);
            area.Write(10, new byte[] { 0xF0, 0x0F }, 0, 2);
            area.Write(10, new byte[] { 0x3C, 0xFF }, 0, 2);
            byte[] buffer = new byte[4];
            area.Read(9, buffer, 0, 4);
            Check.Bytes(new byte[] { 0xFF, 0x30, 0x0F, 0xFF }, buffer, "bytes 9..12");
        }

        public void Random_operations_match_the_nor_flash_model()
        {
            NorFlash chip = new NorFlash(AreaSize, Sector, 3);
            IFlashArea model = chip.Area(0, AreaSize);
            FileFlashArea area = new FileFlashArea(new MemoryStorageFile(), AreaSize, Sector);
            Random random = new Random(42);
            byte[] data = new byte[3000];
            for (int step = 0; step < 300; step++)
            {
                int kind = random.Next(10);
                if (kind < 2)
                {
                    int first = random.Next(AreaSize / Sector);
                    int sectors = 1 + random.Next(AreaSize / Sector - first);
                    model.Erase(first * Sector, sectors * Sector);
                    area.Erase(first * Sector, sectors * Sector);
                }
                else
                {
                    int count = 1 + random.Next(data.Length);
                    int address = random.Next(AreaSize - count + 1);
                    random.NextBytes(data);
                    model.Write(address, data, 0, count);
                    area.Write(address, data, 0, count);
                }
                SameContent(model, area, "after step " + step.ToString());
            }
        }

        public void Erasing_to_the_end_truncates_and_sequential_writes_only_append()
        {
            MemoryStorageFile file = new MemoryStorageFile();
            FileFlashArea area = new FileFlashArea(file, AreaSize, Sector);
            byte[] chunk = new byte[1000];
            for (int i = 0; i < 10; i++) area.Write(i * chunk.Length, chunk, 0, chunk.Length);
            Check.Equal(10000, file.Length, "length after the first image");

            area.Erase(0, AreaSize);
            Check.Equal(0, file.Length, "length after erasing the area");
            for (int i = 0; i < 10; i++) area.Write(i * chunk.Length, chunk, 0, chunk.Length);
            Check.Equal(0, file.Rewrites, "writes into existing bytes");
            Check.Equal(20000, file.AppendedBytes, "appended bytes");
        }

        public void Erase_in_the_middle_keeps_the_tail()
        {
            MemoryStorageFile file = new MemoryStorageFile();
            FileFlashArea area = new FileFlashArea(file, AreaSize, Sector);
            byte[] zeros = new byte[3 * Sector];
            area.Write(0, zeros, 0, zeros.Length);
            area.Erase(Sector, Sector);
            byte[] b = new byte[1];
            area.Read(Sector - 1, b, 0, 1);
            Check.Equal(0x00, b[0], "last byte of sector 0");
            area.Read(Sector, b, 0, 1);
            Check.Equal(0xFF, b[0], "first byte of sector 1");
            area.Read(2 * Sector, b, 0, 1);
            Check.Equal(0x00, b[0], "first byte of sector 2");
            Check.Equal(3 * Sector, file.Length, "file length");
        }

        public void Write_past_the_end_fills_the_gap_with_erased_bytes()
        {
            MemoryStorageFile file = new MemoryStorageFile();
            FileFlashArea area = new FileFlashArea(file, AreaSize, Sector);
            area.Write(2000, new byte[] { 1, 2, 3 }, 0, 3);
            Check.Equal(2003, file.Length, "file length");
            byte[] b = new byte[2];
            area.Read(1999, b, 0, 2);
            Check.Bytes(new byte[] { 0xFF, 1 }, b, "bytes 1999..2000");
        }

        public void Accesses_outside_the_area_and_unaligned_erases_are_refused()
        {
            FileFlashArea area = new FileFlashArea(new MemoryStorageFile(), AreaSize, Sector);
            Check.Throws(typeof(ArgumentOutOfRangeException), () => area.Write(AreaSize - 1, new byte[2], 0, 2));
            Check.Throws(typeof(ArgumentOutOfRangeException), () => area.Read(-1, new byte[1], 0, 1));
            Check.Throws(typeof(ArgumentOutOfRangeException), () => area.Erase(100, Sector));
        }

        public void Record_store_survives_reopening_over_a_file()
        {
            MemoryStorageFile file = new MemoryStorageFile();
            RecordStore store = new RecordStore(new FileFlashArea(file, 2 * Sector, Sector), 0x31544553);
            store.Load(new byte[store.MaxPayload]);
            for (int i = 1; i <= 3; i++) store.Save(new byte[] { (byte)i, (byte)(i + 1) }, 0, 2);

            RecordStore reopened = new RecordStore(new FileFlashArea(file, 2 * Sector, Sector), 0x31544553);
            byte[] buffer = new byte[reopened.MaxPayload];
            Check.Equal(2, reopened.Load(buffer), "length");
            Check.Equal(3, buffer[0], "first byte of the newest record");
        }

        private static void SameContent(IFlashArea expected, IFlashArea actual, string when)
        {
            byte[] a = new byte[AreaSize];
            byte[] b = new byte[AreaSize];
            expected.Read(0, a, 0, AreaSize);
            actual.Read(0, b, 0, AreaSize);
            Check.Bytes(a, b, "area content " + when);
        }
    }
}
