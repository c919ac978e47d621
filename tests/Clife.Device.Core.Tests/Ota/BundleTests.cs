using System;
using Clife.Device.Crypto;
using Clife.Device.Hal;
using Clife.Device.Ota;
using Clife.Device.Protocol;
using Clife.Device.Simulation;

namespace Clife.Device.Tests.Ota
{
    /// <summary>
    /// The image bundle format (protocol.md section 8): a valid bundle round-trips, and every kind of damage is
    /// rejected with a BundleException that says what is wrong, both from bytes in memory and where it is stored.
    /// </summary>
    public sealed class BundleTests
    {
        private const int SectorSize = 4096;
        private static readonly string[] ThreeNames = { "Clife.Device.Core.pe", "Clife.Device.App.pe", "mscorlib.pe" };
        private static readonly int[] ThreeLengths = { 700, 1, 333 };

        // Offsets in the fixed part of the header (BundleHeader's layout).
        private const int FormatAt = 4;
        private const int HeaderLengthAt = 6;
        private const int SoftwareAt = 8;
        private const int HardwareAt = 12;
        private const int CountAt = 16;
        private const int EntryLengthAt = 18;
        private const int PayloadLengthAt = 20;

        public void Valid_bundle_round_trips_with_every_field_and_assembly()
        {
            byte[] bundle = TestImages.BuildMany("1.2.3.4", 7, ThreeNames, ThreeLengths);
            BundleHeader h = BundleHeader.Parse(bundle, 0, bundle.Length);

            Check.Equal("1.2.3.4", h.Software.ToString(), "software");
            Check.Equal("1.0", h.Hardware.ToString(), "hardware");
            Check.Equal(7, h.ProductVer, "productVer");
            Check.Equal(TestImages.AppEntryPoint, h.EntryPoint, "entry point");
            Check.Equal(3, h.Names.Length, "assemblies");
            int expectedHeader = BundleHeader.FixedSize + TestImages.AppEntryPoint.Length;
            for (int i = 0; i < 3; i++)
            {
                Check.Equal(ThreeNames[i], h.Names[i], "name " + i.ToString());
                Check.Equal(ThreeLengths[i], h.Lengths[i], "length " + i.ToString());
                Check.Equal(ThreeLengths[i], h.OriginalLengths[i], "expanded length " + i.ToString());
                Check.Equal(BundleHeader.MethodStored, h.Methods[i], "method " + i.ToString());
                Check.Equal(Crc32.Compute(bundle, h.OffsetOf(i), ThreeLengths[i]), h.Crcs[i], "CRC " + i.ToString());
                expectedHeader += BundleHeader.EntryFixedSize + ThreeNames[i].Length;
            }
            Check.Equal(expectedHeader, h.HeaderLength, "header length");
            Check.Equal(1034, h.PayloadLength, "payload length");
            Check.Equal(bundle.Length, h.TotalLength, "total length");
            Check.Equal(h.HeaderLength, h.OffsetOf(0), "offset of the first assembly");
            Check.Equal(h.HeaderLength + 701, h.OffsetOf(2), "offset of the third assembly");
            Check.Equal(Crc32.Compute(bundle, h.HeaderLength, h.PayloadLength), h.PayloadCrc, "payload CRC");

            IFlashArea area = Stored(bundle, 2);
            BundleHeader stored = Bundle.Verify(area, bundle.Length, new byte[BundleHeader.MaxHeaderSize]);
            Check.Equal(h.PayloadCrc, stored.PayloadCrc, "payload CRC read back from flash");
            Check.Equal(h.TotalLength, Bundle.Verify(area, -1, new byte[BundleHeader.MaxHeaderSize]).TotalLength, "verified without a known length");
        }

        public void Header_is_parsed_at_an_offset_inside_a_buffer()
        {
            byte[] bundle = TestImages.Build("2.0.0.1", 3, 200);
            byte[] padded = TestImages.Insert(bundle, 0, TestData.Filled(11, 0xAA));
            BundleHeader h = BundleHeader.Parse(padded, 11, bundle.Length);
            Check.Equal("2.0.0.1", h.Software.ToString(), "software");
            Check.Equal(200, h.TotalLength, "total length");
        }

        public void Verify_reads_a_large_image_through_a_small_scratch_buffer()
        {
            byte[] bundle = TestImages.Build("1.0.0.9", 2, 3 * SectorSize + 77);
            IFlashArea area = Stored(bundle, 4);
            BundleHeader h = Bundle.Verify(area, bundle.Length, new byte[BundleHeader.MaxHeaderSize]);
            Check.Equal(bundle.Length, h.TotalLength, "total");
        }

