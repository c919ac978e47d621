using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Clife.Simulator.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Clife.Simulator.Files;

/// <summary>
/// The file server's HTTP endpoints: GET/HEAD /files/{name} (with Range) and POST/PUT /upload[/{name}]; and the same
/// under the paths of the seed document's 2019 examples: GET/HEAD /device/ota/{name} and POST/PUT /device/storage[/{name}].
/// </summary>
internal static class FileEndpoints
{
    /// <summary>Where the seed's DOWN example downloads from (http://clife.open.cn/device/ota/esp8266.bin).</summary>
    public const string SeedOtaPath = "/device/ota";
    /// <summary>Where the seed's UP example uploads to (http://clife.open.cn/device/storage).</summary>
    public const string SeedStoragePath = "/device/storage";

    private const int ChunkSize = 8192;

    public static void Map(IEndpointRouteBuilder app, FileStore store, SimulatorLog log, TimeProvider time)
    {
        foreach (string files in new[] { "/files", SeedOtaPath })
            app.MapMethods(files + "/{name}", ["GET", "HEAD"], ctx => ServeAsync(ctx, RouteName(ctx), store, log, time));
        foreach (string uploads in new[] { "/upload", SeedStoragePath })
        {
            app.MapMethods(uploads + "/{name}", ["POST", "PUT"], ctx => UploadAsync(ctx, RouteName(ctx), store, log));
            app.MapMethods(uploads, ["POST", "PUT"], ctx => UploadAsync(ctx, null, store, log));
        }
    }

