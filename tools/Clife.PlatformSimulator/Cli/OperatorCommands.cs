using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Clife.Simulator.Admin;

namespace Clife.Simulator.Cli;

/// <summary>The operator commands: each calls a running simulator's admin API and prints the answer.</summary>
internal static class OperatorCommands
{
    public static IEnumerable<Command> Build(Option<string> url, TextWriter output, TextWriter error)
    {
        var json = new Option<bool>("--json") { Description = "print the raw JSON answer" };
        var wait = new Option<int>("--wait") { Description = "milliseconds to wait for the device's reply (0 = do not wait)", DefaultValueFactory = _ => 5000 };
        var devId = new Argument<string>("devId") { Description = "the device id" };

        var runner = new Runner(error);

        // status
        var status = new Command("status", "show the simulator's endpoints") { };
        status.SetAction((r, ct) => runner.Run(r.GetValue(url)!, ct, async c => Print(output, await c.StatusAsync(ct).ConfigureAwait(false))));
        yield return status;

        // devices
        var devices = new Command("devices", "list the devices the platform knows") { json };
        devices.SetAction((r, ct) => runner.Run(r.GetValue(url)!, ct, async c =>
        {
            JsonNode list = await c.DevicesAsync(ct).ConfigureAwait(false);
            if (r.GetValue(json)) Print(output, list);
            else PrintDevices(output, list);
        }));
        yield return devices;

        // frames <devId>
        var limit = new Option<int?>("--limit") { Description = "only the last N frames" };
        var frames = new Command("frames", "show the frames seen for a device, both directions") { json, limit, devId };
        frames.SetAction((r, ct) => runner.Run(r.GetValue(url)!, ct, async c =>
        {
            JsonNode list = await c.FramesAsync(r.GetValue(devId)!, r.GetValue(limit), ct).ConfigureAwait(false);
            if (r.GetValue(json)) Print(output, list);
            else
            {
                foreach (JsonNode? f in list.AsArray())
                {
                    string frame = f?["frame"]?.ToJsonString() ?? f?["raw"]?.GetValue<string>() ?? "";
                    string err = f?["error"] is JsonNode e ? $"  !! {e.GetValue<string>()}" : "";
                    output.WriteLine($"{Time(f?["time"])} {f?["channel"],-4} {((string?)f?["flow"] == "up" ? "<-" : "->")} {frame}{err}");
                }
            }
        }));
        yield return frames;

        // events <devId>
        var events = new Command("events", "show a device's 2018 file events") { json, devId };
        events.SetAction((r, ct) => runner.Run(r.GetValue(url)!, ct, async c =>
        {
            JsonNode list = await c.EventsAsync(r.GetValue(devId)!, ct).ConfigureAwait(false);
            if (r.GetValue(json)) Print(output, list);
            else
            {
                foreach (JsonNode? e in list.AsArray())
                {
                    string extra = e?["productVer"] is JsonNode pv ? $" productVer {pv.ToJsonString()} devVer {e?["devVer"]?.ToJsonString()}" : "";
                    output.WriteLine($"{Time(e?["time"])} #{e?["msgId"]} {{{e?["respCode"]?.ToJsonString() ?? "?"},{e?["respCont"]?.GetValue<string>() ?? "?"}}}{(e?["solicited"]?.GetValue<bool>() == true ? "" : " (unsolicited)")}{extra}");
                }
            }
        }));
        yield return events;

        // query <devId> [points...]
        var points = new Argument<string[]>("points") { Description = "data point names (none = all)", Arity = ArgumentArity.ZeroOrMore };
        var query = new Command("query", "send 2009 data query (all points, or the named ones)") { wait, devId, points };
        query.SetAction((r, ct) => runner.Run(r.GetValue(url)!, ct, async c =>
            PrintCommand(output, error, await c.QueryAsync(r.GetValue(devId)!, r.GetValue(points) ?? [], r.GetValue(wait), ct).ConfigureAwait(false))));
        yield return query;

        // control <devId> name=value...
        var assignments = new Argument<string[]>("assignments") { Description = "name=value pairs; values are JSON (42, true, \"text\") or else taken as text", Arity = ArgumentArity.OneOrMore };
        var control = new Command("control", "send 2011 data control") { wait, devId, assignments };
        control.SetAction((r, ct) => runner.Run(r.GetValue(url)!, ct, async c =>
        {
            JsonObject data = ParseAssignments(r.GetValue(assignments) ?? []);
            PrintCommand(output, error, await c.ControlAsync(r.GetValue(devId)!, data, r.GetValue(wait), ct).ConfigureAwait(false));
        }));
        yield return control;

        // unbind <devId>
        var unbind = new Command("unbind", "send 2013 unbind") { wait, devId };
        unbind.SetAction((r, ct) => runner.Run(r.GetValue(url)!, ct, async c =>
            PrintCommand(output, error, await c.UnbindAsync(r.GetValue(devId)!, r.GetValue(wait), ct).ConfigureAwait(false))));
        yield return unbind;

        // offline <devId> [--seconds N]
        var seconds = new Option<int?>("--seconds") { Description = "stay offline this many seconds" };
        var offline = new Command("offline", "send 2017 forced offline") { wait, seconds, devId };
        offline.SetAction((r, ct) => runner.Run(r.GetValue(url)!, ct, async c =>
        {
            if (r.GetValue(seconds) is < 0) throw new UsageException("--seconds must be >= 0");
            PrintCommand(output, error, await c.OfflineAsync(r.GetValue(devId)!, r.GetValue(seconds), r.GetValue(wait), ct).ConfigureAwait(false));
        }));
        yield return offline;

        // file <devId> <json|@file>
        var fileData = new Argument<string>("data") { Description = "the 2019 data object as JSON, or @path of a JSON file" };
        var file = new Command("file", "send 2019 file operation") { wait, devId, fileData };
        file.SetAction((r, ct) => runner.Run(r.GetValue(url)!, ct, async c =>
        {
            JsonObject data = await ReadJsonObjectAsync(r.GetValue(fileData)!, ct).ConfigureAwait(false);
            PrintCommand(output, error, await c.FileAsync(r.GetValue(devId)!, data, r.GetValue(wait), ct).ConfigureAwait(false));
        }));
        yield return file;

        // add-file <name> <path>
        var name = new Argument<string>("name") { Description = "name under /files/" };
        var path = new Argument<FileInfo>("path") { Description = "file to host" };
        var dropAfter = new Option<long?>("--drop-after") { Description = "drop the connection at this file offset" };
        var ignoreRange = new Option<bool>("--ignore-range") { Description = "answer 200 with the whole file even to Range requests" };
        var flip = new Option<string?>("--flip") { Description = "comma list of file offsets served inverted" };
        var corrupt = new Option<bool>("--corrupt") { Description = "serve the middle byte inverted" };
        var stallAfter = new Option<long?>("--stall-after") { Description = "stop sending at this file offset for --stall-ms" };
        var stallMs = new Option<int?>("--stall-ms") { Description = "how long a stall lasts (ms)" };
        var statusCode = new Option<int?>("--status") { Description = "answer with this HTTP status instead (e.g. 404, 500)" };
        var times = new Option<int?>("--times") { Description = "misbehave for this many requests only" };
        var addFile = new Command("add-file", "host a file (an OTA image) on the simulator's file server")
        {
            name, path, dropAfter, ignoreRange, flip, corrupt, stallAfter, stallMs, statusCode, times,
        };
        addFile.SetAction((r, ct) => runner.Run(r.GetValue(url)!, ct, async c =>
        {
            FileInfo f = r.GetValue(path)!;
            if (!f.Exists) throw new UsageException($"file '{f.FullName}' does not exist");
            var opts = new Dictionary<string, string>();
            void Put(string key, object? value)
            {
                if (value is not null) opts[key] = Convert.ToString(value, CultureInfo.InvariantCulture)!;
            }
            Put("dropAfter", r.GetValue(dropAfter));
            if (r.GetValue(ignoreRange)) Put("ignoreRange", "true");
            Put("flip", r.GetValue(flip));
            if (r.GetValue(corrupt)) Put("corrupt", "true");
            Put("stallAfter", r.GetValue(stallAfter));
            Put("stallMs", r.GetValue(stallMs));
            Put("status", r.GetValue(statusCode));
            Put("times", r.GetValue(times));
            byte[] bytes = await File.ReadAllBytesAsync(f.FullName, ct).ConfigureAwait(false);
            JsonNode info = await c.AddFileAsync(r.GetValue(name)!, bytes, opts, ct).ConfigureAwait(false);
            output.WriteLine($"hosted {info["name"]} at {info["url"]}: {info["size"]} bytes, md5 {info["md5"]}, checkSum {info["checkSum"]}");
        }));
        yield return addFile;

        // uploads
        var uploads = new Command("uploads", "list files devices uploaded") { };
        uploads.SetAction((r, ct) => runner.Run(r.GetValue(url)!, ct, async c => Print(output, await c.UploadsAsync(ct).ConfigureAwait(false))));
        yield return uploads;
    }