        public void Truncation_at_every_length_is_rejected()
        {
            byte[] bundle = TestImages.BuildMany("1.0.0.1", 1, ThreeNames, ThreeLengths);
            int headerLength = TestImages.HeaderLength(bundle);
            NorFlash chip = new NorFlash(2 * SectorSize, SectorSize, 1);
            IFlashArea area = chip.Area(0, 2 * SectorSize);
            byte[] scratch = new byte[BundleHeader.MaxHeaderSize];
            for (int length = 0; length < bundle.Length; length++)
            {
                if (length < headerLength)
                {
                    BundleException parsed = ExpectRejected(bundle, length);
                    Check.Contains("truncated", parsed.Message, "parse of " + length.ToString() + " bytes");
                }
                area.Erase(0, area.Size);
                if (length > 0) area.Write(0, bundle, 0, length);
                int n = length;
                Exception e = Check.Throws(typeof(BundleException), delegate { Bundle.Verify(area, n, scratch); });
                Check.Contains(length < headerLength ? "truncated" : "bundle says it is " + bundle.Length.ToString() + " bytes but the file has " + length.ToString(),
                               e.Message, "verify of " + length.ToString() + " stored bytes");
                if (!TailIsErased(bundle, length))
                {
                    // Without a known length (a boot without a record) the erased tail must not pass either.
                    Check.Throws(typeof(BundleException), delegate { Bundle.Verify(area, -1, scratch); });
                }
            }
        }

        public void Wrong_magic_is_rejected()
        {
            byte[] bundle = TestImages.Build("1.0.0.1", 1, 100);
            bundle[0] = (byte)'X';
            Check.Contains("wrong magic", ExpectRejected(bundle).Message, "message");
        }

        public void Unsupported_format_version_is_rejected_even_with_a_valid_crc()
        {
            byte[] bundle = TestImages.Build("1.0.0.1", 1, 100);
            TestImages.Put16(bundle, FormatAt, BundleHeader.FormatVersion + 1);
            TestImages.Reseal(bundle);
            Check.Contains("bundle format " + (BundleHeader.FormatVersion + 1).ToString() + " is not supported", ExpectRejected(bundle).Message, "message");
            TestImages.Put16(bundle, FormatAt, 0);
            TestImages.Reseal(bundle);
            Check.Contains("bundle format 0 is not supported", ExpectRejected(bundle).Message, "message");
        }

        public void Header_length_out_of_range_is_rejected()
        {
            int[] lengths = { 0, BundleHeader.FixedSize - 1, BundleHeader.MaxHeaderSize + 1, 0xFFFF };
            for (int i = 0; i < lengths.Length; i++)
            {
                byte[] bundle = TestImages.Build("1.0.0.1", 1, 100);
                TestImages.Put16(bundle, HeaderLengthAt, lengths[i]);
                Check.Contains("bundle header length " + lengths[i].ToString() + " is out of range", ExpectRejected(bundle).Message, "length " + lengths[i].ToString());
            }
        }

        public void Header_length_longer_than_its_entries_is_rejected()
        {
            byte[] bundle = TestImages.Build("1.0.0.1", 1, 100);
            int headerLength = TestImages.HeaderLength(bundle);
            byte[] longer = TestImages.Insert(bundle, headerLength, new byte[] { 0 });
            TestImages.Put16(longer, HeaderLengthAt, headerLength + 1);
            TestImages.Reseal(longer);
            Check.Contains("does not match its entries", ExpectRejected(longer).Message, "message");
        }

        public void Header_length_shorter_than_its_entries_is_rejected()
        {
            byte[] bundle = TestImages.Build("1.0.0.1", 1, 100);
            int headerLength = TestImages.HeaderLength(bundle);
            TestImages.Put16(bundle, HeaderLengthAt, headerLength - 1);
            TestImages.Reseal(bundle);
            Check.Contains("bundle header ends inside the name of assembly 1", ExpectRejected(bundle).Message, "message");
            TestImages.Put16(bundle, HeaderLengthAt, BundleHeader.FixedSize + TestImages.AppEntryPoint.Length + 2);
            TestImages.Reseal(bundle);
            Check.Contains("ends inside the entry of assembly 1", ExpectRejected(bundle).Message, "message");
        }

