using System;
using System.Diagnostics;
using Clife.Device.Crypto;
using Clife.Device.Hal;
using Clife.Device.Simulation;

namespace Clife.Device.OtaBenchmark;

/// <summary>
/// Each step of the store path on its own, over the same bytes in the same 4 KiB chunks as FileOperations (the same
/// primitives in the same order, separated), to show where the pipeline's time goes.
/// </summary>
internal static class Stages
{
    private const int Chunk = Clife.Device.Ota.FileOperations.ChunkBytes;
    private const int VerifyBytes = 256;

    /// <summary>Seconds of: network reads, sector erase, write, read-back compare, MD5, checkSum.</summary>
    public static (double Receive, double Erase, double Write, double ReadBack, double Md5, double CheckSum) Measure(byte[] image)
    {
        int size = image.Length / Chunk * Chunk;
        var chip = new NorFlash(size, Chunk, 1);
        IFlashArea slot = chip.Area(0, size);
        byte[] chunk = new byte[Chunk];
        byte[] verify = new byte[VerifyBytes];
        var clock = Stopwatch.StartNew();

        var download = new MemoryDownload(image, 0, OtaRun.SegmentBytes);
        for (int at = 0; at < size; at += Chunk)
            for (int filled = 0; filled < Chunk;) filled += download.Read(chunk, filled, Chunk - filled);
        double receive = Lap(clock);

        for (int at = 0; at < size; at += Chunk) slot.Erase(at, Chunk);
        double erase = Lap(clock);

        for (int at = 0; at < size; at += Chunk) slot.Write(at, image, at, Chunk);
        double write = Lap(clock);

        for (int at = 0; at < size; at += Chunk)
        {
            for (int done = 0; done < Chunk; done += VerifyBytes)
            {
                slot.Read(at + done, verify, 0, VerifyBytes);
                for (int i = 0; i < VerifyBytes; i++)
                {
                    if (verify[i] != image[at + done + i]) throw new InvalidOperationException("read-back mismatch");
                }
            }
        }
        double readBack = Lap(clock);

        var md5 = new Md5();
        for (int at = 0; at < size; at += Chunk) md5.Update(image, at, Chunk);
        double hash = Lap(clock);

        var sum = new Clife.Device.Crypto.CheckSum();
        for (int at = 0; at < size; at += Chunk) sum.Update(image, at, Chunk);
        double checkSum = Lap(clock);
        return (receive, erase, write, readBack, hash, checkSum);
    }

    private static double Lap(Stopwatch clock)
    {
        double seconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        return seconds;
    }
}
