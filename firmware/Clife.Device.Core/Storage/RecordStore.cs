using Clife.Device.Crypto;
using Clife.Device.Hal;
using Clife.Device.Text;

namespace Clife.Device.Storage
{
    /// <summary>
    /// A power-loss-safe record in NOR flash: two copies, each with a sequence number and a CRC; the newest valid
    /// copy wins. A save always rewrites the other copy, so a power cut at any write or erase leaves either the old
    /// or the new record readable, never neither (the same scheme as ESP-IDF's otadata).
    /// </summary>
    /// <remarks>
    /// Copy layout: magic (4) | sequence (4) | payload length (4) | CRC-32 of sequence, length and payload (4) | payload.
    /// A save erases the target copy, programs the payload, then the header last, then reads it back.
    /// </remarks>
    public sealed class RecordStore
    {
        /// <summary>Bytes in front of the payload in each copy.</summary>
        public const int HeaderSize = 16;

        private const int CopyCount = 2;
        private const int ScratchSize = 64;

        private readonly IFlashArea _area;
        private readonly uint _magic;
        private readonly int _copySize;
        private readonly byte[] _scratch = new byte[ScratchSize];
        private int _current = -1;
        private uint _sequence;
        private bool _scanned;

        /// <summary>Uses the whole area, split into two equal copies of whole sectors.</summary>
        public RecordStore(IFlashArea area, uint magic)
        {
            int sectorsPerCopy = area.Size / area.SectorSize / CopyCount;
            if (sectorsPerCopy < 1)
                throw new StorageException("record area of " + area.Size.ToString() + " bytes cannot hold two copies of one "
                                           + area.SectorSize.ToString() + "-byte sector");
            _area = area;
            _magic = magic;
            _copySize = sectorsPerCopy * area.SectorSize;
        }

        /// <summary>Largest payload a record can hold.</summary>
        public int MaxPayload => _copySize - HeaderSize;

        /// <summary>Sequence number of the record last loaded or saved (0 when there is none).</summary>
        public uint Sequence => _sequence;

        /// <summary>
        /// Finds the newest valid copy and reads its payload into the buffer (at least <see cref="MaxPayload"/> long
        /// or as long as the record). Returns the payload length, or -1 when no valid copy exists.
        /// </summary>
        public int Load(byte[] buffer)
        {
            int bestLength = Scan();
            if (_current < 0) return -1;
            if (buffer.Length < bestLength)
                throw new StorageException("record of " + bestLength.ToString() + " bytes does not fit a buffer of " + buffer.Length.ToString());
            _area.Read(CopyAddress(_current) + HeaderSize, buffer, 0, bestLength);
            return bestLength;
        }

        /// <summary>Saves a new record into the copy that does not hold the newest valid one, then verifies it.</summary>
        public void Save(byte[] payload, int offset, int count)
        {
            if (!_scanned) Scan();
            if (count > MaxPayload)
                throw new StorageException("record of " + count.ToString() + " bytes exceeds the " + MaxPayload.ToString() + "-byte area");
            int target = _current == 0 ? 1 : 0;
            uint sequence = _sequence + 1;
            int address = CopyAddress(target);

            _area.Erase(address, _copySize);
            if (count > 0) _area.Write(address + HeaderSize, payload, offset, count);

            uint crc = HeaderCrc(sequence, count);
            crc = Crc32.Update(crc, payload, offset, count);
            LittleEndian.WriteUInt32(_scratch, 0, _magic);
            LittleEndian.WriteUInt32(_scratch, 4, sequence);
            LittleEndian.WriteUInt32(_scratch, 8, (uint)count);
            LittleEndian.WriteUInt32(_scratch, 12, crc);
            _area.Write(address, _scratch, 0, HeaderSize);

            int length = ValidLength(target, out uint readBack);
            if (length != count || readBack != sequence)
                throw new StorageException("flash verify failed after writing the record (sector at 0x" + address.ToString("x") + ")");
            _current = target;
            _sequence = sequence;
        }

        /// <summary>Erases both copies, the older first, so a power cut leaves the newest record or nothing.</summary>
        public void Erase()
        {
            int older = _current == 0 ? 1 : 0;
            _area.Erase(CopyAddress(older), _copySize);
            _area.Erase(CopyAddress(1 - older), _copySize);
            _current = -1;
            _sequence = 0;
        }

        private int CopyAddress(int copy) => copy * _copySize;

        /// <summary>Finds the newest valid copy; returns its payload length, or -1.</summary>
        private int Scan()
        {
            _current = -1;
            _sequence = 0;
            int bestLength = -1;
            for (int copy = 0; copy < CopyCount; copy++)
            {
                int length = ValidLength(copy, out uint sequence);
                if (length < 0) continue;
                if (_current < 0 || IsNewer(sequence, _sequence))
                {
                    _current = copy;
                    _sequence = sequence;
                    bestLength = length;
                }
            }
            _scanned = true;
            return bestLength;
        }

        /// <summary>Payload length of a copy when its header and CRC are valid, else -1.</summary>
        private int ValidLength(int copy, out uint sequence)
        {
            sequence = 0;
            int address = CopyAddress(copy);
            _area.Read(address, _scratch, 0, HeaderSize);
            if (LittleEndian.ReadUInt32(_scratch, 0) != _magic) return -1;
            uint seq = LittleEndian.ReadUInt32(_scratch, 4);
            uint length = LittleEndian.ReadUInt32(_scratch, 8);
            uint stored = LittleEndian.ReadUInt32(_scratch, 12);
            if (length > (uint)MaxPayload) return -1;

            uint crc = HeaderCrc(seq, (int)length);
            int done = 0;
            while (done < (int)length)
            {
                int chunk = (int)length - done;
                if (chunk > ScratchSize) chunk = ScratchSize;
                _area.Read(address + HeaderSize + done, _scratch, 0, chunk);
                crc = Crc32.Update(crc, _scratch, 0, chunk);
                done += chunk;
            }
            if (crc != stored) return -1;
            sequence = seq;
            return (int)length;
        }

        private uint HeaderCrc(uint sequence, int length)
        {
            LittleEndian.WriteUInt32(_scratch, 0, sequence);
            LittleEndian.WriteUInt32(_scratch, 4, (uint)length);
            return Crc32.Update(0, _scratch, 0, 8);
        }

        /// <summary>Serial-number comparison, so the sequence may wrap around.</summary>
        private static bool IsNewer(uint candidate, uint current) => (int)(candidate - current) > 0;
    }
}