        public void Flipping_any_bit_of_the_header_is_detected()
        {
            byte[] bundle = TestImages.BuildMany("1.0.0.1", 1, ThreeNames, ThreeLengths);
            int headerLength = TestImages.HeaderLength(bundle);
            for (int at = 0; at < headerLength; at++)
            {
                for (int bit = 0; bit < 8; bit++)
                {
                    byte[] damaged = TestImages.Copy(bundle);
                    damaged[at] ^= (byte)(1 << bit);
                    BundleException e = ExpectRejected(damaged);
                    string where = "bit " + bit.ToString() + " of header byte " + at.ToString();
                    if (at < FormatAt) Check.Contains("wrong magic", e.Message, where);
                    else if (at < HeaderLengthAt) Check.Contains("is not supported", e.Message, where);
                    else if (at >= SoftwareAt) Check.Contains("bundle header is corrupt (CRC mismatch)", e.Message, where);
                }
            }
        }

        public void Payload_crc_mismatch_is_detected_at_every_byte()
        {
            byte[] bundle = TestImages.BuildMany("1.0.0.1", 1, ThreeNames, ThreeLengths);
            int headerLength = TestImages.HeaderLength(bundle);
            NorFlash chip = new NorFlash(SectorSize, SectorSize, 1);
            IFlashArea area = chip.Area(0, SectorSize);
            byte[] scratch = new byte[BundleHeader.MaxHeaderSize];
            for (int at = headerLength; at < bundle.Length; at++)
            {
                byte[] damaged = TestImages.Copy(bundle);
                damaged[at] ^= 0x10;
                BundleHeader.Parse(damaged, 0, damaged.Length); // the header alone cannot tell
                area.Erase(0, area.Size);
                area.Write(0, damaged, 0, damaged.Length);
                Exception e = Check.Throws(typeof(BundleException), delegate { Bundle.Verify(area, damaged.Length, scratch); });
                Check.Contains("bundle payload is corrupt (CRC mismatch)", e.Message, "payload byte " + at.ToString());
            }
        }

        public void Zero_assemblies_are_rejected()
        {
            byte[] bundle = TestImages.Build("1.0.0.1", 1, 100);
            TestImages.Put16(bundle, CountAt, 0);
            TestImages.Reseal(bundle);
            Check.Contains("bundle lists 0 assemblies (1..32 allowed)", ExpectRejected(bundle).Message, "parse");
            Check.Throws(typeof(BundleException), delegate { Bundle.Build(Software("1.0.0.1"), Hardware(), 1, "A.B", new string[0], new byte[0][]); });
        }

        public void More_than_32_assemblies_are_rejected()
        {
            byte[] bundle = TestImages.Build("1.0.0.1", 1, 100);
            TestImages.Put16(bundle, CountAt, BundleHeader.MaxAssemblies + 1);
            TestImages.Reseal(bundle);
            Check.Contains("bundle lists 33 assemblies", ExpectRejected(bundle).Message, "parse");

            string[] names = new string[BundleHeader.MaxAssemblies + 1];
            byte[][] parts = new byte[names.Length][];
            for (int i = 0; i < names.Length; i++)
            {
                names[i] = "A" + i.ToString() + ".pe";
                parts[i] = new byte[] { 1 };
            }
            Check.Throws(typeof(BundleException), delegate { Bundle.Build(Software("1.0.0.1"), Hardware(), 1, "A.B", names, parts); });
            string[] most = new string[BundleHeader.MaxAssemblies];
            byte[][] mostParts = new byte[most.Length][];
            for (int i = 0; i < most.Length; i++)
            {
                most[i] = names[i];
                mostParts[i] = parts[i];
            }
            byte[] full = Bundle.Build(Software("1.0.0.1"), Hardware(), 1, "A.B", most, mostParts);
            Check.Equal(32, BundleHeader.Parse(full, 0, full.Length).Names.Length, "32 assemblies are fine");
        }

        public void Empty_assembly_name_and_empty_entry_point_are_rejected()
        {
            byte[] bundle = TestImages.Build("1.0.0.1", 1, 100);
            int nameLengthAt = BundleHeader.FixedSize + TestImages.AppEntryPoint.Length + BundleHeader.EntryFixedSize - 1;
            bundle[nameLengthAt] = 0;
            TestImages.Reseal(bundle);
            Check.Contains("assembly 1 has no name", ExpectRejected(bundle).Message, "empty name");

            byte[] noEntry = TestImages.Build("1.0.0.1", 1, 100);
            TestImages.Put16(noEntry, EntryLengthAt, 0);
            TestImages.Reseal(noEntry);
            Check.Contains("entry point length 0 is out of range", ExpectRejected(noEntry).Message, "empty entry point");

            Check.Throws(typeof(BundleException), delegate { Bundle.Build(Software("1.0.0.1"), Hardware(), 1, "A.B", new string[] { "" }, new byte[][] { new byte[1] }); });
            Check.Throws(typeof(BundleException), delegate { Bundle.Build(Software("1.0.0.1"), Hardware(), 1, "", new string[] { "a.pe" }, new byte[][] { new byte[1] }); });
        }

