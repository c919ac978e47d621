using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Clife.Device.Host.Boards;

/// <summary>A board that cannot be used: unknown, unreadable or inconsistent. The message says which and why.</summary>
public sealed class BoardException : Exception
{
    /// <summary>Creates the error.</summary>
    public BoardException(string message, Exception? inner = null) : base(message, inner) { }
}

/// <summary>One partition of a board's flash (as nanoFramework's partition table lays it out).</summary>
public sealed class BoardPartition
{
    /// <summary>Partition name.</summary>
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    /// <summary>boot, table, app or data.</summary>
    [JsonPropertyName("type")] public string Type { get; set; } = "";
    /// <summary>ESP-IDF subtype (nvs, phy, factory, littlefs, 0x84...).</summary>
    [JsonPropertyName("subtype")] public string Subtype { get; set; } = "";
    /// <summary>Offset as written in the file ("0x9000").</summary>
    [JsonPropertyName("offset")] public string OffsetText { get; set; } = "";
    /// <summary>Size as written in the file ("0x6000").</summary>
    [JsonPropertyName("size")] public string SizeText { get; set; } = "";
    /// <summary>Offset in bytes.</summary>
    [JsonIgnore] public int Offset => BoardDescription.ParseNumber(OffsetText, "offset of " + Name);
    /// <summary>Size in bytes.</summary>
    [JsonIgnore] public int Size => BoardDescription.ParseNumber(SizeText, "size of " + Name);
}

/// <summary>Where the firmware keeps its storage areas (configuration, boot record, slots).</summary>
public sealed class BoardStorage
{
    /// <summary>Partition that holds the storage (the internal I: drive on nanoFramework).</summary>
    [JsonPropertyName("partition")] public string Partition { get; set; } = "";
    /// <summary>Drive letter of that partition on the device.</summary>
    [JsonPropertyName("drive")] public string Drive { get; set; } = "";
    /// <summary>Bytes kept free for the file system's own overhead and nanoFramework's files ("0x10000").</summary>
    [JsonPropertyName("reserved")] public string ReservedText { get; set; } = "0x0";
    /// <summary>Reserved bytes.</summary>
    [JsonIgnore] public int Reserved => BoardDescription.ParseNumber(ReservedText, "storage.reserved");
    /// <summary>Folder of the area files on the drive ("clife": I:\clife\boot, ...).</summary>
    [JsonPropertyName("directory")] public string Directory { get; set; } = "clife";
    /// <summary>Size of one image slot as written ("0x17000"); must equal what <c>StorageLayout</c> gives (a test checks it).</summary>
    [JsonPropertyName("slotSize")] public string SlotSizeText { get; set; } = "0x0";
    /// <summary>Size of one image slot in bytes.</summary>
    [JsonIgnore] public int SlotSize => BoardDescription.ParseNumber(SlotSizeText, "storage.slotSize");
}

/// <summary>The technician's serial console on the board.</summary>
public sealed class BoardConsole
{
    /// <summary>UART (COM2; COM1 belongs to the debugger).</summary>
    [JsonPropertyName("uart")] public string Uart { get; set; } = "";
    /// <summary>TX GPIO.</summary>
    [JsonPropertyName("txPin")] public int TxPin { get; set; }
    /// <summary>RX GPIO.</summary>
    [JsonPropertyName("rxPin")] public int RxPin { get; set; }
    /// <summary>Baud rate.</summary>
    [JsonPropertyName("baudRate")] public int BaudRate { get; set; }
}

/// <summary>
/// A supported board, read from boards/&lt;name&gt;.json: the nanoff target, flash size and partition layout,
/// the storage for the firmware's areas, console pins, status LED and factory-reset button, PSRAM.
/// </summary>
public sealed class BoardDescription
{
    private static readonly JsonSerializerOptions Json = new() { ReadCommentHandling = JsonCommentHandling.Skip };

