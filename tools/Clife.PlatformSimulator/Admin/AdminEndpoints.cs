using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Clife.Simulator.Devices;
using Clife.Simulator.Files;
using Clife.Simulator.Mqtt;
using Clife.Simulator.Products;
using Clife.Simulator.Protocol;
using Clife.Simulator.Registration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Clife.Simulator.Admin;

/// <summary>
/// The admin HTTP API (JSON) over a running simulator. Errors are {"error": "..."} with 400 (bad input),
/// 404 (unknown device/file) or 502 (the broker is unreachable).
/// </summary>
internal static class AdminEndpoints
{
    /// <summary>Longest wait a request may ask for with ?wait=ms.</summary>
    private const int MaxWaitMs = 120_000;

    public static void Map(IEndpointRouteBuilder app, PlatformSimulator sim)
    {
        app.MapGet("/admin/status", ctx => WriteAsync(ctx, 200, new
        {
            baseUrl = sim.BaseUrl,
            httpsBaseUrl = sim.HttpsBaseUrl,
            registerUrl = sim.RegisterUrl,
            mqttHost = sim.MqttHost,
            mqttPort = sim.MqttPort,
            mqttTls = sim.MqttTls,
            broker = sim.UsesEmbeddedBroker ? "embedded" : sim.BrokerEndpoint,
            platformClientConnected = sim.PlatformClientConnected,
            upTopic = sim.UpTopic.Template,
            downTopic = sim.DownTopic.Template,
            devices = sim.Devices.Count,
            ackReports = sim.AckReports,
        }));
        app.MapGet("/admin/devices", ctx => WriteAsync(ctx, 200, sim.Devices));
        app.MapGet("/admin/devices/{devId}", ctx => WithDevice(ctx, sim, d => WriteAsync(ctx, 200, d)));
        app.MapGet("/admin/devices/{devId}/frames", ctx => WithDevice(ctx, sim, d => FramesAsync(ctx, sim, d.DevId)));
        app.MapGet("/admin/devices/{devId}/events", ctx => WithDevice(ctx, sim, d => WriteAsync(ctx, 200, sim.GetFileEvents(d.DevId))));
        app.MapPost("/admin/devices/{devId}/query", ctx => WithDevice(ctx, sim, d => CommandAsync(ctx, sim, d.DevId, PlatformCmd.Query, requireNonEmpty: false)));
        app.MapPost("/admin/devices/{devId}/control", ctx => WithDevice(ctx, sim, d => CommandAsync(ctx, sim, d.DevId, PlatformCmd.Control, requireNonEmpty: true)));
        app.MapPost("/admin/devices/{devId}/unbind", ctx => WithDevice(ctx, sim, d => CommandAsync(ctx, sim, d.DevId, PlatformCmd.Unbind, requireNonEmpty: false)));
        app.MapPost("/admin/devices/{devId}/offline", ctx => WithDevice(ctx, sim, d => CommandAsync(ctx, sim, d.DevId, PlatformCmd.ForceOffline, requireNonEmpty: false)));
        app.MapPost("/admin/devices/{devId}/file", ctx => WithDevice(ctx, sim, d => CommandAsync(ctx, sim, d.DevId, PlatformCmd.File, requireNonEmpty: true)));
        app.MapPost("/admin/devices/{devId}/disconnect", ctx => WithDevice(ctx, sim, async d =>
        {
            if (!sim.UsesEmbeddedBroker)
            {
                await ErrorAsync(ctx, 400, "only the embedded broker can drop a device's connection").ConfigureAwait(false);
                return;
            }
            await sim.DisconnectDeviceAsync(d.DevId).ConfigureAwait(false);
            await WriteAsync(ctx, 200, new { devId = d.DevId, disconnected = true }).ConfigureAwait(false);
        }));

        app.MapGet("/admin/products", ctx => WriteAsync(ctx, 200, sim.Products.All.Select(ProductSummary.Of).ToList()));
        app.MapPost("/admin/products", ctx => AddProductsAsync(ctx, sim));

        app.MapGet("/admin/files", ctx => WriteAsync(ctx, 200, sim.Files.Files.Select(f => FileView(sim, f)).ToList()));
        app.MapGet("/admin/files/{name}", ctx =>
        {
            string name = Route(ctx, "name");
            HostedFileInfo? f = sim.Files.Find(name);
            return f is null ? ErrorAsync(ctx, 404, $"no hosted file '{name}'") : WriteAsync(ctx, 200, FileView(sim, f));
        });
        app.MapPost("/admin/files/{name}", ctx => AddFileAsync(ctx, sim));
        app.MapDelete("/admin/files/{name}", ctx =>
        {
            string name = Route(ctx, "name");
            return sim.Files.Remove(name) ? WriteAsync(ctx, 200, new { removed = name }) : ErrorAsync(ctx, 404, $"no hosted file '{name}'");
        });
        app.MapGet("/admin/uploads", ctx => WriteAsync(ctx, 200, sim.Files.Uploads));
        app.MapGet("/admin/uploads/{name}", async ctx =>
        {
            string name = Route(ctx, "name");
            UploadRecord? u = sim.Files.Uploads.LastOrDefault(x => x.Name == name);
            if (u is null)
            {
                await ErrorAsync(ctx, 404, $"no upload named '{name}'").ConfigureAwait(false);
                return;
            }
            ctx.Response.ContentType = "application/octet-stream";
            ctx.Response.ContentLength = u.Content.Length;
            await ctx.Response.Body.WriteAsync(u.Content).ConfigureAwait(false);
        });

        app.MapGet("/admin/registrations", ctx => WriteAsync(ctx, 200, sim.RegistrationAttempts));
        app.MapPost("/admin/faults/register", ctx => RegistrationFaultAsync(ctx, sim));
        app.MapPost("/admin/faults/connect", ctx => ConnectFaultAsync(ctx, sim));
    }