    /// <summary>Parses name=value pairs into a data object; values that are not JSON are text.</summary>
    /// <exception cref="UsageException">A pair has no '=' or an empty name.</exception>
    internal static JsonObject ParseAssignments(IEnumerable<string> pairs)
    {
        var data = new JsonObject();
        foreach (string pair in pairs)
        {
            int eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) throw new UsageException($"'{pair}' is not name=value");
            string key = pair[..eq];
            string value = pair[(eq + 1)..];
            JsonNode? node;
            try
            {
                node = JsonNode.Parse(value);
            }
            catch (JsonException)
            {
                node = JsonValue.Create(value);
            }
            data[key] = node;
        }
        return data;
    }

    private static async Task<JsonObject> ReadJsonObjectAsync(string text, CancellationToken ct)
    {
        string json = text;
        if (text.StartsWith('@'))
        {
            string p = text[1..];
            if (!File.Exists(p)) throw new UsageException($"file '{p}' does not exist");
            json = await File.ReadAllTextAsync(p, ct).ConfigureAwait(false);
        }
        try
        {
            return JsonNode.Parse(json) as JsonObject ?? throw new UsageException("bad JSON: the data must be a JSON object");
        }
        catch (JsonException e)
        {
            throw new UsageException($"bad JSON: {e.Message}");
        }
    }

    private static void PrintCommand(TextWriter output, TextWriter error, JsonNode result)
    {
        output.WriteLine($"sent {result["cmd"]} #{result["msgId"]} to {result["devId"]}");
        if (result["reply"] is JsonNode reply) output.WriteLine(reply.ToJsonString(AdminJson.Indented));
        else if (result["note"] is JsonNode note) error.WriteLine($"note: {note.GetValue<string>()}");
    }

    private static void PrintDevices(TextWriter output, JsonNode list)
    {
        JsonArray a = list.AsArray();
        if (a.Count == 0)
        {
            output.WriteLine("no devices");
            return;
        }
        output.WriteLine($"{"DEVID",-20} {"PRODUCT",-12} {"STATE",-10} {"SOFTWARE",-10} {"IP",-15} LAST REPORT");
        foreach (JsonNode? d in a)
        {
            output.WriteLine($"{d?["devId"],-20} {d?["productCode"],-12} {d?["state"],-10} {d?["software"] ?? "-",-10} {d?["ip"] ?? "-",-15} {d?["lastReport"]?.ToJsonString() ?? "-"}");
        }
    }

    private static void Print(TextWriter output, JsonNode node) => output.WriteLine(node.ToJsonString(AdminJson.Indented));

    private static string Time(JsonNode? t)
        => t is not null && DateTimeOffset.TryParse(t.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTimeOffset d)
            ? d.ToLocalTime().ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)
            : "?";

    /// <summary>Runs an admin call and turns the usual failures into a message and exit code 1.</summary>
    private sealed class Runner(TextWriter error)
    {
        public async Task<int> Run(string url, CancellationToken ct, Func<AdminClient, Task> action)
        {
            try
            {
                using var client = new AdminClient(url);
                await action(client).ConfigureAwait(false);
                return 0;
            }
            catch (Exception e) when (e is UsageException or ArgumentException or AdminApiException)
            {
                await error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
                return 1;
            }
            catch (HttpRequestException e)
            {
                await error.WriteLineAsync($"error: simulator not reachable at {url}: {e.Message}").ConfigureAwait(false);
                return 1;
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                await error.WriteLineAsync($"error: simulator at {url} did not answer in time").ConfigureAwait(false);
                return 1;
            }
        }
    }
}

/// <summary>Bad command-line input; the message says what to fix.</summary>
internal sealed class UsageException(string message) : Exception(message);
