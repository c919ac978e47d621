using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Clife.Simulator.Devices;
using Clife.Simulator.Logging;
using Clife.Simulator.Products;
using Clife.Simulator.Protocol;
using Microsoft.AspNetCore.Http;

namespace Clife.Simulator.Registration;

/// <summary>
/// POST /device/register: checks the authLevel rules, decrypts the 2000 frame's data with the product's devKey,
/// issues devId/devSecret and answers an encrypted 2001; failures get a 4xx with a plain {respCode, respCont}.
/// </summary>
internal sealed class RegistrationEndpoint
{
    /// <summary>The route of the endpoint.</summary>
    public const string Path = "/device/register";

    private const int MaxBodyBytes = 64 * 1024;

    private readonly ProductCatalog _products;
    private readonly DeviceRegistry _registry;
    private readonly CountedFault<RegistrationFault> _fault;
    private readonly Func<(string Host, int Port, bool Tls)> _mqtt;
    private readonly SimulatorLog _log;
    private readonly TimeProvider _time;

    public RegistrationEndpoint(ProductCatalog products, DeviceRegistry registry, CountedFault<RegistrationFault> fault,
        Func<(string Host, int Port, bool Tls)> mqtt, SimulatorLog log, TimeProvider time)
    {
        _products = products;
        _registry = registry;
        _fault = fault;
        _mqtt = mqtt;
        _log = log;
        _time = time;
    }