    /// <summary>Board name (the file name without .json).</summary>
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    /// <summary>Human description.</summary>
    [JsonPropertyName("description")] public string Description { get; set; } = "";
    /// <summary>ESP32 chip family (esp32, esp32s3, esp32c3).</summary>
    [JsonPropertyName("chip")] public string Chip { get; set; } = "";
    /// <summary>nanoff --target name of the nanoCLR image.</summary>
    [JsonPropertyName("nanoffTarget")] public string NanoffTarget { get; set; } = "";
    /// <summary>Hardware version the firmware reports for this board ("1.0").</summary>
    [JsonPropertyName("hardware")] public string Hardware { get; set; } = "1.0";
    /// <summary>What a technician should know about the board's pins and ports.</summary>
    [JsonPropertyName("notes")] public string Notes { get; set; } = "";
    /// <summary>Flash size as written ("0x400000").</summary>
    [JsonPropertyName("flashSize")] public string FlashSizeText { get; set; } = "";
    /// <summary>Erase sector size as written ("0x1000").</summary>
    [JsonPropertyName("sectorSize")] public string SectorSizeText { get; set; } = "0x1000";
    /// <summary>Whether the board has PSRAM.</summary>
    [JsonPropertyName("psram")] public bool Psram { get; set; }
    /// <summary>Where the partition layout comes from.</summary>
    [JsonPropertyName("partitionTable")] public string PartitionTable { get; set; } = "";
    /// <summary>Partitions.</summary>
    [JsonPropertyName("partitions")] public List<BoardPartition> Partitions { get; set; } = new();
    /// <summary>Firmware storage.</summary>
    [JsonPropertyName("storage")] public BoardStorage Storage { get; set; } = new();
    /// <summary>Serial console.</summary>
    [JsonPropertyName("console")] public BoardConsole Console { get; set; } = new();
    /// <summary>GPIO of the status LED.</summary>
    [JsonPropertyName("statusLedPin")] public int StatusLedPin { get; set; }
    /// <summary>GPIO of the factory-reset button.</summary>
    [JsonPropertyName("factoryResetPin")] public int FactoryResetPin { get; set; }

    /// <summary>Flash size in bytes.</summary>
    [JsonIgnore] public int FlashSize => ParseNumber(FlashSizeText, "flashSize");
    /// <summary>Sector size in bytes.</summary>
    [JsonIgnore] public int SectorSize => ParseNumber(SectorSizeText, "sectorSize");

    /// <summary>The storage partition.</summary>
    [JsonIgnore]
    public BoardPartition StoragePartition =>
        Partitions.Find(p => p.Name == Storage.Partition)
        ?? throw new InvalidDataException($"board {Name}: storage partition '{Storage.Partition}' is not in the partition list");

    /// <summary>Offset of the firmware's storage in the flash.</summary>
    [JsonIgnore] public int StorageOffset => StoragePartition.Offset;

    /// <summary>Bytes of storage the firmware may use (the partition minus the reserved part).</summary>
    [JsonIgnore] public int StorageSize => StoragePartition.Size - Storage.Reserved;

    /// <summary>Reads a board file.</summary>
    public static BoardDescription Load(string path)
    {
        BoardDescription board = JsonSerializer.Deserialize<BoardDescription>(File.ReadAllText(path), Json)
                                 ?? throw new InvalidDataException($"{path}: empty board file");
        return board;
    }

