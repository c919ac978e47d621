using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Text;
using Clife.Device.Host;
using Clife.Device.Host.Boards;
using Clife.Device.Host.Ota;
using Clife.Device.Ota;
using Clife.Device.Protocol;
using Clife.Device.Storage;
using Clife.Device.Text;

namespace Clife.ImageBundler;

/// <summary>
/// <c>pack</c>: packs files (the application's .pe assemblies, in load order) into an image bundle, each compressed with
/// DEFLATE unless <c>--store</c> (or unless that is not smaller), writes it, checks it as the device will (header,
/// payload, and every assembly expanded with the core's inflater and CRC-checked), and prints its size, md5 and
/// checkSum and a 2019 fileInfo entry ready to paste.
/// </summary>
internal static class PackCommand
{
    /// <summary>The url printed in the fileInfo when --url is not given: a placeholder to replace.</summary>
    public const string UrlPlaceholder = "http://HOST/PATH/";

    public static Command Build(TextWriter output, TextWriter error)
    {
        var software = new Option<string>("--software") { Description = "software version of the image: major.minor.revision.fix, each 0..99 (e.g. 1.1.0.0)", Required = true };
        var hardware = new Option<string>("--hardware") { Description = "hardware version the image is for: major.minor, each 0..99 (e.g. 1.0)", Required = true };
        var productVer = new Option<int>("--product-ver") { Description = "overall product version, 1..65535", Required = true };
        var entry = new Option<string>("--entry") { Description = "type whose static Main starts the application", DefaultValueFactory = _ => VirtualDevice.AppEntryPoint };
        var outFile = new Option<string>("--out") { Description = "bundle file to write", Required = true };
        var url = new Option<string?>("--url") { Description = "url to put in the printed fileInfo (default: a placeholder to replace)" };
        var board = new Option<string?>("--board") { Description = "also check that the bundle fits one image slot of this board (see boards/)" };
        var store = new Option<bool>("--store") { Description = "store the assemblies as they are instead of compressing them" };
        var files = new Argument<string[]>("files") { Description = "the files to pack (.pe assemblies, in load order)", Arity = ArgumentArity.OneOrMore };

        var command = new Command("pack", "pack files into an image bundle and print its size, md5, checkSum and a 2019 fileInfo entry")
        {
            software, hardware, productVer, entry, outFile, url, board, store, files,
        };
        command.SetAction(r => BundlerCli.Guard(error, () => Pack(
            r.GetValue(software)!, r.GetValue(hardware)!, r.GetValue(productVer), r.GetValue(entry)!, r.GetValue(outFile)!,
            r.GetValue(url), r.GetValue(board), !r.GetValue(store), r.GetValue(files) ?? [], output)));
        return command;
    }

    private static int Pack(string softwareText, string hardwareText, int productVer, string entryPoint, string outPath, string? url, string? boardName,
                            bool compress, string[] paths, TextWriter output)
    {
        DeviceVersion software = Version(softwareText, "--software", DeviceVersion.ParseSoftware);
        DeviceVersion hardware = Version(hardwareText, "--hardware", DeviceVersion.ParseHardware);
        if (productVer < 1 || productVer > ushort.MaxValue)
            throw new UsageException("--product-ver must be 1.." + ushort.MaxValue + ", not " + productVer);
        CheckEntryPoint(entryPoint);
        int? slotSize = boardName is null ? null : SlotSize(boardName);
        (string[] names, byte[][] assemblies) = ReadFiles(paths, outPath);
        CheckOutput(outPath);

        byte[] bundle;
        try
        {
            bundle = BundleFactory.Build(software.ToString(), hardware.ToString(), productVer, entryPoint, names, assemblies, compress);
        }
        catch (BundleException e)
        {
            throw new UsageException(e.Message);
        }
        if (slotSize is int slot && bundle.Length > slot)
            throw new UsageException($"the bundle has {bundle.Length} bytes but an image slot of board {boardName} holds {slot}");
        // The device's own check, before anything is written: a bundle the device would refuse is never produced.
        BundleHeader header = BundleCheck.Verify(bundle);
        File.WriteAllBytes(outPath, bundle);

        string md5 = Integrity.Md5Hex(bundle);
        uint checkSum = Integrity.CheckSum(bundle);
        output.WriteLine($"packed {names.Length} file(s) into {outPath}{(slotSize is int s ? $" (fits a {s}-byte slot of {boardName})" : "")}");
        int expanded = 0;
        foreach (int n in header.OriginalLengths) expanded += n;
        output.WriteLine($"size: {bundle.Length}");
        output.WriteLine($"expanded: {expanded} bytes of assemblies, {(compress ? "compressed with DEFLATE where smaller" : "stored as they are")}");
        output.WriteLine($"md5: {md5}");
        output.WriteLine($"checkSum: {checkSum}");
        output.WriteLine($"software: {header.Software}, hardware: {header.Hardware}, productVer: {header.ProductVer}, entry point: {header.EntryPoint}");
        output.WriteLine($"2019 fileInfo entry (fileMode DOWN, productVer {productVer}):");
        output.WriteLine(FileInfoJson(header, md5, checkSum, url ?? UrlPlaceholder + Path.GetFileName(outPath)));
        return BundlerCli.Ok;
    }