        public void Invalid_utf8_in_a_name_or_the_entry_point_is_rejected()
        {
            byte[] bundle = TestImages.Build("1.0.0.1", 1, 100);
            int nameAt = BundleHeader.FixedSize + TestImages.AppEntryPoint.Length + BundleHeader.EntryFixedSize;
            bundle[nameAt + 3] = 0xC3; // a lead byte followed by ASCII
            TestImages.Reseal(bundle);
            Check.Contains("name of assembly 1 is not valid UTF-8", ExpectRejected(bundle).Message, "name");

            byte[] entry = TestImages.Build("1.0.0.1", 1, 100);
            entry[BundleHeader.FixedSize] = 0xFF;
            TestImages.Reseal(entry);
            Check.Contains("entry point is not valid UTF-8", ExpectRejected(entry).Message, "entry point");
        }

        public void Assembly_lengths_that_do_not_add_up_to_the_payload_are_rejected()
        {
            byte[] bundle = TestImages.Build("1.0.0.1", 1, 100);
            int payload = 100 - TestImages.HeaderLength(bundle);
            TestImages.Put32(bundle, PayloadLengthAt, (uint)(payload + 1));
            TestImages.Reseal(bundle);
            Check.Contains("assembly lengths add up to " + payload.ToString() + " but the payload length says " + (payload + 1).ToString(),
                           ExpectRejected(bundle).Message, "payload length");

            byte[] entry = TestImages.Build("1.0.0.1", 1, 100);
            TestImages.Put32(entry, BundleHeader.FixedSize + TestImages.AppEntryPoint.Length, (uint)(payload - 1));
            TestImages.Put32(entry, BundleHeader.FixedSize + TestImages.AppEntryPoint.Length + 4, (uint)(payload - 1));
            TestImages.Reseal(entry);
            Check.Contains("add up to " + (payload - 1).ToString(), ExpectRejected(entry).Message, "assembly length");

            byte[] empty = TestImages.Build("1.0.0.1", 1, 100);
            TestImages.Put32(empty, BundleHeader.FixedSize + TestImages.AppEntryPoint.Length, 0);
            TestImages.Reseal(empty);
            Check.Contains("assembly 1 has length 0", ExpectRejected(empty).Message, "empty assembly");
        }

        public void Unknown_storage_method_and_inconsistent_lengths_are_rejected()
        {
            int entryAt = BundleHeader.FixedSize + TestImages.AppEntryPoint.Length;
            byte[] method = TestImages.Build("1.0.0.1", 1, 100);
            method[entryAt + 8] = 3;
            TestImages.Reseal(method);
            Check.Contains("assembly 1 uses unknown storage method 3", ExpectRejected(method).Message, "method");

            byte[] stored = TestImages.Build("1.0.0.1", 1, 100);
            TestImages.Put32(stored, entryAt + 4, 7);
            TestImages.Reseal(stored);
            Check.Contains("assembly 1 is stored as is but its lengths differ", ExpectRejected(stored).Message, "stored lengths");

            byte[] huge = TestImages.Build("1.0.0.1", 1, 100);
            huge[entryAt + 8] = (byte)BundleHeader.MethodDeflate;
            TestImages.Put32(huge, entryAt + 4, (uint)BundleHeader.MaxAssemblyBytes + 1);
            TestImages.Reseal(huge);
            Check.Contains("assembly 1 expands to " + (BundleHeader.MaxAssemblyBytes + 1).ToString() + " bytes", ExpectRejected(huge).Message, "too large");
        }

