using System.CommandLine;
using System.IO;
using Clife.Device.Ota;

namespace Clife.ImageBundler;

/// <summary>
/// <c>inspect</c>: verifies a bundle file exactly as the device verifies a slot (<see cref="BundleCheck"/>: header,
/// size, payload CRC, every assembly expanded) and prints its header, or the reason it is invalid (exit code 1).
/// </summary>
internal static class InspectCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("bundle") { Description = "the bundle file" };
        var command = new Command("inspect", "verify an image bundle and print its header (versions, entry point, assemblies)") { file };
        command.SetAction(r => BundlerCli.Guard(error, () => Inspect(r.GetValue(file)!, output, error)));
        return command;
    }

    private static int Inspect(string path, TextWriter output, TextWriter error)
    {
        if (Directory.Exists(path)) throw new UsageException($"{path} is a directory, not a bundle file");
        if (!File.Exists(path)) throw new UsageException($"file not found: {path}");
        byte[] bytes = File.ReadAllBytes(path);
        BundleHeader header;
        try
        {
            header = BundleCheck.Verify(bytes);
        }
        catch (BundleException e)
        {
            error.WriteLine($"error: {path} is not a valid image bundle: {e.Message}");
            return BundlerCli.Failed;
        }
        output.WriteLine($"{path}: valid image bundle (format {BundleHeader.FormatVersion}), {bytes.Length} bytes");
        output.WriteLine($"software: {header.Software}");
        output.WriteLine($"hardware: {header.Hardware}");
        output.WriteLine($"productVer: {header.ProductVer}");
        output.WriteLine($"entry point: {header.EntryPoint}");
        output.WriteLine($"header: {header.HeaderLength} bytes");
        output.WriteLine($"payload: {header.PayloadLength} bytes, CRC-32 0x{header.PayloadCrc:x8} (verified)");
        output.WriteLine($"md5: {Integrity.Md5Hex(bytes)}");
        output.WriteLine($"checkSum: {Integrity.CheckSum(bytes)}");
        output.WriteLine($"assemblies: {header.Names.Length}");
        output.WriteLine($"  {"#",3} {"offset",10} {"stored",10} {"expanded",10} {"method",-8} {"crc-32",10}  name");
        for (int i = 0; i < header.Names.Length; i++)
            output.WriteLine($"  {i + 1,3} {header.OffsetOf(i),10} {header.Lengths[i],10} {header.OriginalLengths[i],10} {(header.Methods[i] == BundleHeader.MethodDeflate ? "deflate" : "stored"),-8} 0x{header.Crcs[i]:x8}  {header.Names[i]}");
        return BundlerCli.Ok;
    }
}