    /// <summary>The fileInfo entry of a FIRM download, as a 2019 request carries it.</summary>
    internal static string FileInfoJson(BundleHeader header, string md5, uint checkSum, string url)
    {
        var o = new System.Text.Json.Nodes.JsonObject
        {
            [Names.FileType] = Names.TypeFirm,
            [Names.DevNum] = 0,
            [Names.Software] = header.Software.ToString(),
            [Names.Hardware] = header.Hardware.ToString(),
            [Names.CheckSum] = checkSum,
            [Names.Md5] = md5,
            [Names.Url] = url,
        };
        return o.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    private static DeviceVersion Version(string text, string option, Func<string, DeviceVersion> parse)
    {
        try
        {
            return parse(text);
        }
        catch (CodecException e)
        {
            throw new UsageException(option + ": " + e.Message);
        }
    }

    private static void CheckEntryPoint(string entryPoint)
    {
        if (entryPoint.Length == 0) throw new UsageException("--entry must name a type, e.g. " + VirtualDevice.AppEntryPoint);
        int bytes = Encoding.UTF8.GetByteCount(entryPoint);
        if (bytes > BundleHeader.MaxNameBytes)
            throw new UsageException($"--entry is {bytes} bytes long; at most {BundleHeader.MaxNameBytes} are allowed");
        foreach (string part in entryPoint.Split('.'))
        {
            bool ok = part.Length > 0 && (char.IsLetter(part[0]) || part[0] == '_');
            for (int i = 1; ok && i < part.Length; i++) ok = char.IsLetterOrDigit(part[i]) || part[i] == '_';
            if (!ok) throw new UsageException($"--entry \"{entryPoint}\" is not a type name like Namespace.Type");
        }
    }

    private static int SlotSize(string boardName)
    {
        BoardDescription board;
        try
        {
            board = BoardDescription.Find(boardName);
        }
        catch (BoardException e)
        {
            throw new UsageException("--board: " + e.Message);
        }
        return new StorageLayout(board.StorageSize, board.SectorSize).SlotSize;
    }

    private static (string[] Names, byte[][] Assemblies) ReadFiles(string[] paths, string outPath)
    {
        if (paths.Length > BundleHeader.MaxAssemblies)
            throw new UsageException($"{paths.Length} files given; a bundle holds at most {BundleHeader.MaxAssemblies}");
        string outFull = Path.GetFullPath(outPath);
        var names = new string[paths.Length];
        var assemblies = new byte[paths.Length][];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < paths.Length; i++)
        {
            string path = paths[i];
            if (Directory.Exists(path)) throw new UsageException($"{path} is a directory, not a file");
            if (!File.Exists(path)) throw new UsageException($"file not found: {path}");
            if (Path.GetFullPath(path) == outFull) throw new UsageException($"{path} is both an input and the --out file");
            string name = Path.GetFileName(path);
            int nameBytes = Encoding.UTF8.GetByteCount(name);
            if (nameBytes > BundleHeader.MaxNameBytes)
                throw new UsageException($"the file name {name} is {nameBytes} bytes long; at most {BundleHeader.MaxNameBytes} are allowed");
            if (!seen.Add(name)) throw new UsageException($"two files are named {name}; the names in a bundle must be unique");
            byte[] bytes = File.ReadAllBytes(path);
            if (bytes.Length == 0) throw new UsageException($"{path} is empty; every packed file has at least one byte");
            names[i] = name;
            assemblies[i] = bytes;
        }
        return (names, assemblies);
    }

    private static void CheckOutput(string outPath)
    {
        if (Directory.Exists(outPath)) throw new UsageException($"--out {outPath} is a directory; give a file name");
        string? directory = Path.GetDirectoryName(Path.GetFullPath(outPath));
        if (directory is not null && !Directory.Exists(directory))
            throw new UsageException($"--out {outPath}: the directory {directory} does not exist");
    }
}
