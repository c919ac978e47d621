using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace Clife.Device.IntegrationTests.Infrastructure;

/// <summary>The answer to a registration as a device sees it.</summary>
public sealed record RegistrationResult(HttpStatusCode Status, JsonObject? Frame, JsonObject? Data, string Body)
{
    /// <summary>respCode of the (decrypted or plain) data.</summary>
    public int? RespCode => Data?["respCode"]?.GetValue<int>();
    /// <summary>respCont of the data.</summary>
    public string? RespCont => Data?["respCont"]?.GetValue<string>();
    /// <summary>The issued devId.</summary>
    public string DevId => Data?["devId"]?.GetValue<string>() ?? throw new InvalidOperationException($"no devId in {Body}");
    /// <summary>The issued devSecret.</summary>
    public string DevSecret => Data?["devSecret"]?.GetValue<string>() ?? throw new InvalidOperationException($"no devSecret in {Body}");
}

/// <summary>Registers like a device: POST {base}/device/register with an encrypted 2000 frame.</summary>
public static class Registration
{
    private static readonly HttpClient Shared = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>The data object a device encrypts.</summary>
    public static JsonObject Data(string? productCode, string mac, string? devId = null, string software = "1.0.0.0", string hardware = "1.0", int productVer = 1)
    {
        var o = new JsonObject();
        if (productCode is not null) o["productCode"] = productCode;
        if (devId is not null) o["devId"] = devId;
        o["mac"] = mac;
        o["software"] = software;
        o["hardware"] = hardware;
        o["productVer"] = productVer;
        return o;
    }

    /// <summary>A 2000 frame around an encrypted data string.</summary>
    public static JsonObject Frame(string encryptedData, long msgId = 1, JsonNode? timestamp = null) => new()
    {
        ["cmd"] = 2000,
        ["ver"] = "1.0",
        ["dir"] = "03",
        ["msgId"] = msgId,
        ["timestamp"] = timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        ["data"] = encryptedData,
    };

    /// <summary>Registers and decrypts the answer when it is an encrypted string.</summary>
    public static Task<RegistrationResult> RegisterAsync(string baseUrl, int? authLevel, string? productCode, string? devId, string devKey, string mac,
        string? iv = null, long msgId = 1, HttpClient? http = null, CancellationToken ct = default)
    {
        string encrypted = DeviceCrypto.Encrypt(Data(productCode, mac, devId).ToJsonString(), devKey, iv);
        return PostAsync(baseUrl, authLevel, productCode, devId, Frame(encrypted, msgId).ToJsonString(), devKey, iv, http, ct);
    }

    /// <summary>Posts any body to the register endpoint and reads the answer.</summary>
    public static async Task<RegistrationResult> PostAsync(string baseUrl, int? authLevel, string? productCode, string? devId, string body, string devKey,
        string? iv = null, HttpClient? http = null, CancellationToken ct = default)
    {
        var query = new List<string>();
        if (authLevel is int l) query.Add($"authLevel={l}");
        if (productCode is not null) query.Add($"productCode={Uri.EscapeDataString(productCode)}");
        if (devId is not null) query.Add($"devId={Uri.EscapeDataString(devId)}");
        string url = $"{baseUrl}/device/register{(query.Count > 0 ? "?" + string.Join("&", query) : "")}";
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await (http ?? Shared).PostAsync(url, content, ct);
        string text = await response.Content.ReadAsStringAsync(ct);
        JsonObject? frame = null;
        JsonObject? data = null;
        try
        {
            frame = JsonNode.Parse(text) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            frame = null;
        }
        if (frame?["data"] is JsonValue v && v.TryGetValue(out string? cipherText))
            data = JsonNode.Parse(DeviceCrypto.Decrypt(cipherText, devKey, iv)) as JsonObject;
        else if (frame?["data"] is JsonObject plain)
            data = plain;
        return new RegistrationResult(response.StatusCode, frame, data, text);
    }
}