    /// <summary>Finds the boards/ directory of the repository, walking up from the program and the working directory.</summary>
    public static string FindBoardsDirectory()
    {
        foreach (string start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "boards");
                if (Directory.Exists(candidate) && Directory.GetFiles(candidate, "*.json").Length > 0) return candidate;
            }
        }
        throw new DirectoryNotFoundException("cannot find the boards/ directory (run from inside the repository)");
    }

    /// <summary>Names of every board described in the boards/ directory.</summary>
    public static string[] Names() => Names(FindBoardsDirectory());

    /// <summary>Names of every board described in the given directory.</summary>
    public static string[] Names(string directory)
    {
        string[] files = Directory.GetFiles(directory, "*.json");
        string[] names = new string[files.Length];
        for (int i = 0; i < files.Length; i++) names[i] = Path.GetFileNameWithoutExtension(files[i]);
        Array.Sort(names, StringComparer.Ordinal);
        return names;
    }

    /// <summary>
    /// Loads a board by name from the repository's boards/ directory. Any problem (no boards/ directory, an unknown
    /// name, a file that is not valid JSON, an inconsistent description) is a <see cref="BoardException"/> that says
    /// what is wrong; for an unknown name it lists the known boards.
    /// </summary>
    public static BoardDescription Find(string name)
    {
        string directory;
        try
        {
            directory = FindBoardsDirectory();
        }
        catch (DirectoryNotFoundException e)
        {
            throw new BoardException(e.Message, e);
        }
        return Find(name, directory);
    }

    /// <summary>Loads a board by name from the given directory of board files; see <see cref="Find(string)"/>.</summary>
    public static BoardDescription Find(string name, string directory)
    {
        string path = Path.Combine(directory, name + ".json");
        if (!File.Exists(path)) throw new BoardException($"unknown board '{name}'; known boards: {string.Join(", ", Names(directory))}");
        BoardDescription board;
        try
        {
            board = Load(path);
        }
        catch (Exception e) when (e is JsonException or IOException or InvalidDataException or UnauthorizedAccessException)
        {
            throw new BoardException($"board file {path} cannot be read: {e.Message}", e);
        }
        List<string> problems = board.Problems();
        if (problems.Count > 0) throw new BoardException($"board file {path} is inconsistent: {string.Join("; ", problems)}");
        return board;
    }

    /// <summary>
    /// Everything inconsistent in the description: numbers that are not numbers, overlaps, partitions outside the
    /// flash, misalignment, storage that is missing or fully reserved.
    /// </summary>
    public List<string> Problems()
    {
        var problems = new List<string>();
        AddIfNotNumber(problems, () => FlashSize);
        AddIfNotNumber(problems, () => SectorSize);
        AddIfNotNumber(problems, () => Storage.Reserved);
        AddIfNotNumber(problems, () => Storage.SlotSize);
        foreach (BoardPartition p in Partitions)
        {
            AddIfNotNumber(problems, () => p.Offset);
            AddIfNotNumber(problems, () => p.Size);
        }
        if (problems.Count > 0) return problems;
        int flash = FlashSize, sector = SectorSize;
        if (flash <= 0) problems.Add("flashSize must be positive");
        if (sector <= 0) problems.Add("sectorSize must be positive");
        if (problems.Count > 0) return problems;
        var sorted = new List<BoardPartition>(Partitions);
        sorted.Sort((a, b) => a.Offset.CompareTo(b.Offset));
        for (int i = 0; i < sorted.Count; i++)
        {
            BoardPartition p = sorted[i];
            if (p.Size <= 0) problems.Add($"partition {p.Name} has no size");
            if (p.Offset % sector != 0) problems.Add($"partition {p.Name} at 0x{p.Offset:x} is not sector-aligned");
            if ((long)p.Offset + p.Size > flash) problems.Add($"partition {p.Name} ends at 0x{(long)p.Offset + p.Size:x}, beyond the 0x{flash:x}-byte flash");
            if (i > 0 && sorted[i - 1].Offset + sorted[i - 1].Size > p.Offset)
                problems.Add($"partitions {sorted[i - 1].Name} and {p.Name} overlap");
        }
        if (Partitions.Find(p => p.Name == Storage.Partition) is null)
            problems.Add($"storage partition '{Storage.Partition}' is not in the partition list");
        else if (Storage.Reserved < 0 || Storage.Reserved >= StoragePartition.Size)
            problems.Add("storage.reserved leaves no storage");
        return problems;
    }

    private static void AddIfNotNumber(List<string> problems, Func<int> read)
    {
        try
        {
            read();
        }
        catch (FormatException e)
        {
            problems.Add(e.Message);
        }
    }

    /// <summary>Parses "0x1000" or "4096".</summary>
    public static int ParseNumber(string text, string what)
    {
        string t = text.Trim();
        bool ok = t.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? int.TryParse(t.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int v)
            : int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out v);
        if (!ok) throw new FormatException($"{what}: '{text}' is not a number");
        return v;
    }
}