    // ---- devices ----------------------------------------------------------------------------------------------

    private static Task WithDevice(HttpContext ctx, PlatformSimulator sim, Func<DeviceInfo, Task> action)
    {
        string devId = Route(ctx, "devId");
        DeviceInfo? d = sim.GetDevice(devId);
        return d is null ? ErrorAsync(ctx, 404, $"unknown device '{devId}'") : action(d);
    }

    private static Task FramesAsync(HttpContext ctx, PlatformSimulator sim, string devId)
    {
        IReadOnlyList<FrameRecord> frames = sim.GetFrames(devId);
        if (int.TryParse(ctx.Request.Query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out int limit) && limit < frames.Count)
            frames = frames.Skip(frames.Count - limit).ToList();
        var list = new JsonArray();
        foreach (FrameRecord f in frames) list.Add(FrameView(f));
        return WriteNodeAsync(ctx, 200, list);
    }

    /// <summary>A frame record as JSON: the wire frame parsed (or raw text when it was not JSON).</summary>
    internal static JsonObject FrameView(FrameRecord f)
    {
        var o = new JsonObject
        {
            ["sequence"] = f.Sequence,
            ["time"] = f.Time.ToString("O", CultureInfo.InvariantCulture),
            ["flow"] = f.Flow == FrameFlow.Up ? "up" : "down",
            ["channel"] = f.Channel,
            ["cmd"] = f.Cmd,
            ["msgId"] = f.MsgId,
        };
        JsonNode? parsed = null;
        if (f.Frame is not null)
        {
            try
            {
                parsed = JsonNode.Parse(f.Raw);
            }
            catch (JsonException)
            {
                parsed = null;
            }
        }
        if (parsed is not null) o["frame"] = parsed;
        else o["raw"] = f.Raw;
        if (f.Error is not null) o["error"] = f.Error;
        return o;
    }

    private static async Task CommandAsync(HttpContext ctx, PlatformSimulator sim, string devId, int cmd, bool requireNonEmpty)
    {
        (JsonNode? body, string? error) = await ReadJsonAsync(ctx).ConfigureAwait(false);
        if (error is not null)
        {
            await ErrorAsync(ctx, 400, error).ConfigureAwait(false);
            return;
        }
        if (body is not null and not JsonObject)
        {
            await ErrorAsync(ctx, 400, "the body must be a JSON object (the frame's data)").ConfigureAwait(false);
            return;
        }
        var data = (JsonObject?)body ?? new JsonObject();
        if (requireNonEmpty && data.Count == 0)
        {
            await ErrorAsync(ctx, 400, $"{PlatformCmd.Name(cmd)} needs a non-empty data object").ConfigureAwait(false);
            return;
        }
        if (!TryWait(ctx, out int waitMs, out string? waitError))
        {
            await ErrorAsync(ctx, 400, waitError!).ConfigureAwait(false);
            return;
        }
        long msgId;
        try
        {
            msgId = await sim.SendAsync(devId, cmd, data, null, ctx.RequestAborted).ConfigureAwait(false);
        }
        catch (InvalidOperationException e)
        {
            await ErrorAsync(ctx, 502, e.Message).ConfigureAwait(false);
            return;
        }
        var result = new JsonObject { ["devId"] = devId, ["cmd"] = cmd, ["msgId"] = msgId };
        if (waitMs > 0)
        {
            try
            {
                Frame reply = await sim.WaitForReplyAsync(msgId, TimeSpan.FromMilliseconds(waitMs), ctx.RequestAborted).ConfigureAwait(false);
                result["reply"] = JsonNode.Parse(reply.ToJson());
            }
            catch (TimeoutException)
            {
                result["reply"] = null;
                result["note"] = $"no reply within {waitMs} ms";
            }
        }
        await WriteNodeAsync(ctx, 200, result).ConfigureAwait(false);
    }

