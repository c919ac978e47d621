using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Clife.Simulator.Protocol;

namespace Clife.Simulator.Admin;

/// <summary>An admin API call was answered with an error.</summary>
public sealed class AdminApiException : Exception
{
    /// <summary>Creates the exception from the HTTP status and the API's error text.</summary>
    public AdminApiException(int statusCode, string message) : base(message) => StatusCode = statusCode;

    /// <summary>The HTTP status of the answer.</summary>
    public int StatusCode { get; }
}

/// <summary>A client of a running simulator's admin API (used by the CLI; handy in scripts and tests).</summary>
public sealed class AdminClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;

    /// <summary>Creates a client for the simulator at baseUrl (e.g. http://127.0.0.1:8088).</summary>
    /// <exception cref="ArgumentException">baseUrl is not an absolute http(s) URL.</exception>
    public AdminClient(string baseUrl, HttpClient? http = null)
    {
        if (!Uri.TryCreate(baseUrl.TrimEnd('/') + "/", UriKind.Absolute, out Uri? uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            throw new ArgumentException($"simulator URL '{baseUrl}' is not an absolute http(s) URL", nameof(baseUrl));
        BaseUri = uri;
        _ownsHttp = http is null;
        _http = http ?? new HttpClient { Timeout = TimeSpan.FromMinutes(3) };
    }

    /// <summary>The simulator's base URL.</summary>
    public Uri BaseUri { get; }

    /// <summary>GET /admin/status.</summary>
    public Task<JsonNode> StatusAsync(CancellationToken ct = default) => GetAsync("admin/status", ct);
    /// <summary>GET /admin/devices.</summary>
    public Task<JsonNode> DevicesAsync(CancellationToken ct = default) => GetAsync("admin/devices", ct);
    /// <summary>GET /admin/devices/{devId}.</summary>
    public Task<JsonNode> DeviceAsync(string devId, CancellationToken ct = default) => GetAsync($"admin/devices/{Esc(devId)}", ct);
    /// <summary>GET /admin/devices/{devId}/frames (the last `limit` when given).</summary>
    public Task<JsonNode> FramesAsync(string devId, int? limit = null, CancellationToken ct = default)
        => GetAsync($"admin/devices/{Esc(devId)}/frames{(limit is int l ? "?limit=" + l.ToString(CultureInfo.InvariantCulture) : "")}", ct);
    /// <summary>GET /admin/devices/{devId}/events.</summary>
    public Task<JsonNode> EventsAsync(string devId, CancellationToken ct = default) => GetAsync($"admin/devices/{Esc(devId)}/events", ct);

    /// <summary>POST /admin/devices/{devId}/query: all points, or the named ones.</summary>
    public Task<JsonNode> QueryAsync(string devId, IEnumerable<string> points, int waitMs = 0, CancellationToken ct = default)
    {
        var data = new JsonObject();
        foreach (string p in points) data[p] = null;
        return CommandAsync(devId, "query", data, waitMs, ct);
    }

    /// <summary>POST /admin/devices/{devId}/control.</summary>
    public Task<JsonNode> ControlAsync(string devId, JsonObject points, int waitMs = 0, CancellationToken ct = default) => CommandAsync(devId, "control", points, waitMs, ct);
    /// <summary>POST /admin/devices/{devId}/unbind.</summary>
    public Task<JsonNode> UnbindAsync(string devId, int waitMs = 0, CancellationToken ct = default) => CommandAsync(devId, "unbind", new JsonObject(), waitMs, ct);

    /// <summary>POST /admin/devices/{devId}/offline.</summary>
    public Task<JsonNode> OfflineAsync(string devId, int? seconds = null, int waitMs = 0, CancellationToken ct = default)
    {
        var data = new JsonObject();
        if (seconds is int s) data[Fields.Seconds] = s;
        return CommandAsync(devId, "offline", data, waitMs, ct);
    }

    /// <summary>POST /admin/devices/{devId}/file with a 2019 data object.</summary>
    public Task<JsonNode> FileAsync(string devId, JsonObject data, int waitMs = 0, CancellationToken ct = default) => CommandAsync(devId, "file", data, waitMs, ct);

    /// <summary>POST /admin/devices/{devId}/{command} with a data object.</summary>
    public Task<JsonNode> CommandAsync(string devId, string command, JsonObject data, int waitMs = 0, CancellationToken ct = default)
        => PostJsonAsync($"admin/devices/{Esc(devId)}/{command}{(waitMs > 0 ? "?wait=" + waitMs.ToString(CultureInfo.InvariantCulture) : "")}", data, ct);

    /// <summary>GET /admin/products.</summary>
    public Task<JsonNode> ProductsAsync(CancellationToken ct = default) => GetAsync("admin/products", ct);
    /// <summary>POST /admin/products with a product object or array.</summary>
    public Task<JsonNode> AddProductsAsync(JsonNode products, CancellationToken ct = default) => PostJsonAsync("admin/products", products, ct);

    /// <summary>POST /admin/files/{name}: hosts bytes; options are query parameters (dropAfter, ignoreRange, flip, corrupt, stallAfter, stallMs, status, times).</summary>
    public Task<JsonNode> AddFileAsync(string name, byte[] content, IReadOnlyDictionary<string, string>? options = null, CancellationToken ct = default)
    {
        string query = options is null || options.Count == 0 ? "" : "?" + string.Join("&", options.Select(kv => $"{Esc(kv.Key)}={Esc(kv.Value)}"));
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return SendAsync(HttpMethod.Post, $"admin/files/{Esc(name)}{query}", body, ct);
    }

    /// <summary>GET /admin/files.</summary>
    public Task<JsonNode> FilesAsync(CancellationToken ct = default) => GetAsync("admin/files", ct);
    /// <summary>GET /admin/uploads.</summary>
    public Task<JsonNode> UploadsAsync(CancellationToken ct = default) => GetAsync("admin/uploads", ct);
    /// <summary>GET /admin/registrations.</summary>
    public Task<JsonNode> RegistrationsAsync(CancellationToken ct = default) => GetAsync("admin/registrations", ct);

    /// <summary>GET a path relative to the base URL, returning the JSON answer.</summary>
    /// <exception cref="AdminApiException">The API answered with an error.</exception>
    /// <exception cref="HttpRequestException">The simulator is not reachable.</exception>
    public Task<JsonNode> GetAsync(string path, CancellationToken ct = default) => SendAsync(HttpMethod.Get, path, null, ct);

    /// <summary>POST JSON to a path relative to the base URL, returning the JSON answer.</summary>
    public Task<JsonNode> PostJsonAsync(string path, JsonNode? body, CancellationToken ct = default)
        => SendAsync(HttpMethod.Post, path, new StringContent(body?.ToJsonString() ?? "", Encoding.UTF8, "application/json"), ct);

    private async Task<JsonNode> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, new Uri(BaseUri, path)) { Content = content };
        using HttpResponseMessage response = await _http.SendAsync(request, ct).ConfigureAwait(false);
        string text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        JsonNode? node = null;
        try
        {
            node = text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            node = null;
        }
        if (!response.IsSuccessStatusCode)
        {
            string message = (node as JsonObject)?["error"]?.GetValue<string>() ?? $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}: {text}";
            throw new AdminApiException((int)response.StatusCode, message);
        }
        return node ?? throw new AdminApiException((int)response.StatusCode, $"the answer of {path} is not JSON: {text}");
    }

    private static string Esc(string s) => Uri.EscapeDataString(s);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsHttp) _http.Dispose();
    }
}