    private static async Task ServeAsync(HttpContext ctx, string name, FileStore store, SimulatorLog log, TimeProvider time)
    {
        string method = ctx.Request.Method;
        string? rangeHeader = ctx.Request.Headers.Range.Count > 0 ? ctx.Request.Headers.Range.ToString() : null;
        var begun = store.BeginRequest(name);
        if (begun is null)
        {
            log.Info("files", $"{method} {ctx.Request.Path} range={rangeHeader ?? "-"} -> 404 (no such file)");
            ctx.Response.StatusCode = StatusCodes.Status404NotFound;
            await ctx.Response.WriteAsync($"no file '{name}'").ConfigureAwait(false);
            return;
        }
        (byte[] content, string md5, FileMisbehavior m, int arrival) = begun.Value;
        long sent = 0;
        int status = StatusCodes.Status200OK;
        string? fault = null;
        try
        {
            if (m.StatusCode is int forced)
            {
                status = forced;
                fault = $"status {forced}";
                ctx.Response.StatusCode = forced;
                await ctx.Response.WriteAsync($"simulated error {forced}").ConfigureAwait(false);
                return;
            }
            if ((m.FlipOffsets.Count > 0 || m.CorruptMiddle) && content.Length > 0)
            {
                content = (byte[])content.Clone();
                foreach (long off in m.FlipOffsets)
                {
                    if (off >= 0 && off < content.Length) content[off] ^= 0xFF;
                }
                if (m.CorruptMiddle) content[content.Length / 2] ^= 0xFF;
                fault = "flipped bytes";
            }

            ByteRange range = new(0, content.Length - 1);
            ByteRange.Kind kind = m.IgnoreRange ? ByteRange.Kind.Whole : ByteRange.Parse(rangeHeader, content.Length, out range);
            if (m.IgnoreRange && rangeHeader is not null) fault = Append(fault, "range ignored");
            ctx.Response.Headers.ETag = $"\"{md5}\"";
            if (!m.IgnoreRange) ctx.Response.Headers.AcceptRanges = "bytes";
            ctx.Response.ContentType = "application/octet-stream";
            if (kind == ByteRange.Kind.Unsatisfiable)
            {
                status = StatusCodes.Status416RangeNotSatisfiable;
                ctx.Response.StatusCode = status;
                ctx.Response.Headers.ContentRange = $"bytes */{content.Length}";
                return;
            }
            if (kind == ByteRange.Kind.Whole) range = new ByteRange(0, content.Length - 1);
            else
            {
                status = StatusCodes.Status206PartialContent;
                ctx.Response.Headers.ContentRange = $"bytes {range.Start}-{range.End}/{content.Length}";
            }
            ctx.Response.StatusCode = status;
            long length = content.Length == 0 ? 0 : range.Length;
            ctx.Response.ContentLength = length;
            if (method == "HEAD" || length == 0) return;

            CancellationToken ct = ctx.RequestAborted;
            long pos = range.Start;
            long end = range.End + 1;
            bool stalled = false;
            while (pos < end)
            {
                long next = Math.Min(end, pos + ChunkSize);
                // A request that starts at or after the drop offset is served whole: that is how a resume succeeds.
                if (m.DropAfterByte is long drop && drop > pos && drop < next)
                {
                    await ctx.Response.Body.WriteAsync(content.AsMemory((int)pos, (int)(drop - pos)), ct).ConfigureAwait(false);
                    sent += drop - pos;
                    await ctx.Response.Body.FlushAsync(ct).ConfigureAwait(false);
                    // Give the flushed bytes time to reach the socket before the reset.
                    await Task.Delay(100, ct).ConfigureAwait(false);
                    fault = Append(fault, $"dropped at byte {drop}");
                    ctx.Abort();
                    return;
                }
                if (!stalled && m.StallAfterByte is long stall && stall < next && stall >= pos)
                {
                    if (stall > pos)
                    {
                        await ctx.Response.Body.WriteAsync(content.AsMemory((int)pos, (int)(stall - pos)), ct).ConfigureAwait(false);
                        sent += stall - pos;
                        pos = stall;
                    }
                    await ctx.Response.Body.FlushAsync(ct).ConfigureAwait(false);
                    fault = Append(fault, $"stalled {m.StallFor.TotalMilliseconds:0} ms at byte {stall}");
                    stalled = true;
                    store.NoteStall(name, stall);
                    await Task.Delay(m.StallFor, time, ct).ConfigureAwait(false);
                    continue;
                }
                await ctx.Response.Body.WriteAsync(content.AsMemory((int)pos, (int)(next - pos)), ct).ConfigureAwait(false);
                sent += next - pos;
                pos = next;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            fault = Append(fault, "client went away");
        }
        finally
        {
            store.LogRequest(name, arrival, new FileRequestRecord(time.GetUtcNow(), method, rangeHeader, status, sent, fault));
            log.Info("files", $"{method} {ctx.Request.Path} range={rangeHeader ?? "-"} -> {status}, {sent} bytes{(fault is null ? "" : $" ({fault})")}");
        }
    }

    private static async Task UploadAsync(HttpContext ctx, string? name, FileStore store, SimulatorLog log)
    {
        name ??= store.NextUploadName();
        try
        {
            FileStore.ValidateName(name);
        }
        catch (ArgumentException e)
        {
            ctx.Response.StatusCode = StatusCodes.Status400BadRequest;
            await ctx.Response.WriteAsync(e.Message).ConfigureAwait(false);
            return;
        }
        if (store.TakeUploadFault(name) is int status)
        {
            log.Info("files", $"{ctx.Request.Method} {ctx.Request.Path} ({name}) -> {status} (simulated)");
            ctx.Response.StatusCode = status;
            await ctx.Response.WriteAsync($"simulated error {status}").ConfigureAwait(false);
            return;
        }
        byte[] content;
        string? fileName = null;
        try
        {
            if (ctx.Request.HasFormContentType)
            {
                IFormCollection form = await ctx.Request.ReadFormAsync(ctx.RequestAborted).ConfigureAwait(false);
                IFormFile? file = form.Files.Count > 0 ? form.Files[0] : null;
                if (file is null)
                {
                    ctx.Response.StatusCode = StatusCodes.Status400BadRequest;
                    await ctx.Response.WriteAsync("form upload without a file").ConfigureAwait(false);
                    return;
                }
                fileName = file.FileName;
                using var ms = new MemoryStream();
                await file.CopyToAsync(ms, ctx.RequestAborted).ConfigureAwait(false);
                content = ms.ToArray();
            }
            else
            {
                using var ms = new MemoryStream();
                await ctx.Request.Body.CopyToAsync(ms, ctx.RequestAborted).ConfigureAwait(false);
                content = ms.ToArray();
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or BadHttpRequestException)
        {
            log.Warn("files", $"{ctx.Request.Method} {ctx.Request.Path} ({name}): upload interrupted: {e.Message}");
            return;
        }
        UploadRecord r = store.AddUpload(name, ctx.Request.Method, ctx.Request.ContentType, fileName, content);
        log.Info("files", $"{ctx.Request.Method} {ctx.Request.Path} ({name}) <- {r.Size} bytes md5 {r.Md5}");
        await ctx.Response.WriteAsJsonAsync(new { name = r.Name, size = r.Size, md5 = r.Md5, checkSum = r.CheckSum }).ConfigureAwait(false);
    }

    private static string RouteName(HttpContext ctx) => (string)ctx.Request.RouteValues["name"]!;

    private static string Append(string? a, string b) => a is null ? b : a + ", " + b;
}