    private static bool TryWait(HttpContext ctx, out int waitMs, out string? error)
    {
        waitMs = 0;
        error = null;
        string? text = ctx.Request.Query["wait"];
        if (string.IsNullOrEmpty(text)) return true;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out waitMs) || waitMs > MaxWaitMs)
        {
            error = $"wait must be a number of milliseconds up to {MaxWaitMs}";
            return false;
        }
        return true;
    }

    // ---- products ---------------------------------------------------------------------------------------------

    private static async Task AddProductsAsync(HttpContext ctx, PlatformSimulator sim)
    {
        (JsonNode? body, string? error) = await ReadJsonAsync(ctx).ConfigureAwait(false);
        if (error is not null || body is null)
        {
            await ErrorAsync(ctx, 400, error ?? "the body must be a product object or an array of them").ConfigureAwait(false);
            return;
        }
        IReadOnlyList<Product> products;
        try
        {
            products = ProductFile.Parse(body);
            foreach (Product p in products) p.Validate();
        }
        catch (Exception e) when (e is JsonException or ArgumentException or FormatException)
        {
            await ErrorAsync(ctx, 400, e.Message).ConfigureAwait(false);
            return;
        }
        foreach (Product p in products)
        {
            sim.AddProduct(p);
            sim.Log.Info("admin", $"product {p.ProductCode} added ({p.CipherMode}, authLevels {string.Join(",", p.AuthLevels)}, {p.DevIds.Count} provisioned devIds)");
        }
        await WriteAsync(ctx, 200, products.Select(ProductSummary.Of).ToList()).ConfigureAwait(false);
    }

    // ---- files ------------------------------------------------------------------------------------------------

    private static object FileView(PlatformSimulator sim, HostedFileInfo f) => new
    {
        name = f.Name,
        url = sim.FileUrl(f.Name),
        size = f.Size,
        md5 = f.Md5,
        checkSum = f.CheckSum,
        misbehavior = f.Misbehavior,
        requestCount = f.RequestCount,
        rangeHeaders = f.RangeHeaders,
        requests = f.Requests,
    };

    private static async Task AddFileAsync(HttpContext ctx, PlatformSimulator sim)
    {
        string name = Route(ctx, "name");
        FileMisbehavior m;
        try
        {
            m = ParseMisbehavior(ctx.Request.Query);
            FileStore.ValidateName(name);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            await ErrorAsync(ctx, 400, e.Message).ConfigureAwait(false);
            return;
        }
        using var ms = new MemoryStream();
        await ctx.Request.Body.CopyToAsync(ms, ctx.RequestAborted).ConfigureAwait(false);
        HostedFileInfo f = sim.AddFile(name, ms.ToArray(), m);
        await WriteAsync(ctx, 200, FileView(sim, f)).ConfigureAwait(false);
    }

    /// <summary>Reads misbehaviour options from query parameters: dropAfter, ignoreRange, flip (comma list),
    /// corrupt (flip the middle byte), stallAfter, stallMs, status, times.</summary>
    internal static FileMisbehavior ParseMisbehavior(IQueryCollection q)
    {
        long? Long(string key)
        {
            string? s = q[key];
            if (string.IsNullOrEmpty(s)) return null;
            return long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out long v) ? v : throw new FormatException($"{key} must be a non-negative number, got '{s}'");
        }
        bool Flag(string key)
        {
            string? s = q[key];
            if (string.IsNullOrEmpty(s)) return false;
            return bool.TryParse(s, out bool b) ? b : s == "1" ? true : s == "0" ? false : throw new FormatException($"{key} must be true or false, got '{s}'");
        }
        var flips = new List<long>();
        string? flipText = q["flip"];
        if (!string.IsNullOrEmpty(flipText))
        {
            foreach (string part in flipText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out long off)) throw new FormatException($"flip must be a comma list of offsets, got '{part}'");
                flips.Add(off);
            }
        }
        long? status = Long("status");
        if (status is not null and (< 100 or > 599)) throw new FormatException("status must be an HTTP status code");
        long? times = Long("times");
        return new FileMisbehavior
        {
            DropAfterByte = Long("dropAfter"),
            IgnoreRange = Flag("ignoreRange"),
            FlipOffsets = flips,
            StallAfterByte = Long("stallAfter"),
            StallFor = TimeSpan.FromMilliseconds(Long("stallMs") ?? 10_000),
            StatusCode = (int?)status,
            Times = (int?)times,
            CorruptMiddle = Flag("corrupt"),
        };
    }

    // ---- faults -----------------------------------------------------------------------------------------------

    private static async Task RegistrationFaultAsync(HttpContext ctx, PlatformSimulator sim)
    {
        if (await ReadObjectAsync(ctx, "body must be {\"kind\":\"none|http500|hang|refuse\", \"times\"?, \"hangMs\"?, \"respCode\"?, \"respCont\"?}").ConfigureAwait(false) is not JsonObject o)
            return;
        int? times = JsonValues.GetInt(o["times"]);
        RegistrationFault fault;
        switch (JsonValues.GetText(o["kind"])?.ToLowerInvariant())
        {
            case "none": fault = RegistrationFault.None; break;
            case "http500": fault = RegistrationFault.Http500(times); break;
            case "hang": fault = RegistrationFault.Hang(TimeSpan.FromMilliseconds(JsonValues.GetInt(o["hangMs"]) ?? 30_000), times); break;
            case "refuse":
                int code = JsonValues.GetInt(o["respCode"]) ?? RespCode.Refused;
                if (code == RespCode.Ok)
                {
                    await ErrorAsync(ctx, 400, "a refusal needs a respCode other than 0").ConfigureAwait(false);
                    return;
                }
                fault = RegistrationFault.Refuse(code, JsonValues.GetText(o["respCont"]) ?? "registration refused by the simulator", times);
                break;
            default:
                await ErrorAsync(ctx, 400, "kind must be none, http500, hang or refuse").ConfigureAwait(false);
                return;
        }
        sim.SetRegistrationFault(fault);
        sim.Log.Info("admin", $"registration fault: {fault.Kind}{(times is null ? "" : $" x{times}")}");
        await WriteAsync(ctx, 200, new { kind = fault.Kind.ToString(), times }).ConfigureAwait(false);
    }

    private static async Task ConnectFaultAsync(HttpContext ctx, PlatformSimulator sim)
    {
        if (await ReadObjectAsync(ctx, "body must be {\"kind\":\"none|refuse|ignore\", \"times\"?, \"devId\"?, \"respCode\"?}").ConfigureAwait(false) is not JsonObject o)
            return;
        int? times = JsonValues.GetInt(o["times"]);
        string? devId = JsonValues.GetText(o["devId"]);
        ConnectFault fault;
        switch (JsonValues.GetText(o["kind"])?.ToLowerInvariant())
        {
            case "none": fault = ConnectFault.None; break;
            case "refuse": fault = ConnectFault.Refuse(JsonValues.GetInt(o["respCode"]) ?? RespCode.ConnectRefused, times, devId); break;
            case "ignore": fault = ConnectFault.Ignore(times, devId); break;
            default:
                await ErrorAsync(ctx, 400, "kind must be none, refuse or ignore").ConfigureAwait(false);
                return;
        }
        sim.SetConnectFault(fault);
        sim.Log.Info("admin", $"connect fault: {fault.Kind}{(times is null ? "" : $" x{times}")}{(devId is null ? "" : $" for {devId}")}");
        await WriteAsync(ctx, 200, new { kind = fault.Kind.ToString(), times, devId }).ConfigureAwait(false);
    }

    // ---- plumbing ---------------------------------------------------------------------------------------------

    private static string Route(HttpContext ctx, string key) => (string)ctx.Request.RouteValues[key]!;

    private static async Task<(JsonNode? Body, string? Error)> ReadJsonAsync(HttpContext ctx)
    {
        using var reader = new StreamReader(ctx.Request.Body, Encoding.UTF8);
        string text = await reader.ReadToEndAsync(ctx.RequestAborted).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(text)) return (null, null);
        try
        {
            return (JsonNode.Parse(text), null);
        }
        catch (JsonException e)
        {
            return (null, $"body is not valid JSON: {e.Message}");
        }
    }

    /// <summary>The body as a JSON object; otherwise answers 400 (the parse error, or <paramref name="usage"/>) and returns null.</summary>
    private static async Task<JsonObject?> ReadObjectAsync(HttpContext ctx, string usage)
    {
        (JsonNode? body, string? error) = await ReadJsonAsync(ctx).ConfigureAwait(false);
        if (error is null && body is JsonObject o) return o;
        await ErrorAsync(ctx, 400, error ?? usage).ConfigureAwait(false);
        return null;
    }

    private static Task WriteAsync<T>(HttpContext ctx, int status, T value)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(ctx.Response.Body, value, AdminJson.Options, ctx.RequestAborted);
    }

    private static Task WriteNodeAsync(HttpContext ctx, int status, JsonNode node)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json; charset=utf-8";
        return ctx.Response.WriteAsync(node.ToJsonString(AdminJson.Options));
    }

    private static Task ErrorAsync(HttpContext ctx, int status, string message)
        => WriteNodeAsync(ctx, status, new JsonObject { ["error"] = message });
}