        public void Reading_an_assembly_checks_its_crc_and_expands_a_compressed_one()
        {
            byte[] bundle = TestImages.BuildMany("1.0.0.3", 1, ThreeNames, ThreeLengths);
            BundleHeader h = BundleHeader.Parse(bundle, 0, bundle.Length);
            IFlashArea area = Stored(bundle, 1);
            Inflate inflater = new Inflate();
            for (int i = 0; i < 3; i++) Check.Bytes(bundle, h.OffsetOf(i), ThreeLengths[i], Bundle.ReadAssembly(area, h, i, inflater), 0, ThreeLengths[i], "assembly " + i.ToString());

            byte[] damaged = (byte[])bundle.Clone();
            damaged[h.OffsetOf(1)] ^= 0x01;
            Exception e = Check.Throws(typeof(BundleException), delegate { Bundle.ReadAssembly(Stored(damaged, 1), h, 1, inflater); });
            Check.Contains("assembly Clife.Device.App.pe is corrupt (CRC mismatch after expanding)", e.Message, "CRC");

            // Raw DEFLATE of "abcabcabcabc" as zlib writes it: a fixed-Huffman block, three literals and a back-reference.
            byte[] text = TestData.Ascii("abcabcabcabc");
            byte[] deflated = { 0x4B, 0x4C, 0x4A, 0x4E, 0x84, 0x21, 0x00 };
            byte[] compressed = Bundle.Pack(DeviceVersion.ParseSoftware("1.0.0.4"), DeviceVersion.ParseHardware("1.0"), 1, "A.B",
                                            new string[] { "a.pe" }, new byte[][] { deflated }, new int[] { text.Length },
                                            new int[] { BundleHeader.MethodDeflate }, new uint[] { Crc32.Compute(text, 0, text.Length) });
            BundleHeader ch = BundleHeader.Parse(compressed, 0, compressed.Length);
            Check.Bytes(text, Bundle.ReadAssembly(Stored(compressed, 1), ch, 0, inflater), "expanded");
        }

        public void Version_parts_above_99_are_rejected()
        {
            for (int part = 0; part < 4; part++)
            {
                byte[] bundle = TestImages.Build("1.0.0.1", 1, 100);
                bundle[SoftwareAt + part] = 100;
                TestImages.Reseal(bundle);
                Check.Contains("software version part " + (part + 1).ToString() + " is 100 (0..99 allowed)", ExpectRejected(bundle).Message, "software part " + part.ToString());
            }
            for (int part = 0; part < 2; part++)
            {
                byte[] bundle = TestImages.Build("1.0.0.1", 1, 100);
                bundle[HardwareAt + part] = 255;
                TestImages.Reseal(bundle);
                Check.Contains("hardware version part " + (part + 1).ToString() + " is 255", ExpectRejected(bundle).Message, "hardware part " + part.ToString());
            }
            byte[] most = TestImages.Build("99.99.99.99", 1, 100);
            Check.Equal("99.99.99.99", BundleHeader.Parse(most, 0, most.Length).Software.ToString(), "99 is fine");
        }

        public void Bundle_larger_than_the_slot_is_rejected()
        {
            byte[] bundle = TestImages.Build("1.0.0.1", 1, SectorSize + 1);
            NorFlash chip = new NorFlash(SectorSize, SectorSize, 1);
            IFlashArea slot = chip.Area(0, SectorSize);
            slot.Write(0, bundle, 0, SectorSize);
            byte[] scratch = new byte[BundleHeader.MaxHeaderSize];
            Exception e = Check.Throws(typeof(BundleException), delegate { Bundle.Verify(slot, bundle.Length, scratch); });
            Check.Contains("bundle of 4097 bytes does not fit a slot of 4096", e.Message, "known length");
            e = Check.Throws(typeof(BundleException), delegate { Bundle.Verify(slot, -1, scratch); });
            Check.Contains("does not fit a slot of 4096", e.Message, "unknown length");

            NorFlash board = new NorFlash(4 * SectorSize, SectorSize, 1);
            BootManager boot = new BootManager(board.Area(0, 2 * SectorSize), board.Area(2 * SectorSize, SectorSize), board.Area(3 * SectorSize, SectorSize));
            e = Check.Throws(typeof(BundleException), delegate { boot.InstallFactoryImage(0, bundle, scratch); });
            Check.Contains("does not fit a slot of 4096", e.Message, "factory image");
        }

        private static BundleException ExpectRejected(byte[] bundle) => ExpectRejected(bundle, bundle.Length);

        private static BundleException ExpectRejected(byte[] bundle, int available)
        {
            return (BundleException)Check.Throws(typeof(BundleException), delegate { BundleHeader.Parse(bundle, 0, available); });
        }

        private static IFlashArea Stored(byte[] bundle, int sectors)
        {
            NorFlash chip = new NorFlash(sectors * SectorSize, SectorSize, 1);
            IFlashArea area = chip.Area(0, sectors * SectorSize);
            area.Write(0, bundle, 0, bundle.Length);
            return area;
        }

        private static bool TailIsErased(byte[] bundle, int length)
        {
            for (int i = length; i < bundle.Length; i++) if (bundle[i] != 0xFF) return false;
            return true;
        }

        private static DeviceVersion Software(string text) => DeviceVersion.ParseSoftware(text);

        private static DeviceVersion Hardware() => DeviceVersion.ParseHardware(TestImages.Hardware);
    }
}