    public async Task HandleAsync(HttpContext ctx)
    {
        IQueryCollection q = ctx.Request.Query;
        string? authText = NullIfEmpty(q["authLevel"].ToString());
        string? queryProduct = NullIfEmpty(q["productCode"].ToString());
        string? queryDevId = NullIfEmpty(q["devId"].ToString());
        _log.Info("http", $"POST {Path} authLevel={authText ?? "-"} productCode={queryProduct ?? "-"} devId={queryDevId ?? "-"}");
        Task Fail(long msgId, int status, int respCode, string reason, string? mac = null)
            => FailAsync(ctx, msgId, status, respCode, reason, authText, queryProduct, queryDevId, mac);

        RegistrationFault fault = _fault.Take(f => f.Kind is RegistrationFaultKind.Http500 or RegistrationFaultKind.Hang);
        if (fault.Kind == RegistrationFaultKind.Http500)
        {
            await Fail(0, StatusCodes.Status500InternalServerError, RespCode.Refused, "simulated server error").ConfigureAwait(false);
            return;
        }
        if (fault.Kind == RegistrationFaultKind.Hang)
        {
            Record(authText, queryProduct, queryDevId, null, 0, RespCode.Refused, $"simulated hang {fault.HangFor.TotalMilliseconds:0} ms", null);
            _log.Info("http", $"register: hanging for {fault.HangFor.TotalMilliseconds:0} ms (simulated), then dropping the connection");
            try
            {
                await Task.Delay(fault.HangFor, _time, ctx.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            ctx.Abort();
            return;
        }

        string body;
        try
        {
            body = await ReadBodyAsync(ctx.Request).ConfigureAwait(false);
        }
        catch (InvalidDataException e)
        {
            await Fail(0, StatusCodes.Status400BadRequest, RespCode.BadRequest, e.Message).ConfigureAwait(false);
            return;
        }

        if (!Frame.TryParse(body, out Frame? request, out string? frameError))
        {
            await Fail(0, StatusCodes.Status400BadRequest, RespCode.BadRequest, $"body is not a frame: {frameError}").ConfigureAwait(false);
            return;
        }
        long msgId = request!.MsgId;
        if (request.Cmd != PlatformCmd.Register)
        {
            await Fail(msgId, StatusCodes.Status400BadRequest, RespCode.BadRequest, $"cmd must be {PlatformCmd.Register}, got {request.Cmd}").ConfigureAwait(false);
            return;
        }
        if (authText is null || !int.TryParse(authText, out int authLevel) || authLevel is < 0 or > 2)
        {
            await Fail(msgId, StatusCodes.Status400BadRequest, RespCode.BadRequest, "authLevel missing or not 0, 1 or 2").ConfigureAwait(false);
            return;
        }

        // Which product, and is this authLevel allowed?
        Product? product;
        if (authLevel == 0)
        {
            if (queryDevId is null)
            {
                await Fail(msgId, StatusCodes.Status400BadRequest, RespCode.BadRequest, "authLevel 0 needs devId").ConfigureAwait(false);
                return;
            }
            product = queryProduct is not null ? _products.Find(queryProduct) : _products.FindByProvisionedDevId(queryDevId);
            if (product is null && queryProduct is not null)
            {
                await Fail(msgId, StatusCodes.Status403Forbidden, RespCode.UnknownProduct, $"unknown product '{queryProduct}'").ConfigureAwait(false);
                return;
            }
            if (product is null || !product.DevIds.Contains(queryDevId, StringComparer.Ordinal))
            {
                await Fail(msgId, StatusCodes.Status403Forbidden, RespCode.AuthLevelRefused, $"devId '{queryDevId}' is not provisioned{(product is null ? "" : $" for product '{product.ProductCode}'")}").ConfigureAwait(false);
                return;
            }
        }
        else
        {
            if (queryProduct is null)
            {
                await Fail(msgId, StatusCodes.Status400BadRequest, RespCode.BadRequest, $"authLevel {authLevel} needs productCode").ConfigureAwait(false);
                return;
            }
            product = _products.Find(queryProduct);
            if (product is null)
            {
                await Fail(msgId, StatusCodes.Status403Forbidden, RespCode.UnknownProduct, $"unknown product '{queryProduct}'").ConfigureAwait(false);
                return;
            }
        }
        if (!product.AuthLevels.Contains(authLevel))
        {
            await Fail(msgId, StatusCodes.Status403Forbidden, RespCode.AuthLevelRefused, $"product '{product.ProductCode}' does not allow authLevel {authLevel}").ConfigureAwait(false);
            return;
        }

        // Decrypt and read the data object.
        if (request.Data is not JsonValue dataValue || dataValue.GetValueKind() != JsonValueKind.String)
        {
            await Fail(msgId, StatusCodes.Status400BadRequest, RespCode.BadRequest, "data must be a base64 string of the encrypted data object").ConfigureAwait(false);
            return;
        }
        DataCipher cipher = product.CreateCipher();
        JsonObject? data;
        try
        {
            data = JsonNode.Parse(cipher.DecryptText(dataValue.GetValue<string>())) as JsonObject;
        }
        catch (Exception e) when (e is CryptographicException or JsonException)
        {
            await Fail(msgId, StatusCodes.Status401Unauthorized, RespCode.DecryptFailed, $"data cannot be decrypted with the product's devKey: {e.Message}").ConfigureAwait(false);
            return;
        }
        if (data is null)
        {
            await Fail(msgId, StatusCodes.Status401Unauthorized, RespCode.DecryptFailed, "decrypted data is not a JSON object (wrong devKey?)").ConfigureAwait(false);
            return;
        }
        _log.Info("http", $"register data (decrypted): {Redactor.ToSafeJson(data)}");

        string? dataProduct = JsonValues.GetText(data[Fields.ProductCode]);
        string? dataDevId = JsonValues.GetText(data[Fields.DevId]);
        string? mac = JsonValues.GetText(data[Fields.Mac]);
        if (dataProduct is not null && dataProduct != product.ProductCode)
        {
            await Fail(msgId, StatusCodes.Status403Forbidden, RespCode.UnknownProduct, $"productCode '{dataProduct}' in data differs from '{product.ProductCode}'", mac).ConfigureAwait(false);
            return;
        }
        if (authLevel == 0 && dataDevId is not null && dataDevId != queryDevId)
        {
            await Fail(msgId, StatusCodes.Status403Forbidden, RespCode.AuthLevelRefused, $"devId '{dataDevId}' in data differs from '{queryDevId}'", mac).ConfigureAwait(false);
            return;
        }
        if (mac is null)
        {
            await Fail(msgId, StatusCodes.Status400BadRequest, RespCode.BadRequest, "mac missing in data").ConfigureAwait(false);
            return;
        }

        long now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        fault = _fault.Take(f => f.Kind == RegistrationFaultKind.Refuse);
        if (fault.Kind == RegistrationFaultKind.Refuse)
        {
            var refusal = new JsonObject { [Fields.RespCode] = fault.RespCode, [Fields.RespCont] = fault.RespCont, [Fields.Timestamp] = now };
            await ReplyAsync(ctx, StatusCodes.Status200OK, Reply(msgId, now, cipher.EncryptText(refusal.ToJsonString()))).ConfigureAwait(false);
            Record(authText, queryProduct, queryDevId, mac, StatusCodes.Status200OK, fault.RespCode, $"simulated refusal: {fault.RespCont}", null);
            _log.Info("http", $"register refused on purpose: respCode {fault.RespCode} (encrypted)");
            return;
        }

        (string devId, string devSecret) = _registry.IssueCredentials(product.ProductCode, authLevel, authLevel == 0 ? queryDevId : null, mac, data);
        (string host, int port, bool tls) = _mqtt();
        var ok = new JsonObject
        {
            [Fields.RespCode] = RespCode.Ok,
            [Fields.RespCont] = "ok",
            [Fields.DevId] = devId,
            [Fields.DevSecret] = devSecret,
            [Fields.MqttHost] = host,
            [Fields.MqttPort] = port,
            [Fields.MqttTls] = tls,
            [Fields.Timestamp] = now,
        };
        Frame reply = Reply(msgId, now, cipher.EncryptText(ok.ToJsonString()));
        _registry.RecordFrame(devId, product.ProductCode, FrameFlow.Up, "http", body, request, null);
        _registry.RecordFrame(devId, product.ProductCode, FrameFlow.Down, "http", reply.ToJson(), reply, null);
        await ReplyAsync(ctx, StatusCodes.Status200OK, reply).ConfigureAwait(false);
        Record(authText, queryProduct, queryDevId, mac, StatusCodes.Status200OK, RespCode.Ok, "ok", devId);
        _log.Info("http", $"registered {devId} (product {product.ProductCode}, mac {mac}, authLevel {authLevel}); devSecret {Redactor.Mask}; broker {host}:{port}{(tls ? " tls" : "")}");
    }

    private static Frame Reply(long msgId, long now, JsonNode data) => new()
    {
        Cmd = PlatformCmd.RegisterReply,
        Dir = FrameDirection.PlatformToDevice,
        MsgId = msgId,
        Timestamp = now,
        Data = data,
    };

    private async Task FailAsync(HttpContext ctx, long msgId, int status, int respCode, string reason,
        string? authLevel, string? productCode, string? devId, string? mac)
    {
        long now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var data = new JsonObject { [Fields.RespCode] = respCode, [Fields.RespCont] = reason };
        await ReplyAsync(ctx, status, Reply(msgId, now, data)).ConfigureAwait(false);
        Record(authLevel, productCode, devId, mac, status, respCode, reason, null);
        _log.Info("http", $"register failed: HTTP {status}, respCode {respCode}: {reason}");
    }

    private void Record(string? authLevel, string? productCode, string? devId, string? mac, int status, int respCode, string reason, string? issued)
        => _registry.AddRegistrationAttempt(new RegistrationAttempt(_time.GetUtcNow(), authLevel, productCode, devId, mac, status, respCode, reason, issued));

    private static async Task ReplyAsync(HttpContext ctx, int status, Frame frame)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        await ctx.Response.WriteAsync(frame.ToJson()).ConfigureAwait(false);
    }

    private static async Task<string> ReadBodyAsync(HttpRequest request)
    {
        using var ms = new MemoryStream();
        byte[] buffer = new byte[8192];
        while (true)
        {
            int n = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted).ConfigureAwait(false);
            if (n == 0) break;
            ms.Write(buffer, 0, n);
            if (ms.Length > MaxBodyBytes) throw new InvalidDataException($"body larger than {MaxBodyBytes} bytes");
        }
        try
        {
            return new UTF8Encoding(false, true).GetString(ms.GetBuffer(), 0, (int)ms.Length);
        }
        catch (DecoderFallbackException)
        {
            throw new InvalidDataException("body is not UTF-8");
        }
    }

    private static string? NullIfEmpty(string s) => string.IsNullOrEmpty(s) ? null : s;
}
